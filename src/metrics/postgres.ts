import type pg from 'pg';
import { postgresHandle } from '../db/kysely.js';
import { DeskmateError, ErrorCode } from '../errors.js';
import { childLogger } from '../log.js';
import { runPostgresMigrations } from '../store/pg-migrate.js';
import { resilientPool } from '../store/pg-pool.js';
import { KyselyMetricsStore, type MetricsTables } from './kysely-metrics.js';
import { POSTGRES_METRICS_MIGRATIONS } from './migrations.js';

/** Any two replicas starting together migrate one after the other, never both at once. */
const log = childLogger('metrics.postgres');
const MIGRATION_LOCK = 0x6d657472; // "metr"

export function migrateMetricsPostgres(client: pg.ClientBase): Promise<number> {
  return runPostgresMigrations(client, { table: 'metrics_migrations', lock: MIGRATION_LOCK, migrations: POSTGRES_METRICS_MIGRATIONS });
}

/** Metric events in PostgreSQL (DATABASE_URL), shared by every replica; the query code is KyselyMetricsStore's. */
export class PostgresMetricsStore extends KyselyMetricsStore {
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
      return new PostgresMetricsStore(postgresHandle<MetricsTables>(pool));
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw new DeskmateError(ErrorCode.StoreFailed, `Cannot open the metrics tables in PostgreSQL: ${(err as Error).message}. Check DATABASE_URL.`, { cause: err });
    }
  }
}
