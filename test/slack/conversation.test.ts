import { FakeSlack } from '../support/fake-slack';
import { mentionEvent, messageEvent, nextTs } from '../support/signed';
import { ADMIN, buildSampleIndex, CHANNEL, JUNIOR, PROACTIVE_CHANNEL, renderedText, SENIOR_API, startHarness, tempDataDir, type Harness } from './harness';

let indexDir: string;
let fake: FakeSlack;
let h: Harness;
let reindexCalls = 0;

beforeAll(async () => {
  indexDir = await buildSampleIndex();
});
beforeEach(async () => {
  fake = await FakeSlack.start();
  reindexCalls = 0;
  h = await startHarness({ fake, dataDir: tempDataDir(), indexDir, reindex: async () => void reindexCalls++ });
});
afterEach(async () => {
  await h.stop();
  await fake.close();
});

describe('proactive answers in opted-in channels', () => {
  test("a junior's how-question pinging a senior gets one threaded answer with solved/need-human buttons", async () => {
    const event = messageEvent({ channel: PROACTIVE_CHANNEL, user: JUNIOR, text: `<@${SENIOR_API}> how do I list shipments with the API?` });
    await h.sendEvent(event);
    await h.deskmate.idle();
    const replies = fake.threadPosts(PROACTIVE_CHANNEL, String(event.ts));
    expect(replies).toHaveLength(1);
    const text = renderedText(replies[0].args);
    expect(text).toMatch(/GET \/shipments/);
    expect(text).toContain('proactive_solved');
    expect(text).toContain('proactive_need_human');
  });

  test('at most one unprompted reply per thread', async () => {
    const event = messageEvent({ channel: PROACTIVE_CHANNEL, user: JUNIOR, text: 'How do I list shipments with the API?' });
    await h.sendEvent(event);
    await h.deskmate.idle();
    await h.sendEvent(messageEvent({ channel: PROACTIVE_CHANNEL, user: JUNIOR, text: 'And how do I verify webhook signatures?', thread_ts: String(event.ts) }));
    await h.deskmate.idle();
    expect(fake.threadPosts(PROACTIVE_CHANNEL, String(event.ts))).toHaveLength(1);
  });

  test('chatter, why-questions, seniors and channels not opted in get nothing', async () => {
    await h.sendEvent(messageEvent({ channel: PROACTIVE_CHANNEL, user: JUNIOR, text: 'anyone up for lunch tomorrow?' }));
    await h.sendEvent(messageEvent({ channel: PROACTIVE_CHANNEL, user: JUNIOR, text: 'deploying the label service now' }));
    await h.sendEvent(messageEvent({ channel: PROACTIVE_CHANNEL, user: JUNIOR, text: 'why does the shipments list use cursor pagination?' }));
    await h.sendEvent(messageEvent({ channel: PROACTIVE_CHANNEL, user: SENIOR_API, text: 'How do I list shipments with the API?' }));
    await h.sendEvent(messageEvent({ channel: CHANNEL, user: JUNIOR, text: 'How do I list shipments with the API?' }));
    await h.deskmate.idle();
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  test('"That solved it" is recorded against the question', async () => {
    const event = messageEvent({ channel: PROACTIVE_CHANNEL, user: JUNIOR, text: 'How do I verify webhook signatures?' });
    await h.sendEvent(event);
    await h.deskmate.idle();
    const q = (await h.store.recentQuestions(JUNIOR, 1))[0];
    await h.click({ actionId: 'proactive_solved', value: String(q.id), user: JUNIOR, channel: PROACTIVE_CHANNEL });
    await fake.waitFor(() => fake.callsTo('chat.postEphemeral')[0]);
    expect(await h.store.feedbackFor(q.id)).toEqual([{ user: JUNIOR, kind: 'solved' }]);
  });
});

describe('threads and DMs', () => {
  test('a follow-up in a thread Deskmate answered needs no mention and sees the thread', async () => {
    const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'How do I list shipments?' });
    await h.sendEvent(event);
    await h.deskmate.idle();
    const threadTs = String(event.ts);
    const followTs = fake.seedMessage(CHANNEL, { user: JUNIOR, text: 'and how do I get the next page?', thread_ts: threadTs, ts: nextTs() });
    await h.sendEvent(messageEvent({ channel: CHANNEL, user: JUNIOR, text: 'and how do I get the next page?', thread_ts: threadTs, ts: followTs }));
    await h.deskmate.idle();
    expect(fake.threadPosts(CHANNEL, threadTs)).toHaveLength(2);
    expect(fake.callsTo('conversations.replies').some((c) => c.args.ts === threadTs)).toBe(true);
  });

  test('a DM follow-up is answered with the earlier turns as context', async () => {
    const dm = 'DJUNIOR';
    await h.sendEvent(messageEvent({ channel: dm, channel_type: 'im', user: JUNIOR, text: 'How do I verify webhook signatures?' }));
    await h.deskmate.idle();
    await h.sendEvent(messageEvent({ channel: dm, channel_type: 'im', user: JUNIOR, text: 'which header holds it?' }));
    await h.deskmate.idle();
    const answers = fake.callsTo('chat.update').filter((c) => c.args.channel === dm);
    expect(answers).toHaveLength(2);
    // "which header holds it?" alone says nothing about webhooks; the earlier turn does.
    expect(renderedText(answers[1].args)).toContain("[1] guide/webhooks.md#");
    const turns = await h.store.recentTurns(`dm:${dm}`, 10);
    expect(turns.map((t) => t.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
  });

  test('pending questions accepted before a crash are answered after restart', async () => {
    const dataDir = tempDataDir();
    await h.stop();
    h = await startHarness({ fake, dataDir, indexDir });
    // Simulate a crash after the ack: the question is stored but no worker ran it.
    await h.store.acceptQuestion({ kind: 'mention', channel: CHANNEL, user: JUNIOR, text: 'What is the rate limit?', messageTs: '1800009999.000001', threadTs: '1800009999.000001', eventId: 'EvCRASH' });
    await h.stop();
    h = await startHarness({ fake, dataDir, indexDir });
    await h.deskmate.idle();
    await fake.waitFor(() => fake.callsTo('chat.update').find((c) => c.args.channel === CHANNEL));
    expect(fake.threadPosts(CHANNEL, '1800009999.000001')).toHaveLength(1);
    expect(await h.store.pendingQuestions()).toEqual([]);
  });
});

describe('/deskmate', () => {
  test('help and unknown subcommands answer with usage', async () => {
    const help = await h.command({ text: 'help', user: JUNIOR, channel: CHANNEL });
    expect(help.status).toBe(200);
    expect(JSON.parse(help.body).text).toMatch(/\/deskmate reindex/);
    const unknown = await h.command({ text: 'frobnicate', user: JUNIOR, channel: CHANNEL });
    expect(JSON.parse(unknown.body).text).toMatch(/Unknown command `frobnicate`/);
  });

  test('reindex is for admins only, and runs the injected re-index for an admin', async () => {
    const refused = await h.command({ text: 'reindex', user: JUNIOR, channel: CHANNEL });
    expect(JSON.parse(refused.body).text).toMatch(/Only Deskmate admins/);
    expect(reindexCalls).toBe(0);
    const ok = await h.command({ text: 'reindex', user: ADMIN, channel: CHANNEL });
    expect(JSON.parse(ok.body).text).toMatch(/Re-indexing/);
    const done = await fake.waitFor(() => fake.callsTo('chat.postEphemeral').find((c) => c.args.user === ADMIN));
    expect(String(done.args.text)).toMatch(/Re-index done/);
    expect(reindexCalls).toBe(1);
  });
});

describe('App Home', () => {
  test("opening the Home tab publishes capabilities and the user's recent questions", async () => {
    await h.sendEvent(mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'What is the rate limit?' }));
    await h.deskmate.idle();
    await h.sendEvent({ type: 'app_home_opened', user: JUNIOR, channel: 'DJUNIOR', tab: 'home', ts: nextTs() });
    const publish = await fake.waitFor(() => fake.callsTo('views.publish')[0]);
    expect(publish.args.user_id).toBe(JUNIOR);
    expect(JSON.stringify(publish.args.view)).toMatch(/What is the rate limit\?/);
  });
});
