import type Database from 'better-sqlite3';
import { sqliteHandle } from '../db/kysely.js';
import { openStateFile, stateFileError } from '../db/sqlite-file.js';
import { setPragma, userVersion } from '../db/sqlite-open.js';
import { KyselyStore } from './kysely-store.js';
import { MIGRATIONS } from './migrations.js';
import type { StoreTables } from './schema.js';

/** Applies pending migrations; returns the schema version reached. */
export function migrate(db: Database.Database): number {
  const current = userVersion(db);
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      setPragma(db, `user_version = ${v + 1}`);
    })();
  }
  return MIGRATIONS.length;
}

/**
 * The store in deskmate.sqlite under the data dir (one process). Opening is synchronous: the file is
 * checked (empty or damaged stops here), migrated, then served by the shared query code.
 */
export class SqliteStore extends KyselyStore {
  static open(dataDir: string): SqliteStore {
    const db = openStateFile(dataDir, 'Deskmate database');
    try {
      migrate(db);
      return new SqliteStore(sqliteHandle<StoreTables>(db));
    } catch (err) {
      db.close();
      throw stateFileError(err, dataDir, 'Deskmate database');
    }
  }
}
