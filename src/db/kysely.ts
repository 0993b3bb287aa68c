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
  /**
   * SQLite only: runs `fn` synchronously on the raw connection while holding Kysely's lock on it, so
   * it never interleaves with a Kysely transaction. For hot paths that run many statements compiled
   * once (see compiledOnce): no per-statement query building or promise.
   */
  withRawSqlite?<T>(fn: (raw: Database.Database) => T): Promise<T>;
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
    withRawSqlite: (fn) => db.connection().execute(async () => fn(database)),
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

/**
 * A Kysely query compiled once, for statements run thousands of times: the SQL text depends only on
 * the query's shape, so it is built from a sample and the parameters of each run are the values in
 * the same order (an INSERT binds its columns in the order of the values object's keys).
 */
export function compiledOnce(query: { compile(): { sql: string } }): string {
  return query.compile().sql;
}
