import type Database from 'better-sqlite3';
import type pg from 'pg';

/**
 * Data retention and forgetting, for both stores. What is purged after the retention period:
 * answered or failed questions (pending ones are work still owed, never dropped), processed event
 * ids (and handled envelopes in the event inbox), DM turns, feedback, resolved escalations and thread markers. Open or claimed escalations and
 * the round-robin cursors stay. Forgetting a workspace empties every table the store owns.
 */

/** Rows removed per table by one purge. */
export type PurgeCounts = Record<'questions' | 'events' | 'turns' | 'feedback' | 'escalations' | 'threads', number>;

/** Every table the Deskmate store owns, children before parents (copy_approvals references copy_drafts). */
export const WORKSPACE_TABLES = ['event_inbox', 'processed_events', 'feedback', 'turns', 'threads', 'escalations', 'questions', 'rotations', 'copy_approvals', 'copy_drafts'] as const;

/** The retention cutoff (epoch ms) for `days` before `now`. */
export function retentionCutoff(now: Date, days: number): number {
  return now.getTime() - days * 86_400_000;
}

// Slack message ts are epoch seconds ("1700000000.000100"); thread markers age by their thread's ts.
const SQLITE_PURGE: Array<[keyof PurgeCounts, string]> = [
  ['questions', "DELETE FROM questions WHERE created_at < ? AND status <> 'pending'"],
  ['events', 'DELETE FROM processed_events WHERE seen_at < ?'],
  ['events', 'DELETE FROM event_inbox WHERE received_at < ? AND body IS NULL'],
  ['turns', 'DELETE FROM turns WHERE at < ?'],
  ['feedback', 'DELETE FROM feedback WHERE at < ?'],
  ['escalations', "DELETE FROM escalations WHERE updated_at < ? AND state = 'resolved'"],
  ['threads', 'DELETE FROM threads WHERE CAST(thread_ts AS REAL) * 1000 < ?'],
];

export function purgeSqlite(db: Database.Database, cutoffMs: number): PurgeCounts {
  return db.transaction(() => {
    const counts = {} as PurgeCounts;
    for (const [name, sql] of SQLITE_PURGE) counts[name] = (counts[name] ?? 0) + db.prepare(sql).run(cutoffMs).changes;
    return counts;
  })();
}

export function forgetSqlite(db: Database.Database): void {
  db.transaction(() => {
    for (const table of WORKSPACE_TABLES) db.prepare(`DELETE FROM ${table}`).run();
  })();
}

const POSTGRES_PURGE: Array<[keyof PurgeCounts, string]> = [
  ['questions', "DELETE FROM questions WHERE created_at < $1 AND status <> 'pending'"],
  ['events', 'DELETE FROM processed_events WHERE seen_at < $1'],
  ['events', 'DELETE FROM event_inbox WHERE received_at < $1 AND body IS NULL'],
  ['turns', 'DELETE FROM turns WHERE at < $1'],
  ['feedback', 'DELETE FROM feedback WHERE at < $1'],
  ['escalations', "DELETE FROM escalations WHERE updated_at < $1 AND state = 'resolved'"],
  ['threads', "DELETE FROM threads WHERE thread_ts ~ '^[0-9]+(\\.[0-9]+)?$' AND CAST(thread_ts AS DOUBLE PRECISION) * 1000 < $1"],
];

export async function purgePostgres(pool: pg.Pool, cutoffMs: number): Promise<PurgeCounts> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const counts = {} as PurgeCounts;
    for (const [name, sql] of POSTGRES_PURGE) counts[name] = (counts[name] ?? 0) + ((await client.query(sql, [cutoffMs])).rowCount ?? 0);
    await client.query('COMMIT');
    return counts;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

export async function forgetPostgres(pool: pg.Pool): Promise<void> {
  await pool.query(`TRUNCATE ${WORKSPACE_TABLES.join(', ')}`);
}
