import { envLogFormat, envLogLevel } from '../src/config';
import { prettyLine } from '../src/log';

describe('log level and format', () => {
  it.each([
    [{}, true, 'warn', 'pretty'],
    [{}, false, 'info', 'json'],
    [{ LOG_LEVEL: 'debug' }, true, 'debug', 'pretty'],
    [{ LOG_LEVEL: 'info', LOG_FORMAT: 'json' }, true, 'info', 'json'],
    [{ LOG_FORMAT: 'pretty' }, false, 'info', 'pretty'],
    [{ NODE_ENV: 'test' }, true, 'silent', 'pretty'],
  ])('env %j at a TTY=%s logs at %s as %s', (env, tty, level, format) => {
    expect(envLogLevel(env as NodeJS.ProcessEnv, tty)).toBe(level);
    expect(envLogFormat(env as NodeJS.ProcessEnv, tty)).toBe(format);
  });
});

describe('readable log lines', () => {
  it('prints level, module, message and fields, an error by its message without the stack', () => {
    const json = JSON.stringify({ level: 40, time: 1, app: 'deskmate', module: 'ingest', path: 'a.pdf', err: { type: 'Error', message: 'bad xref', stack: 'Error: bad xref\n    at x' }, msg: 'source skipped' });
    expect(prettyLine(json)).toBe('warn ingest: source skipped (path=a.pdf, err=bad xref)\n');
    expect(prettyLine(json, true)).toContain('at x');
  });

  it('passes a line that is not JSON through unchanged', () => {
    expect(prettyLine('plain\n')).toBe('plain\n');
  });
});
