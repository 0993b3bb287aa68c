import { openStateFile, stateFileError } from '../db/sqlite-file.js';
import { sqliteHandle } from '../db/kysely.js';
import { KyselyMetricsStore, type MetricsTables } from './kysely-metrics.js';
import { migrateSqlite } from '../db/migrate.js';

/** Metric events in deskmate.sqlite (or `:memory:`); the query code is KyselyMetricsStore's. */
export class SqliteMetricsStore extends KyselyMetricsStore {
  /** Opens (creating) the database file in dataDir, or `:memory:`. */
  static open(dataDir: string): SqliteMetricsStore {
    const db = openStateFile(dataDir, 'metrics database');
    try {
      migrateSqlite(db);
      return new SqliteMetricsStore(sqliteHandle<MetricsTables>(db));
    } catch (err) {
      db.close();
      throw stateFileError(err, dataDir, 'metrics database');
    }
  }
}
