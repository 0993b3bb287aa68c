import type Database from 'better-sqlite3';
import type pg from 'pg';
import { SCHEMA_STEPS } from '../../src/db/schema-steps';

/**
 * A database as the former per-area migration mechanisms left it: the first `counts[area]` steps of
 * each area applied, versioned by that area's old counter (the store's SQLite user_version or
 * PostgreSQL deskmate_migrations, metrics_migrations, deskmate_usage_migrations), no deskmate_schema.
 */
export type LegacyCounts = Partial<Record<'store' | 'metrics' | 'usage', number>>;

const steps = (counts: LegacyCounts) => SCHEMA_STEPS.filter((s) => Number(s.id.split('-')[1]) <= (counts[s.id.split('-')[0] as keyof LegacyCounts] ?? 0));
const TABLES = { store: 'deskmate_migrations', metrics: 'metrics_migrations', usage: 'deskmate_usage_migrations' } as const;

export function legacySqlite(db: Database.Database, counts: LegacyCounts): void {
  for (const s of steps(counts)) db.exec(s.sqlite);
  db.exec(`PRAGMA user_version = ${counts.store ?? 0}`);
  for (const area of ['metrics', 'usage'] as const) {
    if (!counts[area]) continue;
    db.exec(`CREATE TABLE ${TABLES[area]} (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)`);
    for (let v = 1; v <= counts[area]!; v++) db.exec(`INSERT INTO ${TABLES[area]} VALUES (${v}, 0)`);
  }
}

export async function legacyPostgres(client: pg.ClientBase, counts: LegacyCounts): Promise<void> {
  for (const s of steps(counts)) await client.query(s.postgres);
  for (const area of ['store', 'metrics', 'usage'] as const) {
    if (!counts[area]) continue;
    await client.query(`CREATE TABLE ${TABLES[area]} (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)`);
    for (let v = 1; v <= counts[area]!; v++) await client.query(`INSERT INTO ${TABLES[area]} VALUES ($1, 0)`, [v]);
  }
}
