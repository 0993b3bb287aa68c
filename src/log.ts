import fs from 'node:fs';
import pino from 'pino';
import { envLogFormat, envLogLevel } from './config.js';

/**
 * Logs go to stderr so stdout stays clean for --json output. Token-shaped values are
 * redacted by key as a second line of defence; code must still never log them.
 * Not a TTY: JSON lines (for collectors). At a terminal: quiet by default (warn) and one
 * readable line per event, e.g. `warn ingest: source skipped: cannot be parsed (path=a.pdf)`.
 */
const level = envLogLevel();
const format = envLogFormat();

const LEVELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
const OMIT = new Set(['level', 'time', 'pid', 'hostname', 'app', 'module', 'msg']);

/** One JSON log line → `level module: msg (k=v …)`; an error shows its message, its stack only at debug. */
export function prettyLine(json: string, showStacks = false): string {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const fields = Object.entries(o)
    .filter(([k]) => !OMIT.has(k))
    .map(([k, v]) => {
      if (v && typeof v === 'object' && 'message' in v) return `${k}=${String((v as { message: unknown }).message)}${showStacks && 'stack' in v ? `\n${String((v as { stack: unknown }).stack)}` : ''}`;
      return `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`;
    });
  const head = `${LEVELS[Number(o.level)] ?? 'log'}${o.module ? ` ${String(o.module)}` : ''}: ${String(o.msg ?? '')}`;
  return `${head}${fields.length ? ` (${fields.join(', ')})` : ''}\n`;
}

const destination =
  format === 'json'
    ? pino.destination({ fd: 2, sync: true })
    : { write: (line: string) => fs.writeSync(2, prettyLine(line, level === 'debug' || level === 'trace')) };

export const rootLogger = pino(
  {
    level,
    base: { app: 'deskmate' },
    redact: {
      paths: ['token', 'botToken', 'appToken', 'signingSecret', 'apiKey', '*.token', '*.apiKey', '*.botToken', '*.signingSecret', 'headers.authorization'],
      censor: '[REDACTED]',
    },
  },
  destination,
);

export type Logger = pino.Logger;

export function childLogger(module: string, bindings: Record<string, unknown> = {}): Logger {
  return rootLogger.child({ module, ...bindings });
}
