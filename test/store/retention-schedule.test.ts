import { configSchema } from '../../src/config';
import { scheduleRetention } from '../../src/store/retention-schedule';
import { SqliteStore } from '../../src/store/sqlite';
import { tmpDir } from '../support/tmp';

test('retention defaults to 90 days, purged daily; a run removes only what is older than that', async () => {
  const config = configSchema.parse({});
  expect(config.retention.days).toBe(90);
  const store = SqliteStore.open(tmpDir('deskmate-retention-schedule-'));
  const answered = (await store.acceptQuestion({ kind: 'mention', channel: 'C1', user: 'U1', text: 'q', messageTs: '1.1', eventId: 'Ev1' }))!;
  await store.finishQuestion(answered.id, 'done');
  let now = new Date();
  const schedule = scheduleRetention(store, config.retention, () => now);
  try {
    const next = schedule.nextRun()!;
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
    expect(next.getUTCHours()).toBe(3);
    expect((await schedule.runNow()).questions).toBe(0);
    expect(await store.getQuestion(answered.id)).toBeDefined();
    now = new Date(Date.now() + 91 * 86_400_000);
    expect((await schedule.runNow()).questions).toBe(1);
    expect(await store.getQuestion(answered.id)).toBeUndefined();
  } finally {
    schedule.stop();
    await store.close();
  }
});

test('an unusable retention.cron is a config error naming the setting', () => {
  const store = SqliteStore.open(tmpDir('deskmate-retention-bad-'));
  expect(() => scheduleRetention(store, { days: 30, cron: 'every tuesday' }, () => new Date())).toThrow(/retention\.cron/);
});
