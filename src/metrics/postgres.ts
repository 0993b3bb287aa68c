import { postgresHandle } from '../db/kysely.js';
import { DeskmateError, ErrorCode } from '../errors.js';
import { childLogger } from '../log.js';
import { migratePostgres } from '../db/migrate.js';
import { resilientPool } from '../store/pg-pool.js';
import { KyselyMetricsStore, type MetricsTables } from './kysely-metrics.js';

const log = childLogger('metrics.postgres');

/** Metric events in PostgreSQL (DATABASE_URL), shared by every replica; the query code is KyselyMetricsStore's. */
export class PostgresMetricsStore extends KyselyMetricsStore {
  static async open(databaseUrl: string): Promise<PostgresMetricsStore> {
    // A connection dropped by the server (restart, failover) must not crash the process.
    const pool = resilientPool(databaseUrl, 4, log);
    try {
      const client = await pool.connect();
      try {
        await migratePostgres(client);
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
