import { Cron } from 'croner';
import type { Config } from '../config.js';
import { DeskmateError, ErrorCode } from '../errors.js';
import { childLogger } from '../log.js';
import { retentionCutoff, type PurgeCounts } from './retention.js';
import type { DeskmateStore } from './types.js';

const log = childLogger('store.retention');

export interface RetentionSchedule {
  /** Purges now (also run once at start); resolves with what went. */
  runNow(): Promise<PurgeCounts>;
  nextRun(): Date | null;
  stop(): void;
}

/**
 * Purges data older than `retention.days` on `retention.cron` (UTC). A run that fails is logged and
 * tried again at the next tick; `protect` keeps two runs from overlapping.
 */
export function scheduleRetention(store: DeskmateStore, retention: Config['retention'], now: () => Date = () => new Date()): RetentionSchedule {
  const runNow = async () => {
    const counts = await store.purgeOlderThan(retentionCutoff(now(), retention.days));
    log.info({ days: retention.days, ...counts }, 'retention purge done');
    return counts;
  };
  let job: Cron;
  try {
    job = new Cron(retention.cron, { timezone: 'UTC', protect: true, catch: (err) => log.error({ err: (err as Error).message }, 'retention purge failed; will retry at the next run') }, async () => {
      await runNow();
    });
  } catch (err) {
    throw new DeskmateError(ErrorCode.ConfigInvalid, `retention.cron "${retention.cron}" is not usable: ${(err as Error).message}. Use a 5-field cron such as "17 3 * * *".`, { cause: err });
  }
  return { runNow, nextRun: () => job.nextRun(), stop: () => job.stop() };
}
