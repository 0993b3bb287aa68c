import { mentionEvent, messageEvent, nextTs } from '../support/signed';
import { ADMIN, CHANNEL, JUNIOR, PROACTIVE_CHANNEL, renderedText, SENIOR_API, tempDataDir, useSlackHarness } from './harness';

let reindexCalls = 0;
const fx = useSlackHarness({ reindex: async () => void reindexCalls++ });
beforeEach(() => {
  reindexCalls = 0;
});

describe('proactive answers in opted-in channels', () => {
  test("a junior's how-question pinging a senior gets one threaded answer with solved/need-human buttons", async () => {
    const event = messageEvent({ channel: PROACTIVE_CHANNEL, user: JUNIOR, text: `<@${SENIOR_API}> how do I list shipments with the API?` });
    await fx.h.sendEvent(event);
    await fx.h.deskmate.idle();
    const replies = fx.fake.threadPosts(PROACTIVE_CHANNEL, String(event.ts));
    expect(replies).toHaveLength(1);
    const text = renderedText(replies[0].args);
    expect(text).toMatch(/GET \/shipments/);
    expect(text).toContain('proactive_solved');
    expect(text).toContain('proactive_need_human');
  });

  test('at most one unprompted reply per thread', async () => {
    const event = messageEvent({ channel: PROACTIVE_CHANNEL, user: JUNIOR, text: 'How do I list shipments with the API?' });
    await fx.h.sendEvent(event);
    await fx.h.deskmate.idle();
    await fx.h.sendEvent(messageEvent({ channel: PROACTIVE_CHANNEL, user: JUNIOR, text: 'And how do I verify webhook signatures?', thread_ts: String(event.ts) }));
    await fx.h.deskmate.idle();
    expect(fx.fake.threadPosts(PROACTIVE_CHANNEL, String(event.ts))).toHaveLength(1);
  });

  test('chatter, why-questions, seniors and channels not opted in get nothing', async () => {
    await fx.h.sendEvent(messageEvent({ channel: PROACTIVE_CHANNEL, user: JUNIOR, text: 'anyone up for lunch tomorrow?' }));
    await fx.h.sendEvent(messageEvent({ channel: PROACTIVE_CHANNEL, user: JUNIOR, text: 'deploying the label service now' }));
    await fx.h.sendEvent(messageEvent({ channel: PROACTIVE_CHANNEL, user: JUNIOR, text: 'why does the shipments list use cursor pagination?' }));
    await fx.h.sendEvent(messageEvent({ channel: PROACTIVE_CHANNEL, user: SENIOR_API, text: 'How do I list shipments with the API?' }));
    await fx.h.sendEvent(messageEvent({ channel: CHANNEL, user: JUNIOR, text: 'How do I list shipments with the API?' }));
    await fx.h.deskmate.idle();
    expect(fx.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  test('"That solved it" is recorded against the question', async () => {
    const event = messageEvent({ channel: PROACTIVE_CHANNEL, user: JUNIOR, text: 'How do I verify webhook signatures?' });
    await fx.h.sendEvent(event);
    await fx.h.deskmate.idle();
    const q = (await fx.h.store.recentQuestions(JUNIOR, 1))[0];
    await fx.h.click({ actionId: 'proactive_solved', value: String(q.id), user: JUNIOR, channel: PROACTIVE_CHANNEL });
    await fx.fake.waitFor(() => fx.fake.privateReplies(JUNIOR)[0]);
    expect(await fx.h.store.feedbackFor(q.id)).toEqual([{ user: JUNIOR, kind: 'solved' }]);
  });
});

describe('threads and DMs', () => {
  test('a follow-up in a thread Deskmate answered needs no mention and sees the thread', async () => {
    const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'How do I list shipments?' });
    await fx.h.sendEvent(event);
    await fx.h.deskmate.idle();
    const threadTs = String(event.ts);
    const followTs = fx.fake.seedMessage(CHANNEL, { user: JUNIOR, text: 'and how do I get the next page?', thread_ts: threadTs, ts: nextTs() });
    await fx.h.sendEvent(messageEvent({ channel: CHANNEL, user: JUNIOR, text: 'and how do I get the next page?', thread_ts: threadTs, ts: followTs }));
    await fx.h.deskmate.idle();
    expect(fx.fake.threadPosts(CHANNEL, threadTs)).toHaveLength(2);
    expect(fx.fake.callsTo('conversations.replies').some((c) => c.args.ts === threadTs)).toBe(true);
  });

  test('thanks in a thread Deskmate answered gets no new answer; the next real question does', async () => {
    const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'How do I list shipments?' });
    await fx.h.sendEvent(event);
    await fx.h.deskmate.idle();
    const threadTs = String(event.ts);
    for (const text of ['thanks, that worked!', 'ok got it', 'and how do I get the next page?']) {
      const ts = fx.fake.seedMessage(CHANNEL, { user: JUNIOR, text, thread_ts: threadTs, ts: nextTs() });
      await fx.h.sendEvent(messageEvent({ channel: CHANNEL, user: JUNIOR, text, thread_ts: threadTs, ts }));
    }
    await fx.h.deskmate.idle();
    // The mention's answer and the follow-up question's answer: nothing for the two acknowledgements.
    expect(fx.fake.threadPosts(CHANNEL, threadTs)).toHaveLength(2);
  });

  test('a DM follow-up is answered with the earlier turns as context', async () => {
    const dm = 'DJUNIOR';
    await fx.h.sendEvent(messageEvent({ channel: dm, channel_type: 'im', user: JUNIOR, text: 'How do I verify webhook signatures?' }));
    await fx.h.deskmate.idle();
    await fx.h.sendEvent(messageEvent({ channel: dm, channel_type: 'im', user: JUNIOR, text: 'which header holds it?' }));
    await fx.h.deskmate.idle();
    const answers = fx.fake.callsTo('chat.update').filter((c) => c.args.channel === dm);
    expect(answers).toHaveLength(2);
    // "which header holds it?" alone says nothing about webhooks; the earlier turn does.
    expect(renderedText(answers[1].args)).toContain("[1] guide/webhooks.md#");
    const turns = await fx.h.store.recentTurns(`dm:${dm}`, 10);
    expect(turns.map((t) => t.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
  });

  test('pending questions accepted before a crash are answered after restart', async () => {
    await fx.restart({ dataDir: tempDataDir() });
    // Simulate a crash after the ack: the question is stored but no worker ran it.
    await fx.h.store.acceptQuestion({ kind: 'mention', channel: CHANNEL, user: JUNIOR, text: 'What is the rate limit?', messageTs: '1800009999.000001', threadTs: '1800009999.000001', eventId: 'EvCRASH' });
    await fx.restart();
    await fx.h.deskmate.idle();
    await fx.fake.waitFor(() => fx.fake.callsTo('chat.update').find((c) => c.args.channel === CHANNEL));
    expect(fx.fake.threadPosts(CHANNEL, '1800009999.000001')).toHaveLength(1);
    expect(await fx.h.store.pendingQuestions()).toEqual([]);
  });
});

describe('/deskmate', () => {
  test('help and unknown subcommands answer with usage', async () => {
    const help = await fx.h.command({ text: 'help', user: JUNIOR, channel: CHANNEL });
    expect(help.status).toBe(200);
    expect(JSON.parse(help.body).text).toMatch(/\/deskmate reindex/);
    const unknown = await fx.h.command({ text: 'frobnicate', user: JUNIOR, channel: CHANNEL });
    expect(JSON.parse(unknown.body).text).toMatch(/Unknown command `frobnicate`/);
  });

  test('reindex is for admins only, and runs the injected re-index for an admin', async () => {
    const refused = await fx.h.command({ text: 'reindex', user: JUNIOR, channel: CHANNEL });
    expect(JSON.parse(refused.body).text).toMatch(/Only Deskmate admins/);
    expect(reindexCalls).toBe(0);
    const ok = await fx.h.command({ text: 'reindex', user: ADMIN, channel: CHANNEL });
    expect(JSON.parse(ok.body).text).toMatch(/Re-indexing/);
    const done = await fx.fake.waitFor(() => fx.fake.privateReplies(ADMIN)[0]);
    expect(String(done.args.text)).toMatch(/Re-index done/);
    expect(reindexCalls).toBe(1);
  });
});

describe('App Home', () => {
  test("opening the Home tab publishes capabilities and the user's recent questions", async () => {
    await fx.h.sendEvent(mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'What is the rate limit?' }));
    await fx.h.deskmate.idle();
    await fx.h.sendEvent({ type: 'app_home_opened', user: JUNIOR, channel: 'DJUNIOR', tab: 'home', ts: nextTs() });
    const publish = await fx.fake.waitFor(() => fx.fake.callsTo('views.publish')[0]);
    expect(publish.args.user_id).toBe(JUNIOR);
    expect(JSON.stringify(publish.args.view)).toMatch(/What is the rate limit\?/);
  });
});
