import { mentionEvent } from '../support/signed';
import { CHANNEL, JUNIOR, useSlackHarness } from '../slack/harness';

const fx = useSlackHarness();

async function askAndCount(text: string): Promise<number> {
  const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text });
  const res = await fx.h.sendEvent(event);
  expect(res.status).toBe(200);
  await fx.h.deskmate.idle();
  return fx.fake.threadPosts(CHANNEL, String(event.ts)).length;
}

test('app_uninstalled: stored data is deleted and nothing more is answered', async () => {
  expect(await askAndCount('Why did we choose cursor pagination?')).toBeGreaterThan(0);
  expect(await fx.h.store.listEscalations()).toHaveLength(1);
  const res = await fx.h.sendEvent({ type: 'app_uninstalled' });
  expect(res.status).toBe(200);
  // The front acks before Bolt runs: the forgetting happens right after the 200.
  await fx.h.deskmate.idle();
  expect(await fx.h.store.recentQuestions(JUNIOR, 10)).toEqual([]);
  expect(await fx.h.store.listEscalations()).toEqual([]);
  const before = fx.fake.calls.length;
  expect(await askAndCount('How do I list shipments?')).toBe(0);
  const command = await fx.h.command({ text: 'help', user: JUNIOR, channel: CHANNEL });
  expect(command.status).toBe(200);
  expect(command.body).not.toMatch(/Deskmate commands/);
  expect(fx.fake.calls.length).toBe(before);
  expect(await fx.h.store.recentQuestions(JUNIOR, 10)).toEqual([]);
});

test('tokens_revoked for user tokens only leaves the bot working; for the bot token it stops and forgets', async () => {
  await fx.h.sendEvent({ type: 'tokens_revoked', tokens: { oauth: ['UJUNIOR'] } });
  await fx.h.deskmate.idle();
  expect(await askAndCount('How do I list shipments?')).toBe(1);
  await fx.h.sendEvent({ type: 'tokens_revoked', tokens: { bot: ['UDESKBOT'] } });
  await fx.h.deskmate.idle();
  expect(await fx.h.store.recentQuestions(JUNIOR, 10)).toEqual([]);
  expect(await askAndCount('What is the rate limit?')).toBe(0);
});
