import type Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type pg from 'pg';

/**
 * One typed query layer over both databases: the same Kysely query code runs on SQLite (better-sqlite3,
 * for one process) and PostgreSQL (pg, for replicas). Only the few statements whose SQL genuinely
 * differs look at `dialect`.
 */
export type Dialect = 'sqlite' | 'postgres';

export interface DbHandle<Tables> {
  db: Kysely<Tables>;
  dialect: Dialect;
  /** Closes the database (SQLite) or ends the pool (PostgreSQL); safe to call twice. */
  close(): Promise<void>;
}

/**
 * Over an open better-sqlite3 database. It must come from openSqlite (src/db/sqlite-open.ts), whose
 * cached `prepare` keeps every Statement Kysely makes reachable (the Node 24 caveat there).
 */
export function sqliteHandle<Tables>(database: Database.Database): DbHandle<Tables> {
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database }) });
  return {
    db,
    dialect: 'sqlite',
    close: async () => {
      await db.destroy();
      // Kysely only closes what it initialised: a store that never ran a query still holds the file.
      if (database.open) database.close();
    },
  };
}

/**
 * Over the process's shared pg Pool (src/db/pool.ts). Closing releases this handle's reference; the
 * pool itself ends with the last one (Kysely's own destroy would end it for everyone).
 */
export function postgresHandle<Tables>(pool: pg.Pool, release: () => Promise<void>): DbHandle<Tables> {
  return { db: new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres', close: release };
}

/** Affected-row counts come back as bigint from both drivers. */
export function changed(result: { numUpdatedRows?: bigint; numDeletedRows?: bigint; numInsertedOrUpdatedRows?: bigint } | undefined): number {
  return Number(result?.numUpdatedRows ?? result?.numDeletedRows ?? result?.numInsertedOrUpdatedRows ?? 0n);
}
