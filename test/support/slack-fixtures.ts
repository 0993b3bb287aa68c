import fs from 'node:fs';
import path from 'node:path';

/**
 * A payload from test/fixtures/slack (copied from Slack's SDK test suites), deep-copied so a test
 * may adapt ids. The fixtures' workspace and app (T111, A111) become the test installation's
 * (T0001, A0001: what the fake's auth.test says), or the app would rightly drop them as foreign.
 */
export function slackFixture<T = Record<string, any>>(name: string): T {
  const text = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'slack', `${name}.json`), 'utf8').replace(/"T111"/g, '"T0001"').replace(/"A111"/g, '"A0001"');
  const raw = JSON.parse(text) as Record<string, unknown>;
  delete raw._source;
  delete raw._license;
  return raw as T;
}
