import type { StoredQuestion } from '../store/types.js';
import { WorkQueue } from './work-queue.js';

/**
 * Answers run off the request path: the work queue keyed by question id. A question that does not
 * fit (queue full) or was in flight when the process died is still `pending` in the store, and
 * `sweep` picks it up again. `busy`: retrieval is CPU-bound, so answers wait while acks are owed.
 */
export class AnswerQueue extends WorkQueue<StoredQuestion> {
  constructor(work: (q: StoredQuestion) => Promise<void>, concurrency = 2, capacity = 500, busy: () => boolean = () => false, maxDeferMs = 1000) {
    super((q) => q.id, work, { concurrency, capacity, busy, maxDeferMs, name: 'answers' });
  }

  /** Re-queues every pending question from the store that is not already queued or running. */
  sweep(pending: StoredQuestion[]): number {
    let added = 0;
    for (const q of pending) if (this.push(q)) added++;
    return added;
  }
}
