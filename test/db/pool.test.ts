import { acquirePostgres } from '../../src/db/pool';
import { PostgresUsageStore } from '../../src/llm/usage-store';
import { PostgresMetricsStore } from '../../src/metrics/postgres';
import { PostgresStore } from '../../src/store/postgres';
import { freshDatabase, testDatabaseUrl } from '../support/postgres';

/** One pool per database per process: the store, metrics and LLM usage share it; the last close ends it. */
const server = testDatabaseUrl();
const maybe = server ? test : test.skip;

maybe('openers of one URL share one pool, which ends only when the last of them releases it', async () => {
  const db = await freshDatabase(server!);
  try {
    const first = await acquirePostgres(db.url);
    const second = await acquirePostgres(db.url);
    expect(second.pool).toBe(first.pool);
    await first.release();
    await first.release(); // twice is harmless: it does not drop the other reference
    expect(first.pool.ended).toBe(false);
    expect((await second.pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await second.release();
    expect(first.pool.ended).toBe(true);
    const again = await acquirePostgres(db.url);
    expect(again.pool).not.toBe(first.pool);
    await again.release();
  } finally {
    await db.drop();
  }
});

maybe('store, metrics and usage on one database: closing two leaves the third working', async () => {
  const db = await freshDatabase(server!);
  try {
    const [store, metrics, usage] = await Promise.all([PostgresStore.open(db.url), PostgresMetricsStore.open(db.url), PostgresUsageStore.open(db.url)]);
    await store.close();
    await metrics.close();
    await usage.record({ at: 1, task: 'answer', user: 'U1', model: 'm', inputTokens: 1, outputTokens: 1, usd: 0, priced: false });
    expect(await usage.userCallsSince('U1', 0)).toBe(1);
    await usage.close();
  } finally {
    await db.drop();
  }
});
