import { FakeSlack } from '../support/fake-slack';
import { mentionEvent } from '../support/signed';
import { buildSampleIndex, CHANNEL, JUNIOR, startHarness, tempDataDir, type Harness } from '../slack/harness';

let indexDir: string;
let fake: FakeSlack;
let h: Harness;

beforeAll(async () => {
  indexDir = await buildSampleIndex();
});
beforeEach(async () => {
  fake = await FakeSlack.start();
  h = await startHarness({ fake, dataDir: tempDataDir(), indexDir });
});
afterEach(async () => {
  await h.stop();
  await fake.close();
});

async function askAndCount(text: string): Promise<number> {
  const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text });
  const res = await h.sendEvent(event);
  expect(res.status).toBe(200);
  await h.deskmate.idle();
  return fake.threadPosts(CHANNEL, String(event.ts)).length;
}

test('app_uninstalled: stored data is deleted and nothing more is answered', async () => {
  expect(await askAndCount('Why did we choose cursor pagination?')).toBeGreaterThan(0);
  expect(await h.store.listEscalations()).toHaveLength(1);
  const res = await h.sendEvent({ type: 'app_uninstalled' });
  expect(res.status).toBe(200);
  expect(await h.store.recentQuestions(JUNIOR, 10)).toEqual([]);
  expect(await h.store.listEscalations()).toEqual([]);
  const before = fake.calls.length;
  expect(await askAndCount('How do I list shipments?')).toBe(0);
  const command = await h.command({ text: 'help', user: JUNIOR, channel: CHANNEL });
  expect(command.status).toBe(200);
  expect(command.body).not.toMatch(/Deskmate commands/);
  expect(fake.calls.length).toBe(before);
  expect(await h.store.recentQuestions(JUNIOR, 10)).toEqual([]);
});

test('tokens_revoked for user tokens only leaves the bot working; for the bot token it stops and forgets', async () => {
  await h.sendEvent({ type: 'tokens_revoked', tokens: { oauth: ['UJUNIOR'] } });
  expect(await askAndCount('How do I list shipments?')).toBe(1);
  await h.sendEvent({ type: 'tokens_revoked', tokens: { bot: ['UDESKBOT'] } });
  expect(await h.store.recentQuestions(JUNIOR, 10)).toEqual([]);
  expect(await askAndCount('What is the rate limit?')).toBe(0);
});
