import type { Config } from '../config.js';
import { PostgresStore } from './postgres.js';
import { SqliteStore } from './sqlite.js';
import type { DeskmateStore } from './types.js';

/**
 * The store for this config: PostgreSQL when DATABASE_URL (databaseUrl) is set, so several bot
 * replicas share dedupe, pending questions and escalations; else SQLite under DESKMATE_DATA_DIR.
 * Migrations are applied before it returns.
 */
export async function createStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<DeskmateStore> {
  return config.databaseUrl ? PostgresStore.open(config.databaseUrl) : SqliteStore.open(config.dataDir);
}
