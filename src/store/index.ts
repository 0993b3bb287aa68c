import type { Config } from '../config.js';
import { SqliteStore } from './sqlite.js';
import type { DeskmateStore } from './types.js';

export type * from './types.js';
export { SqliteStore } from './sqlite.js';

export { createStore } from './create.js';

/** SQLite under dataDir regardless of DATABASE_URL (tests, single-process tools); `createStore` picks by config. */
export function openStore(config: Config): DeskmateStore {
  return SqliteStore.open(config.dataDir);
}
