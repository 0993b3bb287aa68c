import { mentionEvent, postSigned, eventEnvelope, signature } from '../support/signed';
import { CHANNEL, JUNIOR, renderedText, SECRET, useSlackHarness } from './harness';

const fx = useSlackHarness();

function updatesIn(channel: string) {
  return fx.fake.callsTo('chat.update').filter((c) => c.args.channel === channel);
}

describe('app_mention over signed HTTP', () => {
  test('a mention gets a threaded answer with numbered sources and the three buttons', async () => {
    const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'How do I list shipments?' });
    const res = await fx.h.sendEvent(event);
    expect(res.status).toBe(200);
    await fx.h.deskmate.idle();
    const placeholder = fx.fake.threadPosts(CHANNEL, String(event.ts));
    expect(placeholder).toHaveLength(1);
    const update = await fx.fake.waitFor(() => updatesIn(CHANNEL)[0]);
    const text = renderedText(update.args);
    expect(text).toMatch(/GET \/shipments/);
    expect(text).toMatch(/\[1\] openapi\.yaml#/);
    const blocks = update.args.blocks as Array<{ type: string; elements?: Array<{ action_id?: string }> }>;
    const actions = blocks.find((b) => b.type === 'actions')!;
    expect(actions.elements!.map((e) => e.action_id)).toEqual(['answer_helpful', 'answer_not_helpful', 'answer_ask_senior']);
    expect(blocks.some((b) => b.type === 'context')).toBe(true);
  });

  test('a mention inside a thread replies in that thread', async () => {
    const parent = fx.fake.seedMessage(CHANNEL, { user: JUNIOR, text: 'we are integrating Parcelbird' });
    await fx.h.sendEvent(mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'What is the rate limit?', thread_ts: parent }));
    await fx.h.deskmate.idle();
    expect(fx.fake.threadPosts(CHANNEL, parent)).toHaveLength(1);
  });

  test('the same event delivered three times (Slack retries) is answered once', async () => {
    const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'How do I verify webhook signatures?' });
    const first = await fx.h.sendEvent(event, { eventId: 'EvDUP1' });
    const second = await fx.h.sendEvent(event, { eventId: 'EvDUP1', retryNum: 1 });
    const third = await fx.h.sendEvent(event, { eventId: 'EvDUP1', retryNum: 2 });
    expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
    await fx.h.deskmate.idle();
    expect(fx.fake.threadPosts(CHANNEL, String(event.ts))).toHaveLength(1);
    expect(updatesIn(CHANNEL)).toHaveLength(1);
  });

  test('a forged signature gets 401 and nothing is posted', async () => {
    const { raw } = eventEnvelope(mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'How do I list shipments?' }));
    const res = await postSigned(fx.h.url, raw, { secret: SECRET, signWith: 'not-the-secret' });
    expect(res.status).toBe(401);
    await fx.h.deskmate.idle();
    expect(fx.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  test('a stale timestamp (replay older than five minutes) gets 401', async () => {
    const { raw } = eventEnvelope(mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'How do I list shipments?' }));
    const res = await postSigned(fx.h.url, raw, { secret: SECRET, timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(res.status).toBe(401);
  });

  test('a malformed body with a valid signature is a 4xx, and the app keeps serving', async () => {
    const raw = '{"type": "event_callback", ';
    const ts = Math.floor(Date.now() / 1000);
    const res = await fetch(fx.h.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature(SECRET, ts, raw) }, body: raw });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const health = await fetch(fx.h.url.replace('/slack/events', '/healthz'));
    expect(health.status).toBe(200);
  });

  test('an empty mention gets a short usage hint, not an answer', async () => {
    const event = { ...mentionEvent({ channel: CHANNEL, user: JUNIOR, text: '' }) };
    await fx.h.sendEvent(event);
    const hint = await fx.fake.waitFor(() => fx.fake.threadPosts(CHANNEL, String(event.ts))[0]);
    expect(String(hint.args.text)).toMatch(/Ask me a what\/how question/);
    await fx.h.deskmate.idle();
    expect(fx.fake.callsTo('chat.update')).toHaveLength(0);
  });

  test('a 40,000-character mention is acked, answered within Slack limits and says it was cut', async () => {
    const long = `How do I list shipments? ${'Some pasted log line with details. '.repeat(1200)}`.slice(0, 40_000);
    const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: long });
    const res = await fx.h.sendEvent(event);
    expect(res.status).toBe(200);
    await fx.h.deskmate.idle();
    const update = await fx.fake.waitFor(() => updatesIn(CHANNEL)[0]);
    const blocks = update.args.blocks as Array<{ type: string; text?: { text: string } }>;
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const b of blocks) if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
    expect(renderedText(update.args)).toMatch(/message was long/);
  });

  test('bot messages and edits are ignored', async () => {
    await fx.h.sendEvent({ ...mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'How do I list shipments?' }), bot_id: 'BOTHER' });
    await fx.h.sendEvent({ type: 'message', subtype: 'message_changed', channel: CHANNEL, channel_type: 'channel', ts: '1800000999.000001', message: { text: 'edited' } });
    await fx.h.deskmate.idle();
    expect(fx.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  test('when Slack rejects the placeholder the error is logged and the next question still works', async () => {
    fx.fake.failNext('chat.postMessage', 'ratelimited');
    await fx.h.sendEvent(mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'How do I list shipments?' }));
    await fx.h.deskmate.idle();
    const ok = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'What is the rate limit?' });
    await fx.h.sendEvent(ok);
    await fx.h.deskmate.idle();
    expect(fx.fake.threadPosts(CHANNEL, String(ok.ts)).length).toBeGreaterThanOrEqual(1);
    expect(updatesIn(CHANNEL).length).toBeGreaterThanOrEqual(1);
  });
});
