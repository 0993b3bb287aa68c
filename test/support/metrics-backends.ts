import { SqliteMetricsStore } from '../../src/metrics/sqlite';
import { PostgresMetricsStore } from '../../src/metrics/postgres';
import type { MetricsStore } from '../../src/metrics/types';
import { freshDatabase, testDatabaseUrl } from './postgres';
import { tmpDir } from './tmp';

export interface MetricsBackend {
  name: string;
  open(): Promise<{ store: MetricsStore; reopen(): Promise<MetricsStore>; cleanup(): Promise<void> }>;
}

/** SQLite always; PostgreSQL when the test command started one (or TEST_DATABASE_URL is set). */
export function metricsBackends(): MetricsBackend[] {
  const backends: MetricsBackend[] = [
    {
      name: 'sqlite',
      open: async () => {
        const dir = tmpDir('deskmate-metrics-');
        return { store: SqliteMetricsStore.open(dir), reopen: async () => SqliteMetricsStore.open(dir), cleanup: async () => undefined };
      },
    },
  ];
  const server = testDatabaseUrl();
  if (server) {
    backends.push({
      name: 'postgres',
      open: async () => {
        const db = await freshDatabase(server);
        return { store: await PostgresMetricsStore.open(db.url), reopen: () => PostgresMetricsStore.open(db.url), cleanup: () => db.drop() };
      },
    });
  } else {
    process.stderr.write('!!! metrics store tests: PostgreSQL SKIPPED (no TEST_DATABASE_URL) !!!\n');
  }
  return backends;
}
