import pg from 'pg';
import { DeskmateError, ErrorCode } from '../errors.js';
import { childLogger } from '../log.js';
import { runPostgresMigrations } from '../store/pg-migrate.js';
import { resilientPool } from '../store/pg-pool.js';
import { isRetryableStoreError } from '../store/retryable.js';
import { EVENT_COLUMNS, POSTGRES_METRICS_MIGRATIONS } from './migrations.js';
import { eventFromRow, eventValues } from './rows.js';
import type { BaselineAggregate, MetricEvent, MetricsStore } from './types.js';

/** Any two replicas starting together migrate one after the other, never both at once. */
const log = childLogger('metrics.postgres');
const MIGRATION_LOCK = 0x6d657472; // "metr"
const COLUMN_TYPES = ['bigint', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'float8', 'text', 'text', 'text', 'boolean', 'text', 'text'];
const BATCH = 10_000;

export function migrateMetricsPostgres(client: pg.ClientBase): Promise<number> {
  return runPostgresMigrations(client, { table: 'metrics_migrations', lock: MIGRATION_LOCK, migrations: POSTGRES_METRICS_MIGRATIONS });
}

/** Metric events in PostgreSQL (DATABASE_URL), shared by every replica. */
export class PostgresMetricsStore implements MetricsStore {
  private constructor(private readonly pool: pg.Pool) {}

  static async open(databaseUrl: string): Promise<PostgresMetricsStore> {
    // A connection dropped by the server (restart, failover) must not crash the process.
    const pool = resilientPool(databaseUrl, 4, log);
    try {
      const client = await pool.connect();
      try {
        await migrateMetricsPostgres(client);
      } finally {
        client.release();
      }
      return new PostgresMetricsStore(pool);
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw new DeskmateError(ErrorCode.StoreFailed, `Cannot open the metrics tables in PostgreSQL: ${(err as Error).message}. Check DATABASE_URL.`, { cause: err });
    }
  }

  async record(event: MetricEvent): Promise<void> {
    await this.pool.query(`INSERT INTO metric_events (${EVENT_COLUMNS.join(', ')}) VALUES (${EVENT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`, eventValues(event));
  }

  /** Column arrays through unnest: one statement per 10k events instead of one per event. */
  async recordMany(events: MetricEvent[]): Promise<void> {
    const client = await this.pool.connect();
    let lost: Error | undefined;
    try {
      await client.query('BEGIN');
      for (let i = 0; i < events.length; i += BATCH) {
        const rows = events.slice(i, i + BATCH).map(eventValues);
        const columns = EVENT_COLUMNS.map((_, c) => rows.map((r) => r[c]));
        await client.query(`INSERT INTO metric_events (${EVENT_COLUMNS.join(', ')}) SELECT * FROM unnest(${COLUMN_TYPES.map((t, c) => `$${c + 1}::${t}[]`).join(', ')})`, columns);
      }
      await client.query('COMMIT');
    } catch (err) {
      // A connection the server dropped is discarded, not handed out again.
      if (isRetryableStoreError(err)) lost = err as Error;
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release(lost);
    }
  }

  async eventsBetween(from: number, to: number): Promise<MetricEvent[]> {
    const { rows } = await this.pool.query('SELECT * FROM metric_events WHERE at >= $1 AND at < $2 ORDER BY at, id', [from, to]);
    return rows.map(eventFromRow);
  }

  async baseline(): Promise<BaselineAggregate> {
    const total = await this.pool.query("SELECT COUNT(*) AS n, MIN(at) AS first, MAX(at) AS last FROM metric_events WHERE type = 'senior_ping' AND mode = 'observe'");
    const bySenior = await this.pool.query("SELECT senior, COUNT(*) AS n FROM metric_events WHERE type = 'senior_ping' AND mode = 'observe' AND senior IS NOT NULL GROUP BY senior");
    const perSenior: Record<string, number> = {};
    for (const r of bySenior.rows) perSenior[String(r.senior)] = Number(r.n);
    const t = total.rows[0];
    return { pings: Number(t.n), firstAt: t.first === null ? undefined : Number(t.first), lastAt: t.last === null ? undefined : Number(t.last), perSenior };
  }

  private closed = false;

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
