import fs from 'node:fs';
import path from 'node:path';

/** A payload from test/fixtures/slack (copied from Slack's SDK test suites), deep-copied so a test may adapt ids. */
export function slackFixture<T = Record<string, any>>(name: string): T {
  const raw = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'slack', `${name}.json`), 'utf8')) as Record<string, unknown>;
  delete raw._source;
  delete raw._license;
  return raw as T;
}
