import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { childLogger } from '../log.js';

/**
 * Bolt's logger interface over pino. Bolt logs strings; they go out at debug unless they are
 * warnings or errors, so request bodies never reach info-level logs.
 */
export function boltLogger(): BoltLogger {
  const log = childLogger('slack.bolt');
  let level: LogLevel = LogLevel.INFO;
  const text = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : '[object]')).join(' ');
  return {
    debug: (...msg) => log.debug(text(msg)),
    info: (...msg) => log.debug(text(msg)),
    warn: (...msg) => log.warn(text(msg)),
    error: (...msg) => log.error(text(msg)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
