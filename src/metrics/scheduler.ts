import { Cron } from 'croner';
import { DeskmateError, ErrorCode } from '../errors.js';
import { childLogger } from '../log.js';

/**
 * The weekly report's clock: a croner job in the team's timezone, so "Monday 09:00" stays 09:00
 * local across DST changes. `protect` stops a slow run from overlapping the next one.
 */

const log = childLogger('metrics.scheduler');

function cronFor(pattern: string, timezone: string, fn?: () => Promise<unknown>): Cron {
  try {
    // croner only notices a bad timezone when it computes a date; check it up front.
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return fn
      ? new Cron(pattern, { timezone, protect: true, catch: (err) => log.error({ err }, 'weekly report run failed') }, async () => {
          await fn();
        })
      : new Cron(pattern, { timezone, paused: true });
  } catch (err) {
    throw new DeskmateError(ErrorCode.ConfigInvalid, `report.cron "${pattern}" with report.timezone "${timezone}" is not usable: ${(err as Error).message}. Use a 5-field cron such as "0 9 * * 1" and an IANA timezone.`, { cause: err });
  }
}

/** The next `count` run instants after `from`, without starting anything. */
export function nextRunTimes(pattern: string, timezone: string, from: Date, count = 1): Date[] {
  const job = cronFor(pattern, timezone);
  try {
    const runs: Date[] = [];
    let cursor: Date | null = from;
    while (runs.length < count && cursor) {
      cursor = job.nextRun(cursor);
      if (cursor) runs.push(cursor);
    }
    return runs;
  } finally {
    job.stop();
  }
}

export interface ScheduledReport {
  nextRun(): Date | null;
  stop(): void;
}

export function scheduleWeeklyReport(pattern: string, timezone: string, run: () => Promise<unknown>): ScheduledReport {
  const job = cronFor(pattern, timezone, run);
  log.info({ cron: pattern, timezone, next: job.nextRun()?.toISOString() }, 'weekly report scheduled');
  return { nextRun: () => job.nextRun(), stop: () => job.stop() };
}
