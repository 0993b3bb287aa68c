import type Database from 'better-sqlite3';
import { DB_FILE, openStateFile, stateFileError } from '../db/sqlite-file.js';
import { EVENT_COLUMNS, SQLITE_METRICS_MIGRATIONS } from './migrations.js';
import { eventFromRow, eventValues } from './rows.js';
import type { BaselineAggregate, MetricEvent, MetricsStore } from './types.js';

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

const toSqlite = (values: ReturnType<typeof eventValues>) => values.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v));

export class SqliteMetricsStore implements MetricsStore {
  private readonly insert: Database.Statement;

  private constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(`INSERT INTO metric_events (${EVENT_COLUMNS.join(', ')}) VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')})`);
  }

  /** Opens (creating) the database file in dataDir, or `:memory:`. */
  static open(dataDir: string): SqliteMetricsStore {
    const db = openStateFile(dataDir, 'metrics database');
    try {
      migrateMetricsSqlite(db);
      return new SqliteMetricsStore(db);
    } catch (err) {
      db.close();
      throw stateFileError(err, dataDir, 'metrics database');
    }
  }

  async record(event: MetricEvent): Promise<void> {
    this.insert.run(toSqlite(eventValues(event)));
  }

  async recordMany(events: MetricEvent[]): Promise<void> {
    this.db.transaction(() => {
      for (const e of events) this.insert.run(toSqlite(eventValues(e)));
    })();
  }

  async eventsBetween(from: number, to: number): Promise<MetricEvent[]> {
    return (this.db.prepare('SELECT * FROM metric_events WHERE at >= ? AND at < ? ORDER BY at, id').all(from, to) as Record<string, unknown>[]).map(eventFromRow);
  }

  async baseline(): Promise<BaselineAggregate> {
    const total = this.db.prepare("SELECT COUNT(*) AS n, MIN(at) AS first, MAX(at) AS last FROM metric_events WHERE type = 'senior_ping' AND mode = 'observe'").get() as { n: number; first: number | null; last: number | null };
    const perSenior: Record<string, number> = {};
    for (const r of this.db.prepare("SELECT senior, COUNT(*) AS n FROM metric_events WHERE type = 'senior_ping' AND mode = 'observe' AND senior IS NOT NULL GROUP BY senior").all() as Array<{ senior: string; n: number }>) perSenior[r.senior] = r.n;
    return { pings: total.n, firstAt: total.first ?? undefined, lastAt: total.last ?? undefined, perSenior };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
