import type { Config } from '../config.js';
import { SqliteStore } from './sqlite.js';
import type { DeskmateStore } from './types.js';

export type * from './types.js';
export { SqliteStore } from './sqlite.js';

/** The store for this config: SQLite under dataDir (a PostgreSQL store can be chosen here later by databaseUrl). */
export function openStore(config: Config): DeskmateStore {
  return SqliteStore.open(config.dataDir);
}
