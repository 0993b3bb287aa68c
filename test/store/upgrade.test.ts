import path from 'node:path';
import pg from 'pg';
import { openSqlite } from '../../src/db/sqlite-open';
import { PostgresStore } from '../../src/store/postgres';
import { SqliteStore } from '../../src/store/sqlite';
import { freshDatabase, testDatabaseUrl } from '../support/postgres';
import { legacyPostgres, legacySqlite } from '../support/legacy-schema';
import { tmpDir } from '../support/tmp';

/**
 * Databases made by the previous release (schema version 4) migrate forward in place: rows kept,
 * escalations start at version 0 and take compare-and-set saves, questions gain a placeholder ts.
 */
const ESCALATION = "INSERT INTO escalations (channel, thread_ts, asker, question, topic, senior, reason, state, created_at, updated_at, assigned_at, notified_at) VALUES ('C', '1.1', 'U', 'q', 't', 'S', 'r', 'open', 42, 42, 42, 42)";

test('a version-4 SQLite file is upgraded in place, keeping its pending question and open escalation', async () => {
  const dir = tmpDir('deskmate-upgrade-');
  const db = openSqlite(path.join(dir, 'deskmate.sqlite'));
  legacySqlite(db, { store: 4 });
  db.exec(ESCALATION);
  db.exec("INSERT INTO questions (kind, channel, user, text, message_ts, created_at) VALUES ('mention', 'C', 'U', 'old question', '1.1', 7)");
  db.close();

  const store = SqliteStore.open(dir);
  const [pending] = await store.pendingQuestions();
  expect(pending).toMatchObject({ text: 'old question', placeholderTs: undefined });
  const e = (await store.escalationForThread('C', '1.1'))!;
  expect(e).toMatchObject({ state: 'open', version: 0, assignedAt: 42 });
  expect(await store.saveEscalation({ ...e, state: 'claimed', claimedBy: 'S' })).toMatchObject({ ok: true, escalation: { version: 1 } });
  expect(await store.saveEscalation({ ...e, remindedAt: 50 })).toMatchObject({ ok: false, reason: 'conflict' });
  await store.close();
});

const server = testDatabaseUrl();
(server ? test : test.skip)('a version-4 PostgreSQL database is upgraded in place, keeping its rows', async () => {
  const fresh = await freshDatabase(server!);
  const client = new pg.Client({ connectionString: fresh.url });
  await client.connect();
  try {
    await legacyPostgres(client, { store: 4 });
    await client.query(ESCALATION);
  } finally {
    await client.end();
  }
  const store = await PostgresStore.open(fresh.url);
  try {
    const e = (await store.escalationForThread('C', '1.1'))!;
    expect(e).toMatchObject({ state: 'open', version: 0 });
    expect(await store.saveEscalation({ ...e, state: 'claimed', claimedBy: 'S' })).toMatchObject({ ok: true });
    expect(await store.saveEscalation({ ...e, remindedAt: 50 })).toMatchObject({ ok: false, reason: 'conflict' });
  } finally {
    await store.close();
    await fresh.drop();
  }
});
