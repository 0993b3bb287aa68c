import { SqliteStore } from '../../src/store/sqlite';
import { PostgresStore } from '../../src/store/postgres';
import { retentionCutoff } from '../../src/store/retention';
import type { DeskmateStore } from '../../src/store/types';
import { freshDatabase, testDatabaseUrl } from '../support/postgres';
import { tmpDir } from '../support/tmp';

/** Retention purge and forgetting a workspace, on every store implementation. */
const backends: Array<{ name: string; open(): Promise<{ store: DeskmateStore; cleanup(): Promise<void> }> }> = [
  { name: 'sqlite', open: async () => ({ store: SqliteStore.open(tmpDir('deskmate-retention-')), cleanup: async () => undefined }) },
];
const server = testDatabaseUrl();
if (server) backends.push({ name: 'postgres', open: async () => { const db = await freshDatabase(server); return { store: await PostgresStore.open(db.url), cleanup: db.drop }; } });
else process.stderr.write('!!! retention suite: PostgreSQL SKIPPED (no TEST_DATABASE_URL) !!!\n');

const question = (n: number) => ({ kind: 'mention' as const, channel: 'C1', user: 'U1', text: `question ${n}`, messageTs: `1700000000.00000${n}`, threadTs: `1700000000.00000${n}`, eventId: `EvR${n}` });

test('the cutoff is whole days before now', () => {
  expect(retentionCutoff(new Date('2026-03-31T00:00:00Z'), 90)).toBe(Date.parse('2025-12-31T00:00:00Z'));
});

describe.each(backends)('retention on $name', (backend) => {
  let store: DeskmateStore;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await backend.open());
  });
  afterEach(async () => {
    await store.close();
    await cleanup();
  });

  async function seed() {
    const pending = (await store.acceptQuestion(question(1)))!;
    const answered = (await store.acceptQuestion(question(2)))!;
    await store.finishQuestion(answered.id, 'done', '1700000001.000001');
    await store.markEventSeen('EvNoQuestion');
    await store.addTurn('dm:D1', { role: 'user', text: 'secret-ish DM turn', at: Date.now() });
    await store.recordFeedback(answered.id, 'U1', 'helpful');
    await store.markThread('C1', answered.threadTs!, 'answered');
    const open = await store.openEscalation({ channel: 'C1', threadTs: pending.threadTs!, asker: 'U1', question: 'why?', topic: 'default', senior: 'US', reason: 'r' });
    const done = await store.openEscalation({ channel: 'C1', threadTs: answered.threadTs!, asker: 'U1', question: 'why?', topic: 'default', senior: 'US', reason: 'r' });
    await store.saveEscalation({ ...done, state: 'resolved', resolvedBy: 'US' });
    return { pending, answered, open, done };
  }

  test('nothing younger than the cutoff is purged', async () => {
    const { answered } = await seed();
    const counts = await store.purgeOlderThan(Date.now() - 86_400_000);
    expect(counts).toMatchObject({ questions: 0, events: 0, turns: 0, feedback: 0, escalations: 0 });
    expect(await store.getQuestion(answered.id)).toBeDefined();
    expect(await store.recentTurns('dm:D1', 5)).toHaveLength(1);
  });

  test('older rows go; pending questions and open escalations stay', async () => {
    const { pending, answered, open, done } = await seed();
    const counts = await store.purgeOlderThan(Date.now() + 60_000);
    expect(counts).toEqual({ questions: 1, events: 3, turns: 1, feedback: 1, escalations: 1, threads: 1 });
    expect(await store.getQuestion(answered.id)).toBeUndefined();
    expect((await store.pendingQuestions()).map((q) => q.id)).toEqual([pending.id]);
    expect(await store.recentTurns('dm:D1', 5)).toEqual([]);
    expect(await store.feedbackFor(answered.id)).toEqual([]);
    expect(await store.getEscalation(done.id)).toBeUndefined();
    expect((await store.getEscalation(open.id))?.state).toBe('open');
    expect(await store.threadKind('C1', answered.threadTs!)).toBeUndefined();
  });

  test('forgetting the workspace deletes every stored row', async () => {
    const { open } = await seed();
    await store.nextRotation('default');
    await store.forgetWorkspace('T0001');
    expect(await store.pendingQuestions()).toEqual([]);
    expect(await store.recentQuestions('U1', 10)).toEqual([]);
    expect(await store.listEscalations()).toEqual([]);
    expect(await store.getEscalation(open.id)).toBeUndefined();
    expect(await store.recentTurns('dm:D1', 5)).toEqual([]);
    expect(await store.nextRotation('default')).toBe(0);
    // Event ids are forgotten too: the store holds nothing about the workspace any more.
    expect(await store.markEventSeen('EvNoQuestion')).toBe(true);
  });
});
