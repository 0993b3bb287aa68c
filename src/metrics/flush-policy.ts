/**
 * When the metrics database is away, events wait in memory and are written once it is back.
 * The policy, as pure functions: how long to wait before the next attempt, how many events to
 * drop when the buffer is full, and when a drop is worth a warning.
 */

export interface BackoffSchedule {
  /** Wait before the second attempt; doubles each time. */
  baseMs: number;
  /** Never wait longer than this between attempts, so a short restart is noticed quickly. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffSchedule = { baseMs: 100, maxMs: 5_000 };

/** Wait before retry number `attempt` (0 = the first retry): 100 ms, 200, 400 … capped at 5 s. */
export function backoffMs(attempt: number, schedule: BackoffSchedule = DEFAULT_BACKOFF): number {
  const n = Math.max(0, Math.floor(attempt));
  return Math.min(schedule.maxMs, schedule.baseMs * 2 ** Math.min(n, 30));
}

/** Events waiting, in memory, while the database is away (about 1 KB each: 10 MB at most). */
export const DEFAULT_BUFFER_CAPACITY = 10_000;

/** How many of the oldest waiting events to drop so `waiting` fits in `capacity`. */
export function overflow(waiting: number, capacity: number): number {
  return Math.max(0, waiting - Math.max(1, capacity));
}

/** Warn on the first event dropped in an outage and then once per `every` drops, not once per event. */
export function warnOnDrop(droppedBefore: number, droppedNow: number, every = 1_000): boolean {
  if (droppedNow <= 0) return false;
  return droppedBefore === 0 || Math.floor(droppedBefore / every) !== Math.floor((droppedBefore + droppedNow) / every);
}
