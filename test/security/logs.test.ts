/**
 * Secrets never reach the logs: run the real app at debug level over signed HTTP, with an LLM
 * configured, capture everything pino writes to stderr, and look for every credential used.
 */
import fs from 'node:fs';

process.env.LOG_LEVEL = 'debug';

const captured: string[] = [];
const realWriteSync = fs.writeSync;
jest.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: unknown, ...rest: unknown[]) => {
  if (fd === 2) {
    const text = Buffer.isBuffer(data) ? data.toString('utf8') : String(data);
    captured.push(text);
    return Buffer.byteLength(text);
  }
  return (realWriteSync as (...args: unknown[]) => number)(fd, data, ...rest);
}) as typeof fs.writeSync);

// Required after LOG_LEVEL is set, so the loggers these modules create are at debug level.
/* eslint-disable @typescript-eslint/no-require-imports */
const { FakeSlack } = require('../support/fake-slack') as typeof import('../support/fake-slack');
const { startFakeOpenAI } = require('../support/fake-openai') as typeof import('../support/fake-openai');
const { buildSampleIndex, startHarness, tempDataDir, CHANNEL, JUNIOR, SECRET } = require('../slack/harness') as typeof import('../slack/harness');
const { mentionEvent } = require('../support/signed') as typeof import('../support/signed');

const OPENAI_KEY = 'sk-proj-LOGLEAKCHECK9f8e7d6c5b4a3210';

afterAll(() => jest.restoreAllMocks());

test('debug logs of a full mention → answer → escalation flow contain no token, secret or key', async () => {
  const fake = await FakeSlack.start();
  const llm = await startFakeOpenAI();
  llm.setChat({ kind: 'reply', content: 'Use GET /shipments [1].' });
  const indexDir = await buildSampleIndex();
  const h = await startHarness({ fake, dataDir: tempDataDir(), indexDir, configExtra: { openai: { apiKey: OPENAI_KEY, baseUrl: llm.baseUrl } } });
  try {
    const answered = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'How do I list shipments?' });
    await h.sendEvent(answered);
    const escalated = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'Why did we choose cursor pagination?' });
    await h.sendEvent(escalated);
    await h.deskmate.idle();
    await fake.waitFor(() => fake.callsTo('chat.update').length >= 1 || undefined);
  } finally {
    await h.stop();
    await fake.close();
    await llm.close();
  }
  const logs = captured.join('');
  expect(logs.length).toBeGreaterThan(200); // the app really logged at debug level
  for (const secret of [h.config.slack.botToken!, SECRET, OPENAI_KEY]) {
    expect({ secret, inLogs: logs.includes(secret) }).toEqual({ secret, inLogs: false });
  }
});
