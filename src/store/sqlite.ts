import { sqliteHandle } from '../db/kysely.js';
import { openStateFile, stateFileError } from '../db/sqlite-file.js';
import { migrateSqlite } from '../db/migrate.js';
import { KyselyStore } from './kysely-store.js';
import type { StoreTables } from './schema.js';

/**
 * The store in deskmate.sqlite under the data dir (one process). Opening is synchronous: the file is
 * checked (empty or damaged stops here), migrated, then served by the shared query code.
 */
export class SqliteStore extends KyselyStore {
  static open(dataDir: string): SqliteStore {
    const db = openStateFile(dataDir, 'Deskmate database');
    try {
      migrateSqlite(db);
      return new SqliteStore(sqliteHandle<StoreTables>(db));
    } catch (err) {
      db.close();
      throw stateFileError(err, dataDir, 'Deskmate database');
    }
  }
}
