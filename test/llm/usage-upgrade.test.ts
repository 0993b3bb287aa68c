import path from 'node:path';
import { openSqlite } from '../../src/db/sqlite-open';
import { SqliteUsageStore } from '../../src/llm/usage-store';
import { legacySqlite } from '../support/legacy-schema';
import { tmpDir } from '../support/tmp';

test('a usage table made by the previous release (step 1, `user` column) migrates forward and keeps its calls', async () => {
  const dir = tmpDir('deskmate-usage-up-');
  const db = openSqlite(path.join(dir, 'deskmate.sqlite'));
  legacySqlite(db, { usage: 1 });
  db.exec("INSERT INTO llm_usage (at, task, user, model, input_tokens, output_tokens, usd, priced) VALUES (100, 'answer', 'U1', 'm', 10, 2, 0.5, 1), (200, 'answer', 'U1', 'x', 1, 1, 0, 0)");
  db.close();
  const store = SqliteUsageStore.open(dir);
  try {
    expect(await store.userCallsSince('U1', 0)).toBe(2);
    expect(await store.taskSpendSince('answer', 0)).toBe(0.5);
    expect((await store.totals(0, 1000)).map((t) => [t.model, t.calls, t.unpricedCalls])).toEqual([['m', 1, 0], ['x', 1, 1]]);
  } finally {
    await store.close();
  }
});
