import { sql, type Kysely } from 'kysely';
import { changed, type Dialect } from '../db/kysely.js';
import type { StoreTables } from './schema.js';

/**
 * Data retention and forgetting, for both databases. What is purged after the retention period:
 * answered or failed questions (pending ones are work still owed, never dropped), processed event
 * ids, DM turns, feedback, resolved escalations and thread markers. Open or claimed escalations and
 * the round-robin cursors stay. Forgetting a workspace empties every table the store owns.
 */

/** Rows removed per table by one purge. */
export type PurgeCounts = Record<'questions' | 'events' | 'turns' | 'feedback' | 'escalations' | 'threads', number>;

/** Every table the Deskmate store owns, children before parents (copy_approvals references copy_drafts). */
const WORKSPACE_TABLES = ['event_inbox', 'processed_events', 'feedback', 'turns', 'threads', 'escalations', 'questions', 'rotations', 'copy_approvals', 'copy_drafts'] as const;

/** The retention cutoff (epoch ms) for `days` before `now`. */
export function retentionCutoff(now: Date, days: number): number {
  return now.getTime() - days * 86_400_000;
}

/** Slack message ts are epoch seconds ("1700000000.000100"); thread markers age by their thread's ts. */
function threadOlderThan(dialect: Dialect, cutoffMs: number) {
  // PostgreSQL's CAST fails on a non-numeric ts (SQLite's yields 0), so it checks the shape first.
  return dialect === 'postgres'
    ? sql<boolean>`thread_ts ~ '^[0-9]+(\\.[0-9]+)?$' AND CAST(thread_ts AS DOUBLE PRECISION) * 1000 < ${cutoffMs}`
    : sql<boolean>`CAST(thread_ts AS REAL) * 1000 < ${cutoffMs}`;
}

export function purgeOlderThan(db: Kysely<StoreTables>, dialect: Dialect, cutoffMs: number): Promise<PurgeCounts> {
  return db.transaction().execute(async (trx) => ({
    questions: changed(await trx.deleteFrom('questions').where('created_at', '<', cutoffMs).where('status', '<>', 'pending').executeTakeFirst()),
    events:
      changed(await trx.deleteFrom('processed_events').where('seen_at', '<', cutoffMs).executeTakeFirst()) +
      // Handled envelopes only: an unsettled one is work still owed.
      changed(await trx.deleteFrom('event_inbox').where('received_at', '<', cutoffMs).where('body', 'is', null).executeTakeFirst()),
    turns: changed(await trx.deleteFrom('turns').where('at', '<', cutoffMs).executeTakeFirst()),
    feedback: changed(await trx.deleteFrom('feedback').where('at', '<', cutoffMs).executeTakeFirst()),
    escalations: changed(await trx.deleteFrom('escalations').where('updated_at', '<', cutoffMs).where('state', '=', 'resolved').executeTakeFirst()),
    threads: changed(await trx.deleteFrom('threads').where(threadOlderThan(dialect, cutoffMs)).executeTakeFirst()),
  }));
}

export function forgetAll(db: Kysely<StoreTables>): Promise<void> {
  return db.transaction().execute(async (trx) => {
    for (const table of WORKSPACE_TABLES) await trx.deleteFrom(table).execute();
  });
}
