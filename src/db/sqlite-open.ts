import util from 'node:util';
import Database from 'better-sqlite3';

/**
 * better-sqlite3 12 on Node 24 aborts the whole process when a Statement is garbage-collected while
 * no JS context is entered ("Assertion failed: (env) != nullptr" in RemoveEnvironmentCleanupHook;
 * an upstream bug, and 13.x, which may fix it, needs Node 22). So statements are prepared once per
 * SQL text and cached, pragmas go through exec (no Statement object), and every database with its
 * statements stays reachable from a process-wide holder: none of them is ever garbage-collected.
 * A store lives as long as the process anyway; tests open many, and close them.
 */
const HOLD = Symbol.for('deskmate.sqlite.keepalive');

function holder(): unknown[] {
  // A core module object is the one thing shared by every jest sandbox and the real process alike.
  const host = util as unknown as Record<symbol, unknown[] | undefined>;
  return (host[HOLD] ??= []);
}

export function openSqlite(file: string, options?: Database.Options): Database.Database {
  const db = new Database(file, options);
  const cache = new Map<string, Database.Statement>();
  const prepare = db.prepare.bind(db) as (sql: string) => Database.Statement;
  Object.defineProperty(db, 'prepare', {
    value: (sql: string) => {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = prepare(sql);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  });
  holder().push(db, cache);
  return db;
}

/** Sets a pragma without creating a Statement (see above). */
export function setPragma(db: Database.Database, pragma: string): void {
  db.exec(`PRAGMA ${pragma}`);
}

function userVersion(db: Database.Database): number {
  return Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
}
