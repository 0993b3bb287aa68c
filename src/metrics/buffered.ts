import { childLogger } from '../log.js';
import { isRetryableStoreError } from '../db/retryable.js';
import { backoffMs, DEFAULT_BACKOFF, DEFAULT_BUFFER_CAPACITY, overflow, warnOnDrop, type BackoffSchedule } from './flush-policy.js';
import type { BaselineAggregate, MetricEvent, MetricsStore } from './types.js';

const log = childLogger('metrics.buffer');

export interface BufferOptions {
  /** Events kept while the database is away; beyond this the oldest are dropped (with a warning). */
  capacity?: number;
  /** Events written per statement when catching up. */
  batchSize?: number;
  backoff?: BackoffSchedule;
  /** How long close() keeps trying to write what is still waiting. */
  closeTimeoutMs?: number;
}

interface Waiting {
  event: MetricEvent;
  /** Releases the caller: once written, or at once while the database is known to be away. */
  settle: (err?: unknown) => void;
}

/**
 * Metric events survive a database restart. Every event goes through one in-order queue: while the
 * database answers, `record` resolves once the event is written (as before). When a write fails in
 * a way worth retrying (src/store/retryable.ts: refused, terminated, shutting down…), the events
 * stay queued, callers are released at once, and the queue is written in arrival order with
 * backoff (src/metrics/flush-policy.ts) once the database is back. A failure that retrying cannot
 * fix rejects that event alone, so the recorder logs it and one bad event never blocks the rest.
 * Reads go straight to the store. Delivery is at least once: a COMMIT whose reply is lost is
 * written again.
 */
export class BufferedMetricsStore implements MetricsStore {
  private readonly queue: Waiting[] = [];
  private inFlight = 0;
  private draining: Promise<void> | undefined;
  /** Writes are failing: new events are parked without waiting. */
  private away = false;
  private attempt = 0;
  private dropped = 0;
  private parkedSince = 0;
  /** Write this many events one at a time (after a batch failed for a reason retrying cannot fix). */
  private singly = 0;
  private wake: (() => void) | undefined;
  private closing = false;
  private closed = false;
  private readonly capacity: number;
  private readonly batchSize: number;
  private readonly schedule: BackoffSchedule;
  private readonly closeTimeoutMs: number;

  constructor(
    private readonly inner: MetricsStore,
    options: BufferOptions = {},
  ) {
    this.capacity = options.capacity ?? DEFAULT_BUFFER_CAPACITY;
    this.batchSize = options.batchSize ?? 500;
    this.schedule = options.backoff ?? DEFAULT_BACKOFF;
    this.closeTimeoutMs = options.closeTimeoutMs ?? 5_000;
  }

  /** Events not yet written (tests, health). */
  get waiting(): number {
    return this.queue.length + this.inFlight;
  }

  record(event: MetricEvent): Promise<void> {
    if (this.closed) return Promise.reject(new Error('metrics store is closed'));
    return new Promise<void>((resolve, reject) => {
      let done = false;
      const settle = (err?: unknown) => {
        if (done) return;
        done = true;
        if (err) reject(err);
        else resolve();
      };
      this.queue.push({ event, settle });
      if (this.away) settle();
      this.trim();
      this.kick();
    });
  }

  /** Imports and the bench: straight to the store, in one transaction, errors to the caller. */
  recordMany(events: MetricEvent[]): Promise<void> {
    return this.inner.recordMany(events);
  }

  eventsBetween(from: number, to: number): Promise<MetricEvent[]> {
    return this.inner.eventsBetween(from, to);
  }

  baseline(): Promise<BaselineAggregate> {
    return this.inner.baseline();
  }

  /** Writes what is waiting (retrying without pause for up to closeTimeoutMs), then closes the store. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closing = true;
    this.wake?.();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.closeTimeoutMs)));
    await Promise.race([this.draining ?? Promise.resolve(), timeout]);
    clearTimeout(timer);
    this.closed = true;
    this.wake?.();
    if (this.waiting > 0) log.error({ unwritten: this.waiting }, 'metric events still unwritten at close: lost');
    for (const w of this.queue.splice(0)) w.settle();
    await this.inner.close();
  }

  private trim(): void {
    const drop = Math.min(this.queue.length, overflow(this.waiting, this.capacity));
    if (drop === 0) return;
    for (const w of this.queue.splice(0, drop)) w.settle();
    if (warnOnDrop(this.dropped, drop)) log.warn({ dropped: this.dropped + drop, capacity: this.capacity }, 'metrics buffer full while the database is away: oldest events dropped');
    this.dropped += drop;
  }

  private kick(): void {
    if (this.draining || this.closed) return;
    this.draining = this.drain()
      .catch((err) => log.error({ err: (err as Error).message }, 'metrics flush stopped'))
      .finally(() => {
        this.draining = undefined;
        if (this.queue.length > 0 && !this.closed) this.kick();
      });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 && !this.closed) {
      const batch = this.queue.splice(0, this.singly > 0 ? 1 : this.batchSize);
      this.inFlight = batch.length;
      let failure: unknown;
      try {
        if (batch.length === 1) await this.inner.record(batch[0].event);
        else await this.inner.recordMany(batch.map((w) => w.event));
      } catch (err) {
        failure = err ?? new Error('metrics write failed');
      }
      this.inFlight = 0;
      if (failure === undefined) {
        if (this.singly > 0) this.singly--;
        for (const w of batch) w.settle();
        this.attempt = 0;
        continue;
      }
      if (!isRetryableStoreError(failure)) {
        if (batch.length > 1) {
          // Find the bad event without losing its neighbours: retry this batch one event at a time.
          this.queue.unshift(...batch);
          this.singly = batch.length;
        } else {
          if (this.singly > 0) this.singly--;
          batch[0].settle(failure);
        }
        continue;
      }
      this.queue.unshift(...batch);
      this.park(failure);
      if (this.closed) return;
      await this.pause(this.closing ? 50 : backoffMs(this.attempt++, this.schedule));
    }
    if (this.away && this.queue.length === 0) {
      this.away = false;
      log.info({ awayMs: Date.now() - this.parkedSince, dropped: this.dropped }, 'metrics database back: every waiting event written');
      this.dropped = 0;
    }
  }

  /** The database is away: release every waiting caller and keep their events. */
  private park(err: unknown): void {
    if (!this.away) {
      this.away = true;
      this.parkedSince = Date.now();
      log.warn({ err: (err as Error).message, code: (err as { code?: string }).code, waiting: this.waiting }, 'metrics database unavailable: buffering events until it is back');
    }
    for (const w of this.queue) w.settle();
    this.trim();
  }

  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
    });
  }
}
