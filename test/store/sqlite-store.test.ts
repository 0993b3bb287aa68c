import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateSqlite } from '../../src/db/migrate';
import { SCHEMA_STEPS } from '../../src/db/schema-steps';
import { openSqlite } from '../../src/db/sqlite-open';
import { SqliteStore } from '../../src/store/sqlite';
import { legacySqlite } from '../support/legacy-schema';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'deskmate-store-'));
const question = (over: Record<string, unknown> = {}) => ({ kind: 'mention' as const, channel: 'C1', user: 'U1', text: 'How do I list shipments?', messageTs: '1.1', threadTs: '1.1', eventId: 'Ev1', ...over });

describe('SqliteStore', () => {
  let dir: string;
  let store: SqliteStore;
  beforeEach(() => {
    dir = tmp();
    store = SqliteStore.open(dir);
  });
  afterEach(() => store.close());

  test('migrations run once and record every step of the one schema list', () => {
    const db = openSqlite(path.join(dir, 'deskmate.sqlite'));
    expect((db.prepare('SELECT step FROM deskmate_schema ORDER BY rowid').all() as Array<{ step: string }>).map((r) => r.step)).toEqual(SCHEMA_STEPS.map((s) => s.id));
    expect(migrateSqlite(db)).toEqual([]); // re-running is a no-op, not an error
    db.close();
  });

  test('a version-1 database is upgraded in place, keeping its escalations', async () => {
    const old = tmp();
    const db = openSqlite(path.join(old, 'deskmate.sqlite'));
    legacySqlite(db, { store: 1 });
    db.prepare("INSERT INTO escalations (channel, thread_ts, asker, question, topic, senior, reason, state, created_at, updated_at) VALUES ('C', '1.1', 'U', 'q', 't', 'S', 'r', 'open', 42, 42)").run();
    db.close();
    const upgraded = SqliteStore.open(old);
    expect(await upgraded.escalationForThread('C', '1.1')).toMatchObject({ assignedAt: 42, remindedAt: undefined, state: 'open' });
    await upgraded.close();
  });

  test('a question is accepted once per event id and once per message', async () => {
    const first = await store.acceptQuestion(question());
    expect(first).toMatchObject({ id: expect.any(Number), status: 'pending' });
    expect(await store.acceptQuestion(question())).toBeUndefined();
    // Same message through another event (app_mention and message.channels): still one question.
    expect(await store.acceptQuestion(question({ eventId: 'Ev2' }))).toBeUndefined();
    expect(await store.pendingQuestions()).toHaveLength(1);
  });

  test('pending questions survive reopening and leave the pending list when finished', async () => {
    const q = (await store.acceptQuestion(question()))!;
    await store.close();
    store = SqliteStore.open(dir);
    expect((await store.pendingQuestions()).map((p) => p.id)).toEqual([q.id]);
    await store.finishQuestion(q.id, 'done', '2.2');
    expect(await store.pendingQuestions()).toEqual([]);
    expect(await store.getQuestion(q.id)).toMatchObject({ status: 'done', replyTs: '2.2' });
  });

  test('escalations persist their state changes', async () => {
    const e = await store.openEscalation({ channel: 'C1', threadTs: '1.1', asker: 'U1', question: 'why?', topic: 'api', senior: 'US', reason: 'rationale' });
    await store.saveEscalation({ ...e, state: 'claimed', claimedBy: 'US', noticeTs: '3.3' });
    await store.close();
    store = SqliteStore.open(dir);
    expect(await store.escalationForThread('C1', '1.1')).toMatchObject({ id: e.id, state: 'claimed', claimedBy: 'US', noticeTs: '3.3' });
    expect(await store.listEscalations('open')).toEqual([]);
  });

  test('rotation cursors advance per topic', async () => {
    expect([await store.nextRotation('api'), await store.nextRotation('api'), await store.nextRotation('db'), await store.nextRotation('api')]).toEqual([0, 1, 0, 2]);
  });

  test('an answered thread is not downgraded by a later proactive mark', async () => {
    await store.markThread('C1', '1.1', 'proactive');
    expect(await store.threadKind('C1', '1.1')).toBe('proactive');
    await store.markThread('C1', '1.1', 'answered');
    await store.markThread('C1', '1.1', 'proactive');
    expect(await store.threadKind('C1', '1.1')).toBe('answered');
  });

  test('turns come back oldest first, the most recent N', async () => {
    for (let i = 0; i < 5; i++) await store.addTurn('dm:D1', { role: i % 2 ? 'assistant' : 'user', text: `t${i}`, at: i });
    expect((await store.recentTurns('dm:D1', 3)).map((t) => t.text)).toEqual(['t2', 't3', 't4']);
  });

  test('feedback is recorded once per user and kind', async () => {
    await store.recordFeedback(1, 'U1', 'helpful');
    await store.recordFeedback(1, 'U1', 'helpful');
    await store.recordFeedback(1, 'U2', 'not_helpful');
    expect(await store.feedbackFor(1)).toHaveLength(2);
  });

  test('an unwritable data dir is a StoreFailed error naming DESKMATE_DATA_DIR', () => {
    const file = path.join(tmp(), 'a-file');
    fs.writeFileSync(file, 'x');
    expect(() => SqliteStore.open(path.join(file, 'sub'))).toThrow(/DESKMATE_DATA_DIR/);
  });
});
