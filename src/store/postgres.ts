import { postgresHandle } from '../db/kysely.js';
import { DeskmateError, ErrorCode } from '../errors.js';
import { KyselyStore } from './kysely-store.js';
import { acquirePostgres } from '../db/pool.js';
import type { StoreTables } from './schema.js';

/** The store in PostgreSQL (DATABASE_URL), shared by every replica; the query code is KyselyStore's. */
export class PostgresStore extends KyselyStore {
  static async open(databaseUrl: string): Promise<PostgresStore> {
    try {
      const { pool, release } = await acquirePostgres(databaseUrl);
      return new PostgresStore(postgresHandle<StoreTables>(pool, release));
    } catch (err) {
      throw new DeskmateError(ErrorCode.StoreFailed, `Cannot open the Deskmate database in PostgreSQL: ${(err as Error).message}. Check DATABASE_URL (postgres://user:password@host:5432/db).`, { cause: err });
    }
  }
}
