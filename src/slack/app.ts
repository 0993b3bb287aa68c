import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { App, SocketModeReceiver, type Receiver } from '@slack/bolt';
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
import { EventHandoff } from './event-handoff.js';
import { EVENTS_PATH, EventsFrontReceiver } from './events-front.js';
import { dropForeignInstallations, type InstallationIdentity } from './installation.js';
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
  /** HTTP mode: how long a client may take over its headers, its whole request, and idle keep-alive. */
  serverTimeouts?: Partial<ServerTimeouts>;
}

interface ServerTimeouts {
  headersMs: number;
  requestMs: number;
  keepAliveMs: number;
}

// A slow-header or slow-body client (slowloris) is cut off instead of holding a socket for minutes.
const SERVER_TIMEOUTS: ServerTimeouts = { headersMs: 10_000, requestMs: 15_000, keepAliveMs: 10_000 };

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

/**
 * The bot's own ids and the installation (team, enterprise, app) from one auth.test call at start-up,
 * so Bolt never calls it per event and no request can claim to be the installation.
 */
async function botIdentity(config: Config): Promise<{ botUserId: string; botId?: string; installation: InstallationIdentity }> {
  try {
    const client = new WebClient(config.slack.botToken, { slackApiUrl: config.slack.apiUrl, retryConfig: { retries: 2 } });
    const res = await client.auth.test();
    const installation: InstallationIdentity = { teamId: res.is_enterprise_install ? undefined : res.team_id || undefined, enterpriseId: res.enterprise_id || undefined, appId: res.app_id || undefined };
    return { botUserId: config.slack.botUserId ?? String(res.user_id), botId: config.slack.botId ?? (res.bot_id ? String(res.bot_id) : undefined), installation };
  } catch (err) {
    if (config.slack.botUserId) {
      // Configured ids let Deskmate start without Slack; it cannot then tell its own team from another.
      log.warn({ err: (err as Error).message }, 'auth.test failed: requests are not checked against the installation team until a restart succeeds');
      return { botUserId: config.slack.botUserId, botId: config.slack.botId, installation: {} };
    }
    throw new DeskmateError(ErrorCode.SlackFailed, `Slack rejected the bot token (auth.test: ${(err as Error).message}). Check SLACK_BOT_TOKEN, or set SLACK_BOT_USER_ID to start without this check.`, { cause: err });
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
  // HTTP mode: answers (and handing stored events to Bolt) wait while requests are arriving, so a burst is acked first.
  const pressure = new RequestPressure();
  const handoff = new EventHandoff(options.store, () => pressure.busy(), 2000);
  let receiver: Receiver;
  if (options.mode === 'socket') {
    if (!config.slack.appToken) throw new DeskmateError(ErrorCode.ConfigInvalid, 'Socket Mode needs SLACK_APP_TOKEN.');
    receiver = new SocketModeReceiver({ appToken: config.slack.appToken, customRoutes: [healthz], installerOptions: { port: config.slack.port }, logger: boltLogger() });
  } else {
    if (!config.slack.signingSecret) throw new DeskmateError(ErrorCode.ConfigInvalid, 'HTTP mode needs SLACK_SIGNING_SECRET.');
    // Events: the front stores the envelope and answers before Bolt runs. The rest (commands,
    // interactivity) keeps processBeforeResponse: their listener stores what it must before the 200.
    receiver = new EventsFrontReceiver({
      signingSecret: config.slack.signingSecret,
      endpoints: EVENTS_PATH,
      processBeforeResponse: true,
      customRoutes: [healthz],
      logger: boltLogger(),
      processEventErrorHandler: malformedRequestHandler,
      store: options.store,
      handoff,
      identity: () => identity.installation,
      unhandledRequestTimeoutMillis: options.unhandledRequestTimeoutMs ?? 3001,
    });
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
  handoff.attach(app);
  dropForeignInstallations(app, identity.installation);
  const queue = new AnswerQueue((q) => answerQuestion(deps, client, q), options.concurrency ?? 2, 500, () => pressure.busy(), 2000);
  const runtime: SlackRuntime = { deps, roles: rolesOf(config), queue, client, installation: identity.installation };
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
  // Events stored but never handled (a crash after the 200) go to Bolt again; then pending questions.
  const sweep = async (eventsOlderThanMs: number) => (await handoff.replay(eventsOlderThanMs)) + queue.sweep(await options.store.pendingQuestions());
  const timeouts = { ...SERVER_TIMEOUTS, ...options.serverTimeouts };
  return {
    app,
    runtime,
    async start(listen = {}) {
      // The sanitizer loads its rule set on first use (~seconds): do it before the first ack needs it.
      await sanitize('warm-up: token xoxb-0000 and mail a@b.example');
      const serverOptions = { headersTimeout: timeouts.headersMs, requestTimeout: timeouts.requestMs, keepAliveTimeout: timeouts.keepAliveMs, connectionsCheckingInterval: Math.min(1000, timeouts.headersMs) };
      const started = (options.mode === 'http' ? await app.start({ port: listen.port ?? config.slack.port, host: listen.host }, serverOptions) : await app.start()) as unknown;
      const requeued = await sweep(0);
      if (requeued) log.info({ requeued }, 'pending questions from before the restart re-queued');
      timers.push(setInterval(() => void options.asker.reloadIfChanged().catch(() => undefined), options.reloadIntervalMs ?? 30_000).unref());
      timers.push(setInterval(() => void sweep(60_000).catch((err) => log.warn({ err: (err as Error).message }, 'sweep failed')), options.sweepIntervalMs ?? 30_000).unref());
      timers.push(setInterval(() => void sweepEscalations(runtime).catch((err) => log.warn({ err: (err as Error).message }, 'escalation sweep failed')), 60_000).unref());
      ready = true;
      if (options.mode === 'http') {
        const server = started as Server;
        server.headersTimeout = timeouts.headersMs;
        server.requestTimeout = timeouts.requestMs;
        server.keepAliveTimeout = timeouts.keepAliveMs;
        server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
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
      await handoff.idle();
      await queue.drain();
      log.info('Deskmate stopped; in-flight answers drained');
    },
    async idle() {
      await handoff.idle();
      await queue.idle();
    },
  };
}
