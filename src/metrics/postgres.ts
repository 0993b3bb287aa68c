import { postgresHandle } from '../db/kysely.js';
import { DeskmateError, ErrorCode } from '../errors.js';
import { acquirePostgres } from '../db/pool.js';
import { KyselyMetricsStore, type MetricsTables } from './kysely-metrics.js';

/** Metric events in PostgreSQL (DATABASE_URL), shared by every replica; the query code is KyselyMetricsStore's. */
export class PostgresMetricsStore extends KyselyMetricsStore {
  static async open(databaseUrl: string): Promise<PostgresMetricsStore> {
    try {
      const { pool, release } = await acquirePostgres(databaseUrl);
      return new PostgresMetricsStore(postgresHandle<MetricsTables>(pool, release));
    } catch (err) {
      throw new DeskmateError(ErrorCode.StoreFailed, `Cannot open the metrics tables in PostgreSQL: ${(err as Error).message}. Check DATABASE_URL.`, { cause: err });
    }
  }
}
