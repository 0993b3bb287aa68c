import { postgresHandle } from '../db/kysely.js';
import { DeskmateError, ErrorCode } from '../errors.js';
import { childLogger } from '../log.js';
import { KyselyStore } from './kysely-store.js';
import { migratePostgres } from '../db/migrate.js';
import { resilientPool } from './pg-pool.js';
import type { StoreTables } from './schema.js';

const log = childLogger('store.postgres');

/** The store in PostgreSQL (DATABASE_URL), shared by every replica; the query code is KyselyStore's. */
export class PostgresStore extends KyselyStore {
  static async open(databaseUrl: string): Promise<PostgresStore> {
    // A connection dropped by the server (restart, failover) must not crash the process.
    const pool = resilientPool(databaseUrl, 8, log);
    try {
      const client = await pool.connect();
      try {
        await migratePostgres(client);
      } finally {
        client.release();
      }
      return new PostgresStore(postgresHandle<StoreTables>(pool));
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw new DeskmateError(ErrorCode.StoreFailed, `Cannot open the Deskmate database in PostgreSQL: ${(err as Error).message}. Check DATABASE_URL (postgres://user:password@host:5432/db).`, { cause: err });
    }
  }
}
