import type Database from 'better-sqlite3';
import type pg from 'pg';
import { SCHEMA_STEPS, type SchemaStep } from './schema-steps.js';

/**
 * The one migration mechanism, for both databases: SCHEMA_STEPS in order, each applied once inside
 * one transaction, the applied ids in `deskmate_schema`. Whichever store opens first migrates every
 * table. A database versioned by the former per-area counters (the store's SQLite user_version or
 * PostgreSQL deskmate_migrations, metrics_migrations, deskmate_usage_migrations) is adopted on first
 * run: the steps those counters say were applied are recorded, not run again.
 */
const TABLE = 'deskmate_schema';
/** "dskm": replicas starting together migrate one after the other, never at once. */
const LOCK = 0x64736b6d;

/** Former counters: area → the number of its steps already applied (0 when the counter is absent). */
type Legacy = Record<string, number>;

function adoptedIds(legacy: Legacy): string[] {
  return SCHEMA_STEPS.filter((s) => {
    const [area, n] = s.id.split('-');
    return Number(n) <= (legacy[area] ?? 0);
  }).map((s) => s.id);
}

function pending(applied: Set<string>): SchemaStep[] {
  return SCHEMA_STEPS.filter((s) => !applied.has(s.id));
}

/** SQLite: returns the ids applied by this call. */
export function migrateSqlite(db: Database.Database): string[] {
  const run = db.transaction(() => {
    const exists = db.prepare("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = ?").get(TABLE) !== undefined;
    if (!exists) {
      db.exec(`CREATE TABLE ${TABLE} (step TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)`);
      const tableMax = (name: string): number => {
        if (db.prepare("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) === undefined) return 0;
        return Number((db.prepare(`SELECT MAX(version) AS v FROM ${name}`).get() as { v: number | null }).v ?? 0);
      };
      const legacy = { store: Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version), metrics: tableMax('metrics_migrations'), usage: tableMax('deskmate_usage_migrations') };
      for (const id of adoptedIds(legacy)) db.prepare(`INSERT INTO ${TABLE} VALUES (?, ?)`).run(id, Date.now());
    }
    const applied = new Set((db.prepare(`SELECT step FROM ${TABLE}`).all() as Array<{ step: string }>).map((r) => r.step));
    const ran: string[] = [];
    for (const step of pending(applied)) {
      db.exec(step.sqlite);
      db.prepare(`INSERT INTO ${TABLE} VALUES (?, ?)`).run(step.id, Date.now());
      ran.push(step.id);
    }
    return ran;
  });
  // IMMEDIATE: two handles opening one file at once take turns instead of failing on the upgrade to a write lock.
  return run.immediate();
}

/** PostgreSQL: all or nothing, under an advisory lock; returns the ids applied by this call. */
export async function migratePostgres(client: pg.ClientBase): Promise<string[]> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK]);
    const { rows: found } = await client.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [TABLE]);
    if (!found[0].t) {
      await client.query(`CREATE TABLE ${TABLE} (step TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)`);
      const tableMax = async (name: string): Promise<number> => {
        const { rows } = await client.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [name]);
        if (!rows[0].t) return 0;
        return Number((await client.query<{ v: number | null }>(`SELECT MAX(version) AS v FROM ${name}`)).rows[0].v ?? 0);
      };
      const legacy = { store: await tableMax('deskmate_migrations'), metrics: await tableMax('metrics_migrations'), usage: await tableMax('deskmate_usage_migrations') };
      for (const id of adoptedIds(legacy)) await client.query(`INSERT INTO ${TABLE} VALUES ($1, $2)`, [id, Date.now()]);
    }
    const { rows } = await client.query<{ step: string }>(`SELECT step FROM ${TABLE}`);
    const ran: string[] = [];
    for (const step of pending(new Set(rows.map((r) => r.step)))) {
      await client.query(step.postgres);
      await client.query(`INSERT INTO ${TABLE} VALUES ($1, $2)`, [step.id, Date.now()]);
      ran.push(step.id);
    }
    await client.query('COMMIT');
    return ran;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
