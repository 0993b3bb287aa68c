import { childLogger } from '../log.js';

const log = childLogger('slack.queue');

/**
 * Work off the request path: a bounded in-memory queue with a small worker pool, keyed so one item
 * is never queued twice. The store is the source of truth for whatever uses it — an item that does
 * not fit (queue full) or was in flight when the process died is found again by a sweep or replay.
 */
export class WorkQueue<T> {
  private readonly waiting: T[] = [];
  private readonly known = new Set<string | number>();
  private running = 0;
  private idleWaiters: Array<() => void> = [];
  private stopped = false;

  /**
   * `busy` says whether requests are waiting for their ack: work would hold them up, so a job waits
   * while it is true, for at most `maxDeferMs` so a steady stream of requests cannot starve it.
   */
  constructor(
    private readonly key: (item: T) => string | number,
    private readonly work: (item: T) => Promise<void>,
    private readonly options: { concurrency: number; capacity?: number; busy?: () => boolean; maxDeferMs?: number; name: string },
  ) {}

  /** False when the item is already queued or running, the queue is full, or it is stopping. */
  push(item: T): boolean {
    const id = this.key(item);
    if (this.stopped || this.known.has(id)) return false;
    if (this.waiting.length >= (this.options.capacity ?? Number.POSITIVE_INFINITY)) {
      log.warn({ queue: this.options.name, id, capacity: this.options.capacity }, 'queue full; the item stays in the store for the next sweep');
      return false;
    }
    this.known.add(id);
    this.waiting.push(item);
    this.pump();
    return true;
  }

  get size(): number {
    return this.waiting.length + this.running;
  }

  /** Resolves when nothing is queued or running. */
  idle(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops taking new work and waits for what is queued and running (SIGTERM). */
  async drain(): Promise<void> {
    this.stopped = true;
    await this.idle();
  }

  private pump(): void {
    const { concurrency, busy = () => false, maxDeferMs = 1000 } = this.options;
    while (this.running < concurrency && this.waiting.length) {
      const item = this.waiting.shift()!;
      this.running++;
      const queuedAt = Date.now();
      const run = () => {
        // Let pending HTTP acks go out first.
        if (busy() && Date.now() - queuedAt < maxDeferMs) {
          setTimeout(run, 2);
          return;
        }
        this.work(item)
          .catch((err) => log.error({ queue: this.options.name, id: this.key(item), err: (err as Error).message }, 'queued work failed'))
          .finally(() => {
            this.running--;
            this.known.delete(this.key(item));
            this.pump();
            if (this.size === 0) for (const w of this.idleWaiters.splice(0)) w();
          });
      };
      setImmediate(run);
    }
  }
}
