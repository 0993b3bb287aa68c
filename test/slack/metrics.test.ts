import fs from 'node:fs';
import path from 'node:path';
import { Asker } from '../../src/knowledge/answer/ask';
import { MetricsRecorder } from '../../src/metrics/recorder';
import { SqliteMetricsStore } from '../../src/metrics/sqlite';
import type { MetricEvent } from '../../src/metrics/types';
import { createDeskmateApp, type DeskmateSlackApp } from '../../src/slack/app';
import { CHART_FILENAME, runWeeklyReportJob } from '../../src/slack/report-job';
import { SqliteStore } from '../../src/store/sqlite';
import { FakeSlack } from '../support/fake-slack';
import { buttonClick, eventEnvelope, mentionEvent, messageEvent, postSigned, slashCommand } from '../support/signed';
import { buildSampleIndex, CHANNEL, JUNIOR, PROACTIVE_CHANNEL, SECRET, SENIOR_API, tempDataDir, testConfig } from './harness';

/**
 * End to end over signed HTTP against the fake Slack: what the listeners record as metric events,
 * observe mode (count, never answer), /deskmate stats, and the weekly post with its chart upload.
 */

const DAY_MS = 86_400_000;
const DASHBOARD = 'CDASHBOARD';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface MetricsHarness {
  deskmate: DeskmateSlackApp;
  metricsStore: SqliteMetricsStore;
  config: ReturnType<typeof testConfig>;
  send(event: Record<string, unknown>): Promise<number>;
  click(actionId: string, value: string, user: string, channel: string): Promise<void>;
  command(text: string, user: string, channel: string): Promise<{ status: number; body: string }>;
  events(): Promise<MetricEvent[]>;
  stop(): Promise<void>;
}

let indexDir: string;
let fake: FakeSlack;
let h: MetricsHarness;

async function start(configExtra: Record<string, unknown> = {}): Promise<MetricsHarness> {
  const dataDir = tempDataDir();
  const config = testConfig(fake, dataDir, indexDir, configExtra);
  const store = SqliteStore.open(dataDir);
  const metricsStore = SqliteMetricsStore.open(dataDir);
  const asker = await Asker.open(config, indexDir);
  const deskmate = await createDeskmateApp({ config, asker, store, mode: 'http', metrics: new MetricsRecorder(metricsStore, config.mode), metricsStore, reloadIntervalMs: 60_000, sweepIntervalMs: 60_000 });
  const { port } = await deskmate.start({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${port}/slack/events`;
  return {
    deskmate,
    metricsStore,
    config,
    send: async (event) => (await postSigned(url, eventEnvelope(event).raw, { secret: SECRET })).status,
    click: async (actionId, value, user, channel) => {
      const { raw, contentType } = buttonClick({ actionId, value, user, channel });
      expect((await postSigned(url, raw, { secret: SECRET, contentType })).status).toBe(200);
    },
    command: async (text, user, channel) => {
      const { raw, contentType } = slashCommand({ text, user, channel });
      return postSigned(url, raw, { secret: SECRET, contentType });
    },
    events: () => metricsStore.eventsBetween(0, Date.now() + 1),
    stop: async () => {
      await deskmate.stop();
      await store.close();
      await metricsStore.close();
    },
  };
}

/** The value of the button with this action id in a recorded message's blocks (answers carry the question id). */
function buttonValue(args: Record<string, unknown>, actionId: string): string | undefined {
  const found = JSON.stringify(args.blocks ?? []).match(new RegExp(`"action_id":"${actionId}"[^}]*?"value":"([^"]+)"|"value":"([^"]+)"[^}]*?"action_id":"${actionId}"`));
  return found ? (found[1] ?? found[2]) : undefined;
}

async function eventually<T>(read: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  indexDir = await buildSampleIndex();
});
beforeEach(async () => {
  fake = await FakeSlack.start();
});
afterEach(async () => {
  await h?.stop();
  await fake.close();
});

describe('metrics recorded by the Slack listeners', () => {
  test('a ping of a senior that Deskmate answers: senior_ping, question_asked (topic, sanitized text) and answered share the thread key; feedback lands on it', async () => {
    h = await start();
    const started = Date.now();
    const ts = '1760000000.000100';
    const text = `<@${SENIOR_API}> <@${fake.botUserId}> how do I list shipments with cursor pagination?`;
    // Slack sends both: the channel message (any channel Deskmate is in) and the app_mention.
    await h.send(messageEvent({ channel: CHANNEL, user: JUNIOR, text, ts }));
    await h.send({ ...mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'x', ts }), text });
    await h.deskmate.idle();
    const ref = `${CHANNEL}:${ts}`;
    const events = await h.events();
    const ping = events.find((e) => e.type === 'senior_ping');
    expect(ping).toMatchObject({ ref, senior: SENIOR_API, actor: JUNIOR, isQuestion: true, mode: 'active', channelKind: 'channel' });
    expect(ping!.text).toBeUndefined(); // pings store no message text
    const asked = events.find((e) => e.type === 'question_asked');
    expect(asked).toMatchObject({ ref, actor: JUNIOR, channel: CHANNEL, channelKind: 'channel', topic: 'api' });
    expect(asked!.text).toContain('shipments');
    expect(asked!.text).not.toContain('<@'); // mentions stripped before storing
    expect(typeof asked!.confidence).toBe('number');
    expect(events.filter((e) => e.type === 'answered')).toEqual([expect.objectContaining({ ref, actor: 'bot' })]);
    // Dated at arrival (before retrieval), so the time to first answer covers the whole wait.
    expect(asked!.at).toBeLessThan(events.find((e) => e.type === 'answered')!.at);
    expect(asked!.at).toBeGreaterThanOrEqual(started);

    const answer = fake.callsTo('chat.update').find((c) => buttonValue(c.args, 'answer_helpful'));
    expect(answer).toBeDefined();
    await h.click('answer_helpful', buttonValue(answer!.args, 'answer_helpful')!, JUNIOR, CHANNEL);
    const feedback = await eventually(async () => (await h.events()).find((e) => e.type === 'feedback'));
    expect(feedback).toMatchObject({ ref, actor: JUNIOR, feedback: 'helpful' });
  });

  test('escalation, claim and resolve are recorded against the question thread, with senior and reason', async () => {
    h = await start();
    const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'Why did we choose cursor pagination instead of offsets?' });
    await h.send(event);
    await h.deskmate.idle();
    const ref = `${CHANNEL}:${String(event.ts)}`;
    const escalated = (await h.events()).find((e) => e.type === 'escalated');
    expect(escalated).toMatchObject({ ref, senior: SENIOR_API, actor: 'bot' });
    expect(escalated!.reason).toBeTruthy();
    const notice = fake.callsTo('chat.postMessage').find((c) => buttonValue(c.args, 'escalation_claim'));
    const escalationId = buttonValue(notice!.args, 'escalation_claim')!;

    await h.click('escalation_claim', escalationId, SENIOR_API, SENIOR_API);
    const claimed = await eventually(async () => (await h.events()).find((e) => e.type === 'escalation_claimed'));
    expect(claimed).toMatchObject({ ref, senior: SENIOR_API, actor: SENIOR_API });
    await h.click('escalation_resolve', escalationId, SENIOR_API, SENIOR_API);
    const resolved = await eventually(async () => (await h.events()).find((e) => e.type === 'escalation_resolved'));
    expect(resolved).toMatchObject({ ref, senior: SENIOR_API });
    expect(resolved!.at).toBeGreaterThanOrEqual(claimed.at);
  });

  test('a DM question is counted without its text', async () => {
    h = await start();
    const ts = '1760000000.000200';
    await h.send(messageEvent({ channel: 'DJUNIOR', channel_type: 'im', user: JUNIOR, text: 'how do I list shipments?', ts }));
    await h.deskmate.idle();
    const asked = (await h.events()).filter((e) => e.type === 'question_asked');
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ ref: `DJUNIOR:${ts}`, channelKind: 'dm' });
    expect(asked[0].text).toBeUndefined();
    expect((await h.events()).some((e) => e.type === 'senior_ping')).toBe(false); // DMs are not channel pings
  });
});

describe('observe mode', () => {
  test('answers nothing (mention, DM, proactive channel question) but counts senior pings as the baseline', async () => {
    h = await start({ mode: 'observe' });
    const ts = '1760000000.000300';
    const text = `<@${SENIOR_API}> <@${fake.botUserId}> how do I list shipments?`;
    expect(await h.send(messageEvent({ channel: CHANNEL, user: JUNIOR, text, ts }))).toBe(200);
    expect(await h.send({ ...mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'x', ts }), text })).toBe(200);
    expect(await h.send(mentionEvent({ channel: CHANNEL, user: JUNIOR, text: '' }))).toBe(200); // would get the usage hint
    expect(await h.send(messageEvent({ channel: 'DJUNIOR', channel_type: 'im', user: JUNIOR, text: 'how do I list shipments?' }))).toBe(200);
    expect(await h.send(messageEvent({ channel: PROACTIVE_CHANNEL, user: JUNIOR, text: 'How do I list shipments with pagination?' }))).toBe(200);
    await h.deskmate.idle();
    await new Promise((r) => setTimeout(r, 300)); // anything fire-and-forget would have gone out by now
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
    expect(fake.callsTo('chat.update')).toEqual([]);
    const events = await h.events();
    expect(events.map((e) => e.type)).toEqual(['senior_ping']);
    expect(events[0]).toMatchObject({ ref: `${CHANNEL}:${ts}`, senior: SENIOR_API, mode: 'observe' });
    expect((await h.metricsStore.baseline()).pings).toBe(1);
  });
});

describe('reports', () => {
  function seed(at: number, ref: string): MetricEvent[] {
    return [
      { type: 'senior_ping', at, ref, actor: JUNIOR, senior: SENIOR_API, channel: CHANNEL, channelKind: 'channel', isQuestion: true, mode: 'active' },
      { type: 'question_asked', at, ref, actor: JUNIOR, channel: CHANNEL, channelKind: 'channel', intent: 'how', confidence: 0.9, topic: 'api', text: 'how do I list shipments?', mode: 'active' },
      { type: 'answered', at: at + 4000, ref, actor: 'bot', mode: 'active' },
    ];
  }

  test('/deskmate stats: the current week as Block Kit, ephemeral to the caller only; help lists it', async () => {
    h = await start();
    await h.metricsStore.recordMany(seed(Date.now() - 60_000, `${CHANNEL}:1.1`));
    const res = await h.command('stats', JUNIOR, CHANNEL);
    expect(res.status).toBe(200);
    const reply = await fake.waitFor(() => fake.callsTo('chat.postEphemeral').find((c) => c.args.user === JUNIOR));
    expect(reply.args.channel).toBe(CHANNEL);
    const blocks = JSON.stringify(reply.args.blocks);
    expect(blocks).toContain('Deskmate weekly report');
    expect(blocks).toMatch(/\*Questions\*\\n1 = 1 answered \+ 0 escalated/);
    expect(fake.callsTo('chat.postMessage')).toEqual([]); // nothing visible to the channel

    const help = await h.command('help', JUNIOR, CHANNEL);
    expect(help.body).toContain('/deskmate stats');
  });

  test('the weekly job posts the summary blocks to the dashboard channel and uploads the chart PNG via files.uploadV2', async () => {
    h = await start({ report: { dashboardChannel: DASHBOARD } });
    const now = Date.now();
    // The job reports the week containing the day before it runs.
    await h.metricsStore.recordMany([...seed(now - DAY_MS, `${CHANNEL}:2.1`), ...seed(now - DAY_MS + 60_000, `${CHANNEL}:2.2`)]);
    const status = await runWeeklyReportJob({ config: h.config, store: h.metricsStore, client: h.deskmate.runtime.client, now });
    expect(status).toBe('posted');
    const posts = fake.callsTo('chat.postMessage').filter((c) => c.args.channel === DASHBOARD);
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0].args.blocks)).toMatch(/\*Questions\*\\n2 = 2 answered \+ 0 escalated/);
    expect(fake.callsTo('files.getUploadURLExternal')).toHaveLength(1);
    expect(fake.completedUploads).toHaveLength(1);
    const upload = fake.completedUploads[0];
    expect(upload.channel).toBe(DASHBOARD);
    expect(upload.filename).toBe(CHART_FILENAME);
    expect(upload.bytes!.length).toBeGreaterThan(1000);
    expect(upload.bytes!.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    // files.uploadV2 needs files:write: the app manifest must ask for it.
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../manifest.json'), 'utf8')) as { oauth_config: { scopes: { bot: string[] } } };
    expect(manifest.oauth_config.scopes.bot).toContain('files:write');
  }, 60_000);

  test('without a dashboard channel the job posts nothing and says why', async () => {
    h = await start();
    await h.metricsStore.recordMany(seed(Date.now() - DAY_MS, `${CHANNEL}:3.1`));
    expect(await runWeeklyReportJob({ config: h.config, store: h.metricsStore, client: h.deskmate.runtime.client })).toBe('no_channel');
    expect(fake.calls.filter((c) => c.method.startsWith('chat.') || c.method.startsWith('files.'))).toEqual([]);
  });
});
