/**
 * The composition root: loads config, builds one of each port (docs index, store, metrics, model
 * gateway) and picks Socket Mode, HTTP or the local console. Adapters never import each other; this does.
 */
import path from 'node:path';
import { loadConfig, type Config } from './config.js';
import { resetBadStateFile } from './db/sqlite-file.js';
import { DeskmateError, ErrorCode } from './errors.js';
import { runConsole } from './console/console.js';
import { Asker } from './knowledge/answer/ask.js';
import { readManifest } from './knowledge/index/index-store.js';
import { childLogger } from './log.js';
import { createDeskmateApp } from './slack/app.js';
import { slackManifest } from './slack/manifest.js';
import type { AskerLike } from './slack/deps.js';
import { WorkerAsker } from './slack/worker-asker.js';
import { MetricsRecorder } from './metrics/recorder.js';
import { openMetricsStore } from './metrics/create.js';
import { scheduleReportJob } from './slack/report-job.js';
import { createStore } from './store/create.js';
import { scheduleRetention } from './store/retention-schedule.js';
import { ingestCommand } from './terminal/ingest-run.js';

const log = childLogger('start');

export type RunMode = 'socket' | 'http' | 'console';

/**
 * Which way to run, from the Slack variables present. Socket Mode wins when both are configured;
 * no Slack variables at all means the local console; anything partial is an error naming what to add.
 */
export function runModeOf(config: Config): RunMode {
  const { botToken, appToken, signingSecret } = config.slack;
  if (!botToken && !appToken && !signingSecret) return 'console';
  if (!botToken) {
    throw new DeskmateError(ErrorCode.ConfigInvalid, `${appToken ? 'SLACK_APP_TOKEN' : 'SLACK_SIGNING_SECRET'} is set but SLACK_BOT_TOKEN is not. Add SLACK_BOT_TOKEN (xoxb-…, from OAuth & Permissions), or unset the Slack variables to use the local console.`);
  }
  if (appToken) return 'socket';
  if (signingSecret) return 'http';
  throw new DeskmateError(
    ErrorCode.ConfigInvalid,
    'SLACK_BOT_TOKEN is set, but Deskmate also needs either SLACK_APP_TOKEN (xapp-…, for Socket Mode) or SLACK_SIGNING_SECRET (for HTTP mode on PORT, path /slack/events). Add one of them.',
  );
}


/** `deskmate start`: Slack (Socket Mode or HTTP) when its tokens are set, else the local console. */
export async function startDeskmate(flags: { index?: string; resetStore?: boolean }): Promise<void> {
  const config = loadConfig();
  if (flags.resetStore) resetStore(config);
  const mode = runModeOf(config);
  if (mode === 'console') return runConsole(config, { indexDir: flags.index });
  await startSlack(config, mode, path.resolve(flags.index ?? config.index.dir));
}

function resetStore(config: Config): void {
  if (config.databaseUrl) throw new DeskmateError(ErrorCode.UsageError, '--reset-store resets the SQLite file under DESKMATE_DATA_DIR; with DATABASE_URL set, restore PostgreSQL from its backup instead.');
  const moved = resetBadStateFile(config.dataDir);
  if (moved.length) log.warn({ movedTo: moved }, 'the damaged state file was moved aside (not deleted); starting with a fresh one');
  else log.info({ dataDir: config.dataDir }, '--reset-store: the state file is healthy (or absent); nothing moved');
}

async function startSlack(config: Config, mode: 'socket' | 'http', indexDir: string): Promise<void> {
  if (!readManifest(indexDir)) {
    log.info({ indexDir }, 'no index yet: indexing the configured docs (or the bundled samples) first');
    await ingestCommand([], { index: indexDir, quiet: true });
  }
  // Retrieval is CPU-bound: in a worker thread it never delays an ack (the built package has the worker).
  const asker: AskerLike = WorkerAsker.available() ? await WorkerAsker.open(config, indexDir) : await Asker.open(config, indexDir);
  const store = await createStore(config);
  // Interruption metrics share DATABASE_URL (or the data dir) with the state store.
  const metricsStore = await openMetricsStore(config);
  const deskmate = await createDeskmateApp({
    config,
    asker,
    store,
    mode,
    metrics: new MetricsRecorder(metricsStore, config.mode),
    metricsStore,
    reindex: async () => {
      await ingestCommand([], { index: indexDir, quiet: true });
    },
  });
  await deskmate.start({ port: config.slack.port });
  // Data older than retention.days goes once now, then on retention.cron.
  const retention = scheduleRetention(store, config.retention);
  await retention.runNow().catch((err) => log.error({ err: (err as Error).message }, 'retention purge at start failed'));
  const weeklyReport = scheduleReportJob({ config, store: metricsStore, client: deskmate.runtime.client });
  await new Promise<void>((resolve) => {
    let stopping = false;
    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      retention.stop();
      log.info({ signal }, 'stopping: draining in-flight answers');
      weeklyReport?.stop();
      void deskmate
        .stop()
        .then(() => store.close())
        .then(() => metricsStore.close())
        .then(() => asker.close?.())
        .catch((err) => log.error({ err: (err as Error).message }, 'error while stopping'))
        .finally(resolve);
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  });
}

/** The Slack app manifest for a mode (what `deskmate manifest` prints). */
export function slackAppManifest(flags: { http?: string }): unknown {
  return flags.http ? slackManifest({ mode: 'http', baseUrl: flags.http }) : slackManifest({ mode: 'socket' });
}
