import path from 'node:path';
import pg from 'pg';
import { migratePostgres, migrateSqlite } from '../../src/db/migrate';
import { SCHEMA_STEPS } from '../../src/db/schema-steps';
import { openSqlite } from '../../src/db/sqlite-open';
import { SqliteMetricsStore } from '../../src/metrics/sqlite';
import { legacyPostgres, legacySqlite } from '../support/legacy-schema';
import { freshDatabase, testDatabaseUrl } from '../support/postgres';
import { tmpDir } from '../support/tmp';

/** One schema list, one versions table; databases from the three former mechanisms are adopted, not re-run. */
const ALL = SCHEMA_STEPS.map((s) => s.id);

test('every step has a unique id and SQL for both databases', () => {
  expect(new Set(ALL).size).toBe(ALL.length);
  for (const s of SCHEMA_STEPS) {
    expect(s.id).toMatch(/^(store|metrics|usage)-\d+$/);
    expect(s.sqlite.trim()).not.toBe('');
    expect(s.postgres.trim()).not.toBe('');
  }
});

test('SQLite: a file from the former mechanisms is adopted (store 4, metrics 1, usage 1) and only the new steps run', () => {
  const db = openSqlite(path.join(tmpDir('deskmate-mig-'), 'deskmate.sqlite'));
  legacySqlite(db, { store: 4, metrics: 1, usage: 1 });
  db.exec("INSERT INTO metric_events (at, type, ref, actor, mode) VALUES (1, 'senior_ping', 'r', 'a', 'observe')");
  // Running an adopted step again would fail (its CREATE TABLE exists): running just the rest proves adoption.
  expect(migrateSqlite(db)).toEqual(['store-5', 'store-6', 'store-7', 'usage-2']);
  expect(migrateSqlite(db)).toEqual([]);
  expect(db.prepare('SELECT COUNT(*) AS n FROM metric_events').get()).toEqual({ n: 1 });
  db.close();
});

test('SQLite: opening any one store first creates every table (one list for the whole file)', async () => {
  const dir = tmpDir('deskmate-mig-');
  await SqliteMetricsStore.open(dir).close();
  const db = openSqlite(path.join(dir, 'deskmate.sqlite'));
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name);
  expect(tables).toEqual(expect.arrayContaining(['questions', 'escalations', 'copy_drafts', 'metric_events', 'llm_usage', 'deskmate_schema']));
  db.close();
});

const server = testDatabaseUrl();
(server ? test : test.skip)('PostgreSQL: a database from the former mechanisms is adopted; replicas migrating at once apply each step once', async () => {
  const fresh = await freshDatabase(server!);
  const clients = [0, 1, 2].map(() => new pg.Client({ connectionString: fresh.url }));
  await Promise.all(clients.map((c) => c.connect()));
  try {
    await legacyPostgres(clients[0], { store: 4, metrics: 1, usage: 1 });
    const ran = await Promise.all(clients.map((c) => migratePostgres(c)));
    expect(ran.flat().sort()).toEqual(['store-5', 'store-6', 'store-7', 'usage-2']);
    const { rows } = await clients[0].query('SELECT step FROM deskmate_schema');
    expect(rows.map((r) => r.step).sort()).toEqual([...ALL].sort());
  } finally {
    await Promise.all(clients.map((c) => c.end()));
    await fresh.drop();
  }
});
