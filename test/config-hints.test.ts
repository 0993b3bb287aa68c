import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { closestKey } from '../src/config-hints';
import { tmpDir } from './support/tmp';

function loadYaml(yaml: string) {
  const dir = tmpDir('deskmate-config-');
  fs.writeFileSync(path.join(dir, 'deskmate.config.yaml'), yaml);
  try {
    return loadConfig({ env: {}, cwd: dir });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('config key typos', () => {
  it.each([
    ['reprot:\n  cron: "0 9 * * 1"\n', /"reprot" is not a setting: did you mean "report"\?/],
    ['report:\n  timeZone: UTC\n', /"report\.timeZone" is not a setting: did you mean "report\.timezone"\?/],
    ['retrieval:\n  min_confidence: 0.4\n', /"retrieval\.min_confidence" is not a setting: did you mean "retrieval\.minConfidence"\?/],
    ['slack:\n  bot_token: x\n', /did you mean "slack\.botToken"\?/],
  ])('%j names the key it probably meant', (yaml, message) => {
    expect(() => loadYaml(yaml)).toThrow(message);
  });

  it('lists the known keys and guesses nothing for a key unlike any', () => {
    expect(() => loadYaml('report:\n  zzzzzzzz: 1\n')).toThrow(/"report\.zzzzzzzz" is not a setting \(known under report: cron, timezone/);
    expect(closestKey('zzzzzzzz', ['cron', 'timezone'])).toBeUndefined();
  });
});

describe('schedules are checked when the config loads', () => {
  it('rejects report.cron "every monday" with a message showing the cron form', () => {
    expect(() => loadYaml('report:\n  cron: every monday\n')).toThrow(/report\.cron: "every monday" is not a cron expression[\s\S]*"0 9 \* \* 1" for Mondays/);
  });

  it('rejects an out-of-range field and a bad retention cron, and accepts real expressions', () => {
    expect(() => loadYaml('report:\n  cron: "61 9 * * 1"\n')).toThrow(/minute/);
    expect(() => loadYaml('retention:\n  cron: daily\n')).toThrow(/retention\.cron/);
    expect(loadYaml('report:\n  cron: "30 8 * * MON"\n').report.cron).toBe('30 8 * * MON');
    expect(loadYaml('').report.cron).toBe('0 9 * * 1');
  });

  it('rejects an unknown time zone', () => {
    expect(() => loadYaml('report:\n  timezone: Mars/Olympus\n')).toThrow(/report\.timezone: "Mars\/Olympus" is not a time zone/);
  });
});
