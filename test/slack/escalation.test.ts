import { mentionEvent, messageEvent } from '../support/signed';
import { CHANNEL, JUNIOR, renderedText, SENIOR_API, SENIOR_DEFAULT, useSlackHarness } from './harness';

const fx = useSlackHarness();

async function escalateWhyQuestion(): Promise<{ threadTs: string; escalationId: number }> {
  const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'Why did we choose cursor pagination instead of offsets?' });
  await fx.h.sendEvent(event);
  await fx.h.deskmate.idle();
  const threadTs = String(event.ts);
  const escalation = await fx.h.store.escalationForThread(CHANNEL, threadTs);
  expect(escalation).toBeDefined();
  return { threadTs, escalationId: escalation!.id };
}

describe('escalation to seniors', () => {
  test('a why-question is escalated in the thread, tagging the senior mapped to its topic, who gets a DM with a link', async () => {
    const { threadTs } = await escalateWhyQuestion();
    const posts = fx.fake.threadPosts(CHANNEL, threadTs).map((c) => renderedText(c.args));
    const notice = posts.find((p) => p.includes(`<@${SENIOR_API}>`));
    expect(notice).toBeDefined();
    expect(notice).toContain(`<@${JUNIOR}>`); // the asker is told who was asked
    expect(notice).toContain('escalation_claim');
    const dm = fx.fake.callsTo('chat.postMessage').find((c) => c.args.channel === SENIOR_API);
    expect(dm).toBeDefined();
    expect(renderedText(dm!.args)).toContain(`https://example.slack.com/archives/${CHANNEL}/p`);
    expect(fx.fake.callsTo('chat.postMessage').some((c) => c.args.channel === SENIOR_DEFAULT)).toBe(false);
  });

  test('a non-senior cannot claim; a senior claims; a senior resolves — each state persisted and shown', async () => {
    const { threadTs, escalationId } = await escalateWhyQuestion();
    const refused = await fx.h.click({ actionId: 'escalation_claim', value: String(escalationId), user: JUNIOR, channel: CHANNEL });
    expect(refused.status).toBe(200);
    const ephemeral = await fx.fake.waitFor(() => fx.fake.privateReplies(JUNIOR)[0]);
    expect(String(ephemeral.args.text)).toMatch(/Only seniors/);
    expect((await fx.h.store.getEscalation(escalationId))!.state).toBe('open');

    await fx.h.click({ actionId: 'escalation_claim', value: String(escalationId), user: SENIOR_API, channel: SENIOR_API });
    await fx.fake.waitFor(() => fx.fake.threadPosts(CHANNEL, threadTs).find((c) => String(c.args.text).includes('is taking this')));
    const claimed = (await fx.h.store.getEscalation(escalationId))!;
    expect(claimed.state).toBe('claimed');
    expect(claimed.claimedBy).toBe(SENIOR_API);
    const noticeUpdate = fx.fake.callsTo('chat.update').find((c) => c.args.ts === claimed.noticeTs);
    expect(renderedText(noticeUpdate!.args)).toContain(`<@${SENIOR_API}> is on it`);

    await fx.h.click({ actionId: 'escalation_resolve', value: String(escalationId), user: SENIOR_API, channel: CHANNEL });
    await fx.fake.waitFor(() => fx.fake.threadPosts(CHANNEL, threadTs).find((c) => String(c.args.text).includes('Marked resolved')));
    expect((await fx.h.store.getEscalation(escalationId))!.state).toBe('resolved');
  });

  test("the claimer's reply in the thread resolves the escalation", async () => {
    const { threadTs, escalationId } = await escalateWhyQuestion();
    await fx.h.click({ actionId: 'escalation_claim', value: String(escalationId), user: SENIOR_API, channel: CHANNEL });
    await fx.fake.waitFor(() => fx.fake.threadPosts(CHANNEL, threadTs).find((c) => String(c.args.text).includes('is taking this')));
    await fx.h.sendEvent(messageEvent({ channel: CHANNEL, user: SENIOR_API, text: 'We picked cursors because offsets skip rows under concurrent writes.', thread_ts: threadTs }));
    await fx.fake.waitFor(() => fx.fake.threadPosts(CHANNEL, threadTs).find((c) => String(c.args.text).includes('Marked resolved')));
    expect((await fx.h.store.getEscalation(escalationId))!.resolvedBy).toBe(SENIOR_API);
  });

  test('an open escalation survives a restart: a new app on the same SQLite file can claim it', async () => {
    const { threadTs, escalationId } = await escalateWhyQuestion();
    await fx.h.stop();
    await fx.restart();
    const reloaded = await fx.h.store.getEscalation(escalationId);
    expect(reloaded).toMatchObject({ state: 'open', senior: SENIOR_API, channel: CHANNEL, threadTs });
    await fx.h.click({ actionId: 'escalation_claim', value: String(escalationId), user: SENIOR_API, channel: CHANNEL });
    await fx.fake.waitFor(() => fx.fake.threadPosts(CHANNEL, threadTs).find((c) => String(c.args.text).includes('is taking this')));
    expect((await fx.h.store.getEscalation(escalationId))!.state).toBe('claimed');
  });

  test('"Ask a senior" on an answered question records the feedback and escalates to the topic senior', async () => {
    const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'How do I list shipments?' });
    await fx.h.sendEvent(event);
    await fx.h.deskmate.idle();
    const question = (await fx.h.store.recentQuestions(JUNIOR, 1))[0];
    expect(await fx.h.store.escalationForThread(CHANNEL, String(event.ts))).toBeUndefined();
    await fx.h.click({ actionId: 'answer_ask_senior', value: String(question.id), user: JUNIOR, channel: CHANNEL });
    await fx.fake.waitFor(() => fx.fake.threadPosts(CHANNEL, String(event.ts)).find((c) => renderedText(c.args).includes(`<@${SENIOR_API}>`)));
    const esc = await fx.h.store.escalationForThread(CHANNEL, String(event.ts));
    expect(esc).toMatchObject({ topic: 'api', state: 'open', asker: JUNIOR });
    expect(await fx.h.store.feedbackFor(question.id)).toEqual([{ user: JUNIOR, kind: 'ask_senior' }]);
  });

  test('a senior in do-not-disturb is tagged but not DMed, and the thread says they will see it later', async () => {
    fx.fake.dndNowFor(SENIOR_API);
    const { threadTs } = await escalateWhyQuestion();
    const notice = fx.fake.threadPosts(CHANNEL, threadTs).map((c) => renderedText(c.args)).find((t) => t.includes(`<@${SENIOR_API}>`));
    expect(notice).toMatch(/do-not-disturb/);
    expect(fx.fake.callsTo('chat.postMessage').some((c) => c.args.channel === SENIOR_API)).toBe(false);
  });

  test("a senior's manual snooze is invisible to the bot (Slack shows snooze_* only to the user's own token): the DM goes", async () => {
    fx.fake.setDnd(SENIOR_API, true);
    await escalateWhyQuestion();
    expect(fx.fake.callsTo('dnd.info').some((c) => c.args.user === SENIOR_API)).toBe(true);
    expect(fx.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === SENIOR_API)).toHaveLength(1);
  });

  test('an urgent question reaches a senior in do-not-disturb right away', async () => {
    fx.fake.dndNowFor(SENIOR_API);
    await fx.h.sendEvent(mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'URGENT: why did we choose cursor pagination? prod is blocked' }));
    await fx.h.deskmate.idle();
    expect(fx.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === SENIOR_API)).toHaveLength(1);
  });
});
