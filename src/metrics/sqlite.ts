import type Database from 'better-sqlite3';
import { DB_FILE, openStateFile, stateFileError } from '../db/sqlite-file.js';
import { sqliteHandle } from '../db/kysely.js';
import { KyselyMetricsStore, type MetricsTables } from './kysely-metrics.js';
import { SQLITE_METRICS_MIGRATIONS } from './migrations.js';

/** The Slack store's file: one DESKMATE_DATA_DIR holds all of Deskmate's state. */
export const METRICS_DB_FILE = DB_FILE;

/** Applies pending metrics migrations; returns the version reached. */
export function migrateMetricsSqlite(db: Database.Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS metrics_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
  db.transaction(() => {
    const row = db.prepare('SELECT MAX(version) AS v FROM metrics_migrations').get() as { v: number | null };
    for (let v = row.v ?? 0; v < SQLITE_METRICS_MIGRATIONS.length; v++) {
      db.exec(SQLITE_METRICS_MIGRATIONS[v]);
      db.prepare('INSERT INTO metrics_migrations VALUES (?, ?)').run(v + 1, Date.now());
    }
  }).immediate();
  return SQLITE_METRICS_MIGRATIONS.length;
}

/** Metric events in deskmate.sqlite (or `:memory:`); the query code is KyselyMetricsStore's. */
export class SqliteMetricsStore extends KyselyMetricsStore {
  /** Opens (creating) the database file in dataDir, or `:memory:`. */
  static open(dataDir: string): SqliteMetricsStore {
    const db = openStateFile(dataDir, 'metrics database');
    try {
      migrateMetricsSqlite(db);
      return new SqliteMetricsStore(sqliteHandle<MetricsTables>(db));
    } catch (err) {
      db.close();
      throw stateFileError(err, dataDir, 'metrics database');
    }
  }
}
