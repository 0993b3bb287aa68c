import type { Config } from '../config.js';
import { BufferedMetricsStore } from './buffered.js';
import { PostgresMetricsStore } from './postgres.js';
import { SqliteMetricsStore } from './sqlite.js';
import type { MetricsStore } from './types.js';

/**
 * PostgreSQL when DATABASE_URL (databaseUrl) is set, so replicas share one history; else SQLite in
 * the data dir. Behind a buffer, so events recorded while the database restarts are written once it is back.
 */
export async function openMetricsStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<MetricsStore> {
  const store = config.databaseUrl ? await PostgresMetricsStore.open(config.databaseUrl) : SqliteMetricsStore.open(config.dataDir);
  return new BufferedMetricsStore(store);
}
