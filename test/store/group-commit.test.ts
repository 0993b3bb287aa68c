import { GroupCommit } from '../../src/store/group-commit';
import { SqliteStore } from '../../src/store/sqlite';
import { tmpDir } from '../support/tmp';

test('writes submitted in the same turn run as one batch, each caller gets its own result', async () => {
  const batches: number[][] = [];
  const gc = new GroupCommit<number, number>((xs) => {
    batches.push(xs);
    return xs.map((x) => x * 10);
  });
  const results = await Promise.all([gc.submit(1), gc.submit(2), gc.submit(3)]);
  expect(results).toEqual([10, 20, 30]);
  expect(batches).toEqual([[1, 2, 3]]);
  expect(await gc.submit(4)).toBe(40);
  expect(batches).toEqual([[1, 2, 3], [4]]);
});

test('a failed batch rejects every write in it; the next batch runs normally', async () => {
  let fail = true;
  const gc = new GroupCommit<number, number>((xs) => {
    if (fail) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    return xs;
  });
  const settled = await Promise.allSettled([gc.submit(1), gc.submit(2)]);
  expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
  expect((settled[0] as PromiseRejectedResult).reason.code).toBe('SQLITE_BUSY');
  fail = false;
  expect(await gc.submit(3)).toBe(3);
});

test('SQLite: a burst of questions is stored in one commit, and a retry in the same burst is still a duplicate', async () => {
  const store = SqliteStore.open(tmpDir('deskmate-gc-'));
  try {
    const q = (i: number, eventId = `Ev${i}`) => ({ kind: 'mention' as const, channel: 'C1', user: 'U1', text: `question ${i}`, messageTs: `1.${i}`, threadTs: `1.${i}`, eventId });
    const out = await Promise.all([store.acceptQuestion(q(1)), store.acceptQuestion(q(2)), store.acceptQuestion(q(1)), store.acceptQuestion(q(3))]);
    expect(out.map((o) => o?.text)).toEqual(['question 1', 'question 2', undefined, 'question 3']);
    expect((await store.pendingQuestions()).map((p) => p.eventId)).toEqual(['Ev1', 'Ev2', 'Ev3']);
  } finally {
    await store.close();
  }
});
