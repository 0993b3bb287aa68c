import type { StoredQuestion } from '../store/types.js';
import { childLogger } from '../log.js';

const log = childLogger('slack.queue');

/**
 * Answers run off the request path here: a bounded in-memory queue with a small worker pool.
 * The store is the source of truth — a question that does not fit (queue full) or was in flight when
 * the process died is still `pending` there, and `sweep` picks it up again.
 */
export class AnswerQueue {
  private readonly waiting: StoredQuestion[] = [];
  private readonly known = new Set<number>();
  private running = 0;
  private idleWaiters: Array<() => void> = [];
  private stopped = false;

  /**
   * `busy` says whether requests are waiting for their ack: retrieval is CPU-bound and would hold
   * them up, so a job waits while it is true, for at most `maxDeferMs` so a steady stream of
   * requests cannot starve the answers.
   */
  constructor(
    private readonly work: (q: StoredQuestion) => Promise<void>,
    private readonly concurrency = 2,
    private readonly capacity = 500,
    private readonly busy: () => boolean = () => false,
    private readonly maxDeferMs = 1000,
  ) {}

  /** False when the queue is full or stopping: the question waits in the store for the next sweep. */
  push(q: StoredQuestion): boolean {
    if (this.stopped || this.known.has(q.id)) return false;
    if (this.waiting.length >= this.capacity) {
      log.warn({ questionId: q.id, capacity: this.capacity }, 'answer queue full; question stays pending in the store');
      return false;
    }
    this.known.add(q.id);
    this.waiting.push(q);
    this.pump();
    return true;
  }

  /** Re-queues every pending question from the store that is not already queued or running. */
  sweep(pending: StoredQuestion[]): number {
    let added = 0;
    for (const q of pending) if (this.push(q)) added++;
    return added;
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
    while (this.running < this.concurrency && this.waiting.length) {
      const q = this.waiting.shift()!;
      this.running++;
      const queuedAt = Date.now();
      const run = () => {
        // Let pending HTTP acks go out before CPU-bound retrieval starts.
        if (this.busy() && Date.now() - queuedAt < this.maxDeferMs) {
          setTimeout(run, 2);
          return;
        }
        this.work(q)
          .catch((err) => log.error({ questionId: q.id, err: (err as Error).message }, 'answer worker failed'))
          .finally(() => {
            this.running--;
            this.known.delete(q.id);
            this.pump();
            if (this.size === 0) for (const w of this.idleWaiters.splice(0)) w();
          });
      };
      setImmediate(run);
    }
  }
}
