import { nextRunTimes, scheduleWeeklyReport } from '../../src/metrics/scheduler';
import { DeskmateError } from '../../src/errors';

describe('weekly report schedule in the team timezone', () => {
  test('Monday 09:00 in Berlin stays 09:00 local across the March DST change (08:00Z, then 07:00Z)', () => {
    const runs = nextRunTimes('0 9 * * 1', 'Europe/Berlin', new Date('2026-03-18T00:00:00Z'), 3).map((d) => d.toISOString());
    // DST starts Sunday 29 March 2026 at 02:00 local.
    expect(runs).toEqual(['2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z', '2026-04-06T07:00:00.000Z']);
  });

  test('and back across the October change (07:00Z, then 08:00Z)', () => {
    const runs = nextRunTimes('0 9 * * 1', 'Europe/Berlin', new Date('2026-10-12T00:00:00Z'), 3).map((d) => d.toISOString());
    // DST ends Sunday 25 October 2026: the next Monday 09:00 local is already UTC+1.
    expect(runs).toEqual(['2026-10-12T07:00:00.000Z', '2026-10-19T07:00:00.000Z', '2026-10-26T08:00:00.000Z']);
  });

  test('New York: a run at 09:00 local before and after the US change on 8 March 2026', () => {
    const runs = nextRunTimes('0 9 * * 1', 'America/New_York', new Date('2026-03-01T00:00:00Z'), 2).map((d) => d.toISOString());
    expect(runs).toEqual(['2026-03-02T14:00:00.000Z', '2026-03-09T13:00:00.000Z']);
  });

  test('a bad cron or timezone is a config error naming the setting', () => {
    expect(() => nextRunTimes('every monday', 'UTC', new Date())).toThrow(DeskmateError);
    expect(() => nextRunTimes('0 9 * * 1', 'Mars/Olympus', new Date())).toThrow(/report\.cron/);
  });

  test('a scheduled job really fires, and stops when told', async () => {
    let fired = 0;
    const job = scheduleWeeklyReport('* * * * * *', 'Europe/Berlin', async () => {
      fired++;
    });
    try {
      expect(job.nextRun()).toBeInstanceOf(Date);
      await new Promise((r) => setTimeout(r, 2_200));
      expect(fired).toBeGreaterThanOrEqual(1);
    } finally {
      job.stop();
    }
    const after = fired;
    await new Promise((r) => setTimeout(r, 1_200));
    expect(fired).toBe(after);
    expect(job.nextRun()).toBeNull();
  });
});
