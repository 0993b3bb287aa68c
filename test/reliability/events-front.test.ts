import { eventEnvelope, mentionEvent, postSigned, slashCommand } from '../support/signed';
import { SqliteStore } from '../../src/store/sqlite';
import { CHANNEL, JUNIOR, SECRET, useSlackHarness } from '../slack/harness';

/**
 * The thin Events API front (src/slack/events-front.ts): events are verified, stored in the inbox and
 * acked before Bolt runs; what is stored but never handled (a crash after the 200) is handed to Bolt
 * at the next start. Bolt's own path keeps url_verification, ssl_check, commands.
 */
const fx = useSlackHarness();

test('an event stored before a crash (acked, never handled) is answered once after the restart', async () => {
  const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'How do I list shipments?' });
  const { raw, eventId } = eventEnvelope(event, 'EvCrashed1');
  // What the front leaves behind when the process dies between the 200 and the listener (written
  // through a second connection to the same database file; the restart then finds it).
  const store = SqliteStore.open(fx.dataDir);
  expect(await store.receiveEvent(eventId, raw)).toBe(true);
  await store.close();
  const h = await fx.restart();
  await h.deskmate.idle();
  expect(fx.fake.threadPosts(CHANNEL, String(event.ts))).toHaveLength(1);
  expect(await h.store.unsettledEvents(Date.now() + 1)).toEqual([]);
  // Slack's late retry of the same delivery is a duplicate: no second answer.
  expect((await h.sendEvent(event, { eventId, retryNum: 1 })).status).toBe(200);
  await h.deskmate.idle();
  expect(fx.fake.threadPosts(CHANNEL, String(event.ts))).toHaveLength(1);
});

test('a handled event leaves its id in the inbox but not its text', async () => {
  const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'How do I list shipments? marker-7f3a' });
  const res = await fx.h.sendEvent(event, { eventId: 'EvSettled1' });
  expect(res.status).toBe(200);
  await fx.h.deskmate.idle();
  expect(await fx.h.store.unsettledEvents(Date.now() + 1)).toEqual([]);
  expect(await fx.h.store.receiveEvent('EvSettled1', '{}')).toBe(false);
});

test('url_verification gets its challenge back, ssl_check a 200, both on Bolt\'s path', async () => {
  const challenge = await postSigned(fx.h.url, JSON.stringify({ type: 'url_verification', token: 't', challenge: 'c-8842' }), { secret: SECRET });
  expect(challenge.status).toBe(200);
  expect(JSON.parse(challenge.body)).toEqual({ challenge: 'c-8842' });
  const ssl = await fetch(fx.h.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'ssl_check=1&token=t' });
  expect(ssl.status).toBe(200);
});

describe('request timestamps', () => {
  const now = () => Math.floor(Date.now() / 1000);
  test.each([
    ['6 minutes in the future', 6 * 60],
    ['a day in the future', 86_400],
    ['6 minutes old', -6 * 60],
  ])('an event signed %s is refused with 401 and not stored', async (_name, offset) => {
    const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'How do I list shipments?' });
    const { raw } = eventEnvelope(event, `EvSkew${offset}`);
    const res = await postSigned(fx.h.url, raw, { secret: SECRET, timestamp: now() + offset });
    expect(res.status).toBe(401);
    expect(await fx.h.store.receiveEvent(`EvSkew${offset}`, '{}')).toBe(true);
    expect(await fx.h.store.pendingQuestions()).toEqual([]);
  });

  test('a slash command signed 6 minutes in the future is refused with 401', async () => {
    const { raw, contentType } = slashCommand({ text: 'help', user: JUNIOR, channel: CHANNEL });
    const res = await postSigned(fx.h.url, raw, { secret: SECRET, contentType, timestamp: now() + 6 * 60 });
    expect(res.status).toBe(401);
  });

  test('4 minutes of clock skew either way is still accepted', async () => {
    for (const offset of [-240, 240]) {
      const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'How do I list shipments?' });
      const { raw } = eventEnvelope(event, `EvOkSkew${offset}`);
      expect((await postSigned(fx.h.url, raw, { secret: SECRET, timestamp: now() + offset })).status).toBe(200);
    }
  });
});

test('a forged signature on an event is refused with 401 and nothing is stored', async () => {
  const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'How do I list shipments?' });
  const { raw } = eventEnvelope(event, 'EvForged1');
  expect((await postSigned(fx.h.url, raw, { secret: SECRET, signWith: 'not-the-secret' })).status).toBe(401);
  expect(await fx.h.store.receiveEvent('EvForged1', '{}')).toBe(true);
});
