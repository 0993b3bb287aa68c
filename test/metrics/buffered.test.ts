import { BufferedMetricsStore } from '../../src/metrics/buffered';
import type { MetricEvent, MetricsStore } from '../../src/metrics/types';

/** An in-memory store at the database boundary: it can be down (connection refused) or reject one bad event. */
class FlakyStore implements MetricsStore {
  rows: MetricEvent[] = [];
  down = false;
  attempts = 0;
  closed = false;
  constructor(private readonly bad: (e: MetricEvent) => boolean = () => false) {}
  private check(events: MetricEvent[]): void {
    this.attempts++;
    if (this.down) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    if (events.some(this.bad)) throw Object.assign(new Error('value too long'), { code: '22001' });
  }
  async record(e: MetricEvent): Promise<void> {
    this.check([e]);
    this.rows.push(e);
  }
  async recordMany(events: MetricEvent[]): Promise<void> {
    this.check(events); // one transaction: all or nothing
    this.rows.push(...events);
  }
  async eventsBetween(): Promise<MetricEvent[]> {
    return this.rows;
  }
  async baseline() {
    return { pings: 0, perSenior: {} };
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}

const event = (i: number): MetricEvent => ({ type: 'answered', at: i, ref: `C1:${i}`, actor: 'bot', mode: 'active' });
const refs = (s: FlakyStore) => s.rows.map((e) => e.ref);
const fast = { backoff: { baseMs: 2, maxMs: 10 } };

async function until(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('BufferedMetricsStore', () => {
  test('with the database up, record resolves once the event is written', async () => {
    const inner = new FlakyStore();
    const store = new BufferedMetricsStore(inner, fast);
    await store.record(event(1));
    expect(refs(inner)).toEqual(['C1:1']);
    await store.close();
    expect(inner.closed).toBe(true);
  });

  test('events recorded while the database is down release the caller at once and are written in order once it is back', async () => {
    const inner = new FlakyStore();
    const store = new BufferedMetricsStore(inner, fast);
    await store.record(event(0));
    inner.down = true;
    for (let i = 1; i <= 50; i++) await store.record(event(i)); // none of these waits for the database
    expect(refs(inner)).toEqual(['C1:0']);
    expect(store.waiting).toBe(50);
    await until('several retries', () => inner.attempts > 5);
    inner.down = false;
    await store.record(event(51));
    await until('the buffer to empty', () => store.waiting === 0);
    expect(refs(inner)).toEqual(Array.from({ length: 52 }, (_, i) => `C1:${i}`));
    await store.close();
  });

  test('a full buffer drops the oldest events and keeps the newest', async () => {
    const inner = new FlakyStore();
    const store = new BufferedMetricsStore(inner, { ...fast, capacity: 10 });
    inner.down = true;
    for (let i = 0; i < 25; i++) await store.record(event(i));
    expect(store.waiting).toBe(10);
    inner.down = false;
    await until('the buffer to empty', () => store.waiting === 0);
    expect(refs(inner)).toEqual(Array.from({ length: 10 }, (_, i) => `C1:${i + 15}`));
    await store.close();
  });

  test('an event the database rejects for good is rejected alone; its neighbours in the batch are written', async () => {
    const inner = new FlakyStore((e) => e.ref === 'C1:3');
    const store = new BufferedMetricsStore(inner, fast);
    inner.down = true;
    for (let i = 0; i < 6; i++) await store.record(event(i));
    inner.down = false;
    await until('the buffer to empty', () => store.waiting === 0);
    expect(refs(inner)).toEqual(['C1:0', 'C1:1', 'C1:2', 'C1:4', 'C1:5']);
    await expect(store.record(event(3))).rejects.toThrow('value too long');
    await store.record(event(6));
    expect(refs(inner).at(-1)).toBe('C1:6');
    await store.close();
  });

  test('close writes what is waiting when the database comes back in time', async () => {
    const inner = new FlakyStore();
    const store = new BufferedMetricsStore(inner, { backoff: { baseMs: 1_000, maxMs: 1_000 }, closeTimeoutMs: 10_000 });
    inner.down = true;
    await store.record(event(1));
    const closing = store.close();
    inner.down = false;
    await closing;
    expect(refs(inner)).toEqual(['C1:1']);
    expect(inner.closed).toBe(true);
  });

  test('close gives up after its timeout when the database stays away, and still closes the store', async () => {
    const inner = new FlakyStore();
    const store = new BufferedMetricsStore(inner, { ...fast, closeTimeoutMs: 50 });
    inner.down = true;
    await store.record(event(1));
    await store.close();
    expect(inner.closed).toBe(true);
    expect(inner.rows).toEqual([]);
    await expect(store.record(event(2))).rejects.toThrow('closed');
  });
});
