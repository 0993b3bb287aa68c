import pino from 'pino';
import { envLogLevel } from './config.js';

/**
 * Logs go to stderr so stdout stays clean for --json output. Token-shaped values are
 * redacted by key as a second line of defence; code must still never log them.
 */
const level = envLogLevel();

export const rootLogger = pino(
  {
    level,
    base: { app: 'deskmate' },
    redact: {
      paths: ['token', 'botToken', 'appToken', 'signingSecret', 'apiKey', '*.token', '*.apiKey', '*.botToken', '*.signingSecret', 'headers.authorization'],
      censor: '[REDACTED]',
    },
  },
  pino.destination({ fd: 2, sync: true }),
);

export type Logger = pino.Logger;

export function childLogger(module: string, bindings: Record<string, unknown> = {}): Logger {
  return rootLogger.child({ module, ...bindings });
}
