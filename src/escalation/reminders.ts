/**
 * What an unclaimed escalation needs now: a single reminder once it has waited `afterMs` with its
 * current senior, then, after another `afterMs`, a hand-over to the next senior of the pool.
 * Pure; the caller sends the messages and saves the record.
 */
import type { Escalation } from './types.js';

export type ReminderStep = 'remind' | 'reassign';

export function reminderStep(e: Escalation, now: number, afterMs: number): ReminderStep | undefined {
  if (e.state !== 'open') return undefined;
  if (e.remindedAt === undefined) return now - (e.assignedAt ?? e.createdAt) >= afterMs ? 'remind' : undefined;
  return now - e.remindedAt >= afterMs ? 'reassign' : undefined;
}
