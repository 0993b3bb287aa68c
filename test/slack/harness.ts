import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configSchema, type Config } from '../../src/config';
import { Asker } from '../../src/knowledge/answer/ask';
import { LOCAL_EMBEDDER_NAME, LocalHashEmbeddings } from '../../src/llm/local-embeddings';
import { bundledSamplesDir } from '../../src/paths';
import { createDeskmateApp, type DeskmateAppOptions, type DeskmateSlackApp } from '../../src/slack/app';
import { SqliteStore } from '../../src/store/sqlite';
import { runIngest } from '../../ingest/pipeline';
import { FakeSlack } from '../support/fake-slack';
import { buttonClick, eventEnvelope, postSigned, slashCommand, type SignedResponse } from '../support/signed';

export const SECRET = 'test-signing-secret';
export const SENIOR_API = 'USENIORAPI';
const SENIOR_WEBHOOKS = 'USENIORHOOK';
export const SENIOR_DEFAULT = 'USENIORDEF';
export const ADMIN = 'UADMIN';
export const JUNIOR = 'UJUNIOR';
export const CHANNEL = 'CGENERAL';
export const PROACTIVE_CHANNEL = 'CHELP';

/** Builds the sample index once into a temp dir (the local hashed embedder: offline, deterministic). */
export async function buildSampleIndex(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deskmate-index-'));
  await runIngest({ roots: [bundledSamplesDir()], indexDir: dir, embedder: { name: LOCAL_EMBEDDER_NAME, embeddings: new LocalHashEmbeddings() } });
  return dir;
}

export function testConfig(fake: FakeSlack, dataDir: string, indexDir: string, extra: Record<string, unknown> = {}): Config {
  return configSchema.parse({
    index: { dir: indexDir },
    slack: { botToken: 'xoxb-test', signingSecret: SECRET, apiUrl: fake.url, botUserId: fake.botUserId, botId: fake.botId },
    dataDir,
    seniors: [SENIOR_DEFAULT],
    admins: [ADMIN],
    proactiveChannels: [PROACTIVE_CHANNEL],
    topics: [
      { name: 'webhooks', keywords: ['webhook', 'signature'], seniors: [SENIOR_WEBHOOKS] },
      { name: 'api', keywords: ['pagination', 'cursor', 'shipments', 'rate limit'], seniors: [SENIOR_API] },
    ],
    ...extra,
  });
}

export interface Harness {
  fake: FakeSlack;
  deskmate: DeskmateSlackApp;
  store: SqliteStore;
  config: Config;
  url: string;
  sendEvent(event: Record<string, unknown>, options?: { eventId?: string; retryNum?: number; timeoutMs?: number }): Promise<SignedResponse & { eventId: string }>;
  /** Signs and sends a whole Events API envelope as given (fixtures from Slack's SDK test suites). */
  sendBody(body: Record<string, unknown>): Promise<SignedResponse>;
  click(input: Parameters<typeof buttonClick>[0]): Promise<SignedResponse>;
  command(input: Parameters<typeof slashCommand>[0]): Promise<SignedResponse>;
  /** Stops the app (draining answers) and closes the store; the fake and data dir stay for a restart. */
  stop(): Promise<void>;
}

export interface HarnessInput {
  fake: FakeSlack;
  dataDir: string;
  indexDir: string;
  configExtra?: Record<string, unknown>;
  reindex?: () => Promise<void>;
  now?: () => Date;
  /** App options tests set small so they do not wait out production timeouts. */
  appOptions?: Pick<DeskmateAppOptions, 'slackRetry' | 'unhandledRequestTimeoutMs'>;
}

export async function startHarness(input: HarnessInput): Promise<Harness> {
  const config = testConfig(input.fake, input.dataDir, input.indexDir, input.configExtra);
  const store = SqliteStore.open(config.dataDir);
  const asker = await Asker.open(config, input.indexDir);
  const deskmate = await createDeskmateApp({ config, asker, store, mode: 'http', reindex: input.reindex, now: input.now, reloadIntervalMs: 60_000, sweepIntervalMs: 60_000, ...input.appOptions });
  const { port } = await deskmate.start({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${port}/slack/events`;
  return {
    fake: input.fake,
    deskmate,
    store,
    config,
    url,
    async sendEvent(event, options = {}) {
      const { raw, eventId } = eventEnvelope(event, options.eventId);
      return { ...(await postSigned(url, raw, { secret: SECRET, retryNum: options.retryNum, timeoutMs: options.timeoutMs })), eventId };
    },
    async sendBody(body) {
      return postSigned(url, JSON.stringify(body), { secret: SECRET });
    },
    async click(click) {
      const { raw, contentType } = buttonClick({ responseUrl: input.fake.responseUrl({ user: click.user, channel: click.channel }), ...click });
      return postSigned(url, raw, { secret: SECRET, contentType });
    },
    async command(cmd) {
      // Slack mints a response_url per command; the fake answers it and records what arrives.
      const { raw, contentType } = slashCommand({ responseUrl: input.fake.responseUrl({ user: cmd.user, channel: cmd.channel }), ...cmd });
      return postSigned(url, raw, { secret: SECRET, contentType });
    },
    async stop() {
      await deskmate.stop();
      await store.close();
    },
  };
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'deskmate-data-'));
}

/** Text of every block of a recorded call, joined: what a person would read. */
export function renderedText(args: Record<string, unknown>): string {
  const blocks = (args.blocks as Array<Record<string, unknown>> | undefined) ?? [];
  return JSON.stringify(blocks) + ' ' + String(args.text ?? '');
}

/** The production retry shape (six attempts, exponential, jittered) on a millisecond scale. */
export const FAST_SLACK_RETRY = { retries: 5, factor: 2, minTimeout: 10, maxTimeout: 80, randomize: true };

/** What `useSlackHarness` keeps current for each test. */
export interface SlackFixture {
  h: Harness;
  fake: FakeSlack;
  indexDir: string;
  dataDir: string;
  /** Stops the app and starts a new one against the same fake Slack and (unless given) data dir: a restart. */
  restart(input?: Partial<Omit<HarnessInput, 'fake' | 'indexDir'>>): Promise<Harness>;
}

/**
 * The usual set-up of an end-to-end Slack test file: the sample index built once, then per test a
 * fresh fake Slack, data dir and app, stopped afterwards (whichever app is current after restarts).
 */
export function useSlackHarness(options: Partial<Omit<HarnessInput, 'fake' | 'indexDir' | 'dataDir'>> | (() => Partial<Omit<HarnessInput, 'fake' | 'indexDir' | 'dataDir'>>) = {}): SlackFixture {
  const fx = {} as SlackFixture;
  const optionsNow = () => (typeof options === 'function' ? options() : options);
  fx.restart = async (input = {}) => {
    await fx.h.stop();
    fx.dataDir = input.dataDir ?? fx.dataDir;
    fx.h = await startHarness({ ...optionsNow(), ...input, fake: fx.fake, indexDir: fx.indexDir, dataDir: fx.dataDir });
    return fx.h;
  };
  beforeAll(async () => {
    fx.indexDir = await buildSampleIndex();
  });
  beforeEach(async () => {
    fx.fake = await FakeSlack.start();
    fx.dataDir = tempDataDir();
    fx.h = await startHarness({ ...optionsNow(), fake: fx.fake, indexDir: fx.indexDir, dataDir: fx.dataDir });
  });
  afterEach(async () => {
    await fx.h?.stop();
    await fx.fake?.close();
  });
  return fx;
}

/**
 * For files whose tests each pick their own config: the sample index built once, `start(configExtra)`
 * inside the test, and whatever was started stopped afterwards.
 */
export function useSlackHarnessPerTest(appOptions?: HarnessInput['appOptions']): { h: Harness; fake: FakeSlack; start(configExtra?: Record<string, unknown>): Promise<Harness> } {
  let indexDir: string;
  const fx = {} as { h: Harness; fake: FakeSlack; start(configExtra?: Record<string, unknown>): Promise<Harness> };
  fx.start = async (configExtra = {}) => {
    fx.fake = await FakeSlack.start();
    fx.h = await startHarness({ fake: fx.fake, dataDir: tempDataDir(), indexDir, configExtra, appOptions });
    return fx.h;
  };
  beforeAll(async () => {
    indexDir = await buildSampleIndex();
  });
  afterEach(async () => {
    await fx.h?.stop();
    await fx.fake?.close();
    fx.h = undefined as unknown as Harness;
    fx.fake = undefined as unknown as FakeSlack;
  });
  return fx;
}
