import type { MetricEvent, MetricsStore } from '../../src/metrics/types';
import { metricsBackends } from '../support/metrics-backends';

const ev = (over: Partial<MetricEvent>): MetricEvent => ({ type: 'question_asked', at: 1_000, ref: 'C1:1.1', actor: 'U1', mode: 'active', ...over });

describe.each(metricsBackends())('metrics store on $name', (backend) => {
  let store: MetricsStore;
  let handle: Awaited<ReturnType<typeof backend.open>>;
  beforeEach(async () => {
    handle = await backend.open();
    store = handle.store;
  });
  afterEach(async () => {
    await store.close();
    await handle.cleanup();
  });

  test('event text with a NUL byte or control characters is stored without them', async () => {
    await store.record(ev({ text: 'how\u0000 do I\u0007 page?', actor: 'U1\u0000' }));
    await store.recordMany([ev({ at: 2_000, text: 'batch\u0000 text\u009b' })]);
    expect((await store.eventsBetween(0, 10_000)).map((e) => [e.actor, e.text])).toEqual([['U1', 'how do I page?'], ['U1', 'batch text']]);
  });

  test('an event round-trips with every field, and survives reopening (migrations run once)', async () => {
    const full: MetricEvent = { type: 'senior_ping', at: 1_700_000_000_123, ref: 'C9:17.5', actor: 'UJ', senior: 'US', channel: 'C9', channelKind: 'channel', intent: 'answer', confidence: 0.25, topic: 'api', reason: 'low_confidence', feedback: 'solved', isQuestion: true, mode: 'observe', text: 'How do I page the accounts API?' };
    await store.record(full);
    await store.close();
    store = await handle.reopen();
    expect(await store.eventsBetween(0, Number.MAX_SAFE_INTEGER)).toEqual([full]);
  });

  test('DM question text never reaches the database', async () => {
    await store.record(ev({ channelKind: 'dm', text: 'my private question' }));
    const [stored] = await store.eventsBetween(0, 10_000);
    expect(stored.text).toBeUndefined();
    expect(stored.channelKind).toBe('dm');
  });

  test('eventsBetween is half-open and ordered by time', async () => {
    await store.recordMany([ev({ at: 300, ref: 'c' }), ev({ at: 100, ref: 'a' }), ev({ at: 200, ref: 'b', isQuestion: false })]);
    expect((await store.eventsBetween(100, 300)).map((e) => e.ref)).toEqual(['a', 'b']);
    expect((await store.eventsBetween(100, 300))[1].isQuestion).toBe(false);
  });

  test('baseline aggregates observe-mode pings only, per senior', async () => {
    await store.recordMany([
      ev({ type: 'senior_ping', mode: 'observe', senior: 'S1', at: 50 }),
      ev({ type: 'senior_ping', mode: 'observe', senior: 'S1', at: 70 }),
      ev({ type: 'senior_ping', mode: 'observe', senior: 'S2', at: 90 }),
      ev({ type: 'senior_ping', mode: 'active', senior: 'S2', at: 500 }),
      ev({ type: 'question_asked', mode: 'observe', at: 10 }),
    ]);
    expect(await store.baseline()).toEqual({ pings: 3, firstAt: 50, lastAt: 90, perSenior: { S1: 2, S2: 1 } });
  });

  test('an empty store has an empty baseline', async () => {
    expect(await store.baseline()).toEqual({ pings: 0, firstAt: undefined, lastAt: undefined, perSenior: {} });
  });

  test('recordMany stores large batches in one go', async () => {
    const many = Array.from({ length: 25_000 }, (_, i) => ev({ at: i, ref: `r${i % 97}`, confidence: i / 25_000 }));
    await store.recordMany(many);
    const back = await store.eventsBetween(0, 25_000);
    expect(back).toHaveLength(25_000);
    expect(back[24_999]).toEqual(many[24_999]);
  });
});
