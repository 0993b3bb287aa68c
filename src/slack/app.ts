import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver, type Receiver } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { Config } from '../config.js';
import { DeskmateError, ErrorCode } from '../errors.js';
import { childLogger } from '../log.js';
import type { DeskmateStore } from '../store/types.js';
import type { MetricsRecorder } from '../metrics/recorder.js';
import type { MetricsStore } from '../metrics/types.js';
import { sanitize } from '../security/sanitize/index.js';
import { AnswerQueue } from './answer-queue.js';
import { RequestPressure } from './request-pressure.js';
import { answerQuestion } from './answer-question.js';
import { boltLogger } from './bolt-logger.js';
import { guardOutgoingBlocks } from './blocks/guard-client.js';
import { slackClientOptions, type SlackRetryConfig } from './client-options.js';
import { isRetryableStoreError, malformedRequestHandler } from './receiver-errors.js';
import { createModelGateway, type ModelGateway } from '../llm/gateway.js';
import { rolesOf, type AskerLike, type SlackDeps } from './deps.js';
import * as actions from './listeners/actions/index.js';
import * as assistant from './listeners/assistant/index.js';
import * as commands from './listeners/commands/index.js';
import * as events from './listeners/events/index.js';
import * as messages from './listeners/messages/index.js';
import * as shortcuts from './listeners/shortcuts/index.js';
import * as views from './listeners/views/index.js';
import { sweepEscalations } from './escalation-sweep.js';
import type { SlackRuntime } from './runtime.js';

const log = childLogger('slack.app');

export interface DeskmateAppOptions {
  config: Config;
  asker: AskerLike;
  /** Web API retry policy (default SLACK_RETRY_CONFIG: about a minute of jittered backoff). */
  slackRetry?: SlackRetryConfig;
  /** How long Bolt waits for a listener to ack before answering for it (Bolt's default 3001 ms). */
  unhandledRequestTimeoutMs?: number;
  /** The process's model gateway; default: one built from config. */
  models?: ModelGateway;
  store: DeskmateStore;
  mode: 'http' | 'socket';
  reindex?: () => Promise<void>;
  /** How often to look for a new index build on disk and for pending questions left behind. */
  reloadIntervalMs?: number;
  sweepIntervalMs?: number;
  concurrency?: number;
  now?: () => Date;
  /** HTTP mode: called with each request's server-side time from arrival to response sent (benches, metrics). */
  onRequestTimed?: (ms: number) => void;
  /** Records interruption metrics from the listeners (see src/slack/metrics-hooks.ts). */
  metrics?: MetricsRecorder;
  metricsStore?: MetricsStore;
}

export interface DeskmateSlackApp {
  app: App;
  runtime: SlackRuntime;
  /** Starts listening (HTTP: on `port`, `host`); resolves with the bound port. Pending questions are re-queued. */
  start(listen?: { port?: number; host?: string }): Promise<{ port: number }>;
  /** Stops taking requests, then drains queued and running answers (SIGTERM). */
  stop(): Promise<void>;
  /** Resolves when no answer is queued or running (tests, benches). */
  idle(): Promise<void>;
}

/** The bot's own ids, from config or one auth.test call (so Bolt never calls it per event). */
async function botIdentity(config: Config): Promise<{ botUserId: string; botId?: string }> {
  if (config.slack.botUserId) return { botUserId: config.slack.botUserId, botId: config.slack.botId };
  try {
    const client = new WebClient(config.slack.botToken, { slackApiUrl: config.slack.apiUrl });
    const res = await client.auth.test();
    return { botUserId: String(res.user_id), botId: res.bot_id ? String(res.bot_id) : config.slack.botId };
  } catch (err) {
    throw new DeskmateError(ErrorCode.SlackFailed, `Slack rejected the bot token (auth.test: ${(err as Error).message}). Check SLACK_BOT_TOKEN, or set SLACK_BOT_USER_ID to skip this check.`, { cause: err });
  }
}

export async function createDeskmateApp(options: DeskmateAppOptions): Promise<DeskmateSlackApp> {
  const { config } = options;
  if (!config.slack.botToken) throw new DeskmateError(ErrorCode.ConfigInvalid, 'SLACK_BOT_TOKEN is not set.');
  const identity = await botIdentity(config);
  let ready = false;
  const healthz = {
    path: '/healthz',
    method: ['GET'],
    handler: (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: ready }));
    },
  };
  let receiver: Receiver;
  if (options.mode === 'socket') {
    if (!config.slack.appToken) throw new DeskmateError(ErrorCode.ConfigInvalid, 'Socket Mode needs SLACK_APP_TOKEN.');
    receiver = new SocketModeReceiver({ appToken: config.slack.appToken, customRoutes: [healthz], installerOptions: { port: config.slack.port }, logger: boltLogger() });
  } else {
    if (!config.slack.signingSecret) throw new DeskmateError(ErrorCode.ConfigInvalid, 'HTTP mode needs SLACK_SIGNING_SECRET.');
    // processBeforeResponse: the listener persists the question before the 200 goes out.
    receiver = new HTTPReceiver({ signingSecret: config.slack.signingSecret, endpoints: '/slack/events', processBeforeResponse: true, customRoutes: [healthz], logger: boltLogger(), processEventErrorHandler: malformedRequestHandler, unhandledRequestTimeoutMillis: options.unhandledRequestTimeoutMs ?? 3001 });
  }
  const app = new App({
    receiver,
    token: config.slack.botToken,
    tokenVerificationEnabled: false,
    botUserId: identity.botUserId,
    botId: identity.botId,
    logger: boltLogger(),
    clientOptions: slackClientOptions(config, options.slackRetry),
  });
  const deps: SlackDeps = { config, asker: options.asker, models: options.models ?? createModelGateway(config), store: options.store, reindex: options.reindex, botUserId: identity.botUserId, now: options.now ?? (() => new Date()), metrics: options.metrics, metricsStore: options.metricsStore };
  const client = app.client;
  guardOutgoingBlocks(client);
  // HTTP mode: answers wait while requests are arriving, so a burst is acked before it is answered.
  const pressure = new RequestPressure();
  const queue = new AnswerQueue((q) => answerQuestion(deps, client, q), options.concurrency ?? 2, 500, () => pressure.busy(), 2000);
  const runtime: SlackRuntime = { deps, roles: rolesOf(config), queue, client };
  // First: Bolt's Assistant takes the assistant pane's events and threaded DM messages.
  assistant.register(app, runtime);
  events.register(app, runtime);
  messages.register(app, runtime);
  actions.register(app, runtime);
  commands.register(app, runtime);
  shortcuts.register(app, runtime);
  views.register(app, runtime);
  app.error(async (err) => {
    // A locked or unreachable store: fail the request (503) so Slack redelivers what we could not store.
    if (isRetryableStoreError(err)) throw err;
    // One bad event never takes the process down; Slack retries what we failed to ack.
    log.error({ err: err.message, code: (err as { code?: string }).code }, 'listener failed');
  });

  const timers: NodeJS.Timeout[] = [];
  const sweep = async () => queue.sweep(await options.store.pendingQuestions());
  return {
    app,
    runtime,
    async start(listen = {}) {
      // The sanitizer loads its rule set on first use (~seconds): do it before the first ack needs it.
      await sanitize('warm-up: token xoxb-0000 and mail a@b.example');
      const started = (options.mode === 'http' ? await app.start({ port: listen.port ?? config.slack.port, host: listen.host }) : await app.start()) as unknown;
      const requeued = await sweep();
      if (requeued) log.info({ requeued }, 'pending questions from before the restart re-queued');
      timers.push(setInterval(() => void options.asker.reloadIfChanged().catch(() => undefined), options.reloadIntervalMs ?? 30_000).unref());
      timers.push(setInterval(() => void sweep().catch((err) => log.warn({ err: (err as Error).message }, 'sweep failed')), options.sweepIntervalMs ?? 30_000).unref());
      timers.push(setInterval(() => void sweepEscalations(runtime).catch((err) => log.warn({ err: (err as Error).message }, 'escalation sweep failed')), 60_000).unref());
      ready = true;
      if (options.mode === 'http') {
        (started as Server).on('request', (_req: IncomingMessage, res: ServerResponse) => {
          pressure.arrived();
          const arrived = performance.now();
          res.once('close', () => {
            pressure.closed();
            options.onRequestTimed?.(performance.now() - arrived);
          });
        });
      }
      const address = options.mode === 'http' ? (started as Server).address() : null;
      const port = address && typeof address === 'object' ? address.port : config.slack.port;
      log.info({ mode: options.mode, port, botUserId: identity.botUserId }, 'Deskmate is listening');
      return { port };
    },
    async stop() {
      ready = false;
      for (const t of timers) clearInterval(t);
      await app.stop().catch((err) => log.warn({ err: (err as Error).message }, 'receiver stop failed'));
      await queue.drain();
      log.info('Deskmate stopped; in-flight answers drained');
    },
    idle: () => queue.idle(),
  };
}
