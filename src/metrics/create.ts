import type { Config } from '../config.js';
import { PostgresMetricsStore } from './postgres.js';
import { SqliteMetricsStore } from './sqlite.js';
import type { MetricsStore } from './types.js';

/** PostgreSQL when DATABASE_URL (databaseUrl) is set, so replicas share one history; else SQLite in the data dir. */
export async function openMetricsStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<MetricsStore> {
  return config.databaseUrl ? PostgresMetricsStore.open(config.databaseUrl) : SqliteMetricsStore.open(config.dataDir);
}
