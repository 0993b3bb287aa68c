import { SqliteStore } from '../../src/store/sqlite';
import { PostgresStore } from '../../src/store/postgres';
import { createStore } from '../../src/store/create';
import type { DeskmateStore } from '../../src/store/types';
import { freshDatabase, testDatabaseUrl } from '../support/postgres';
import { tmpDir } from '../support/tmp';

/**
 * One behavioural suite for every DeskmateStore implementation: SQLite always, PostgreSQL when the
 * test command started one (jest globalSetup) or TEST_DATABASE_URL names one.
 */
interface Backend {
  name: string;
  /** A new empty store location; open() may be called several times on it (restart, replicas). */
  create(): Promise<{ open(): Promise<DeskmateStore>; cleanup(): Promise<void> }>;
}

const backends: Backend[] = [
  { name: 'sqlite', create: async () => { const dir = tmpDir('deskmate-store-'); return { open: async () => SqliteStore.open(dir), cleanup: async () => undefined }; } },
];
const server = testDatabaseUrl();
if (server) backends.push({ name: 'postgres', create: async () => { const db = await freshDatabase(server); return { open: () => PostgresStore.open(db.url), cleanup: db.drop }; } });
else process.stderr.write('!!! DeskmateStore suite: PostgreSQL SKIPPED (no TEST_DATABASE_URL) !!!\n');

const question = (over: Record<string, unknown> = {}) => ({ kind: 'mention' as const, channel: 'C1', user: 'U1', text: 'How do I list shipments?', messageTs: '1.1', threadTs: '1.1', eventId: 'Ev1', ...over });

describe.each(backends)('DeskmateStore on $name', (backend) => {
  let location: Awaited<ReturnType<Backend['create']>>;
  let store: DeskmateStore;
  const opened: DeskmateStore[] = [];
  const open = async () => {
    const s = await location.open();
    opened.push(s);
    return s;
  };
  beforeEach(async () => {
    location = await backend.create();
    store = await open();
  });
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
    await location.cleanup();
  });

  test('a question is accepted once per event id and once per message', async () => {
    const first = await store.acceptQuestion(question({ truncated: true }));
    expect(first).toMatchObject({ id: expect.any(Number), status: 'pending', truncated: true });
    expect(await store.acceptQuestion(question())).toBeUndefined();
    expect(await store.acceptQuestion(question({ eventId: 'Ev2' }))).toBeUndefined();
    expect(await store.pendingQuestions()).toEqual([expect.objectContaining({ id: first!.id, user: 'U1', truncated: true, threadTs: '1.1' })]);
    expect(await store.markEventSeen('Ev1')).toBe(false);
    expect(await store.markEventSeen('Ev9')).toBe(true);
  });

  test('pending questions survive a restart and leave the list when finished', async () => {
    const q = (await store.acceptQuestion(question({ threadTs: undefined })))!;
    await store.close();
    store = await open();
    expect((await store.pendingQuestions()).map((p) => p.id)).toEqual([q.id]);
    await store.finishQuestion(q.id, 'done', '2.2');
    await store.finishQuestion(q.id, 'done');
    expect(await store.pendingQuestions()).toEqual([]);
    expect(await store.getQuestion(q.id)).toMatchObject({ status: 'done', replyTs: '2.2', threadTs: undefined });
    expect(await store.getQuestion(q.id + 1000)).toBeUndefined();
  });

  test('a question carrying NUL and other control characters is stored without them (PostgreSQL rejected it with 22021)', async () => {
    const accepted = await store.acceptQuestion(question({ text: 'How do I\u0000 list\u0007 shipments?\u001b\nThanks\tall', user: 'U1\u0000' }));
    expect(accepted).toMatchObject({ text: 'How do I list shipments?\nThanks\tall', user: 'U1' });
    expect(await store.pendingQuestions()).toEqual([expect.objectContaining({ id: accepted!.id, text: 'How do I list shipments?\nThanks\tall', user: 'U1' })]);
    await store.addTurn('dm:D1', { role: 'user', text: 'hi\u0000 there\u0085', at: 1 });
    expect(await store.recentTurns('dm:D1', 1)).toEqual([{ role: 'user', text: 'hi there', at: 1 }]);
    const e = await store.openEscalation({ channel: 'C1', threadTs: '1.1', asker: 'U1', question: 'why\u0000?', topic: 'api', senior: 'US', reason: 'r\u0000' });
    expect(await store.getEscalation(e.id)).toMatchObject({ question: 'why?', reason: 'r' });
  });

  test('the placeholder ts stays with a pending question across a restart', async () => {
    const q = (await store.acceptQuestion(question()))!;
    expect(q.placeholderTs).toBeUndefined();
    await store.setPlaceholder(q.id, '5.5');
    await store.close();
    store = await open();
    expect(await store.pendingQuestions()).toEqual([expect.objectContaining({ id: q.id, placeholderTs: '5.5' })]);
    await store.finishQuestion(q.id, 'done', '5.5');
    expect(await store.getQuestion(q.id)).toMatchObject({ status: 'done', replyTs: '5.5', placeholderTs: '5.5' });
  });

  test('recent questions are the user\'s own, newest first', async () => {
    for (let i = 0; i < 4; i++) await store.acceptQuestion(question({ messageTs: `${i}.0`, eventId: `E${i}`, user: i === 2 ? 'U2' : 'U1', text: `q${i}` }));
    expect((await store.recentQuestions('U1', 2)).map((q) => q.text)).toEqual(['q3', 'q1']);
  });

  test('escalations persist their state changes across a restart', async () => {
    const e = await store.openEscalation({ questionId: 7, channel: 'C1', threadTs: '1.1', asker: 'U1', question: 'why?', topic: 'api', senior: 'US', reason: 'rationale' });
    expect(e.assignedAt).toBe(e.createdAt);
    await store.saveEscalation({ ...e, state: 'claimed', claimedBy: 'US', noticeTs: '3.3', assignedAt: e.createdAt + 5, remindedAt: e.createdAt + 9, notifiedAt: e.createdAt + 7 });
    await store.close();
    store = await open();
    expect(await store.escalationForThread('C1', '1.1')).toMatchObject({ id: e.id, questionId: 7, state: 'claimed', claimedBy: 'US', noticeTs: '3.3', assignedAt: e.createdAt + 5, remindedAt: e.createdAt + 9, notifiedAt: e.createdAt + 7 });
    expect(await store.getEscalation(e.id)).toMatchObject({ asker: 'U1', topic: 'api' });
    expect(await store.listEscalations('open')).toEqual([]);
    expect(await store.listEscalations()).toHaveLength(1);
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
    expect(await store.threadKind('C1', '9.9')).toBeUndefined();
  });

  test('turns come back oldest first, the most recent N', async () => {
    for (let i = 0; i < 5; i++) await store.addTurn('dm:D1', { role: i % 2 ? 'assistant' : 'user', text: `t${i}`, at: i });
    expect(await store.recentTurns('dm:D1', 3)).toEqual([{ role: 'user', text: 't2', at: 2 }, { role: 'assistant', text: 't3', at: 3 }, { role: 'user', text: 't4', at: 4 }]);
  });

  test('feedback is recorded once per user and kind', async () => {
    await store.recordFeedback(1, 'U1', 'helpful');
    await store.recordFeedback(1, 'U1', 'helpful');
    await store.recordFeedback(1, 'U2', 'not_helpful');
    expect(await store.feedbackFor(1)).toEqual([{ user: 'U1', kind: 'helpful' }, { user: 'U2', kind: 'not_helpful' }]);
  });

  test('two replicas receiving the same Slack retry at once accept it once, and never share a rotation cursor', async () => {
    const replica = await open();
    const results = await Promise.all([store, replica, store, replica].map((s) => s.acceptQuestion(question({ eventId: 'EvR' }))));
    expect(results.filter(Boolean)).toHaveLength(1);
    const cursors = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? store : replica).nextRotation('api')));
    expect([...cursors].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

if (server) {
  test('replicas starting together on an empty PostgreSQL database migrate once', async () => {
    const db = await freshDatabase(server);
    try {
      const stores = await Promise.all([PostgresStore.open(db.url), PostgresStore.open(db.url), PostgresStore.open(db.url)]);
      expect(await stores[0].acceptQuestion(question())).toBeDefined();
      for (const s of stores) await s.close();
    } finally {
      await db.drop();
    }
  });

  test('createStore picks PostgreSQL when databaseUrl is set, SQLite otherwise', async () => {
    const db = await freshDatabase(server);
    const pgStore = await createStore({ databaseUrl: db.url, dataDir: '/nonexistent/never-used' });
    const sqlite = await createStore({ databaseUrl: undefined, dataDir: tmpDir() });
    try {
      expect(pgStore).toBeInstanceOf(PostgresStore);
      expect(sqlite).toBeInstanceOf(SqliteStore);
    } finally {
      await pgStore.close();
      await sqlite.close();
      await db.drop();
    }
  });
}

test('an unreachable DATABASE_URL is a StoreFailed error naming DATABASE_URL', async () => {
  await expect(PostgresStore.open('postgres://nobody@127.0.0.1:1/none')).rejects.toMatchObject({ code: 'store_failed', userMessage: expect.stringMatching(/DATABASE_URL/) });
});
