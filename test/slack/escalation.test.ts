import { FakeSlack } from '../support/fake-slack';
import { mentionEvent, messageEvent } from '../support/signed';
import { buildSampleIndex, CHANNEL, JUNIOR, renderedText, SENIOR_API, SENIOR_DEFAULT, startHarness, tempDataDir, type Harness } from './harness';

let indexDir: string;
let fake: FakeSlack;
let dataDir: string;
let h: Harness;

beforeAll(async () => {
  indexDir = await buildSampleIndex();
});
beforeEach(async () => {
  fake = await FakeSlack.start();
  dataDir = tempDataDir();
  h = await startHarness({ fake, dataDir, indexDir });
});
afterEach(async () => {
  await h.stop();
  await fake.close();
});

async function escalateWhyQuestion(): Promise<{ threadTs: string; escalationId: number }> {
  const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'Why did we choose cursor pagination instead of offsets?' });
  await h.sendEvent(event);
  await h.deskmate.idle();
  const threadTs = String(event.ts);
  const escalation = await h.store.escalationForThread(CHANNEL, threadTs);
  expect(escalation).toBeDefined();
  return { threadTs, escalationId: escalation!.id };
}

describe('escalation to seniors', () => {
  test('a why-question is escalated in the thread, tagging the senior mapped to its topic, who gets a DM with a link', async () => {
    const { threadTs } = await escalateWhyQuestion();
    const posts = fake.threadPosts(CHANNEL, threadTs).map((c) => renderedText(c.args));
    const notice = posts.find((p) => p.includes(`<@${SENIOR_API}>`));
    expect(notice).toBeDefined();
    expect(notice).toContain(`<@${JUNIOR}>`); // the asker is told who was asked
    expect(notice).toContain('escalation_claim');
    const dm = fake.callsTo('chat.postMessage').find((c) => c.args.channel === SENIOR_API);
    expect(dm).toBeDefined();
    expect(renderedText(dm!.args)).toContain(`https://example.slack.com/archives/${CHANNEL}/p`);
    expect(fake.callsTo('chat.postMessage').some((c) => c.args.channel === SENIOR_DEFAULT)).toBe(false);
  });

  test('a non-senior cannot claim; a senior claims; a senior resolves — each state persisted and shown', async () => {
    const { threadTs, escalationId } = await escalateWhyQuestion();
    const refused = await h.click({ actionId: 'escalation_claim', value: String(escalationId), user: JUNIOR, channel: CHANNEL });
    expect(refused.status).toBe(200);
    const ephemeral = await fake.waitFor(() => fake.callsTo('chat.postEphemeral').find((c) => c.args.user === JUNIOR));
    expect(String(ephemeral.args.text)).toMatch(/Only seniors/);
    expect((await h.store.getEscalation(escalationId))!.state).toBe('open');

    await h.click({ actionId: 'escalation_claim', value: String(escalationId), user: SENIOR_API, channel: SENIOR_API });
    await fake.waitFor(() => fake.threadPosts(CHANNEL, threadTs).find((c) => String(c.args.text).includes('is taking this')));
    const claimed = (await h.store.getEscalation(escalationId))!;
    expect(claimed.state).toBe('claimed');
    expect(claimed.claimedBy).toBe(SENIOR_API);
    const noticeUpdate = fake.callsTo('chat.update').find((c) => c.args.ts === claimed.noticeTs);
    expect(renderedText(noticeUpdate!.args)).toContain(`<@${SENIOR_API}> is on it`);

    await h.click({ actionId: 'escalation_resolve', value: String(escalationId), user: SENIOR_API, channel: CHANNEL });
    await fake.waitFor(() => fake.threadPosts(CHANNEL, threadTs).find((c) => String(c.args.text).includes('Marked resolved')));
    expect((await h.store.getEscalation(escalationId))!.state).toBe('resolved');
  });

  test("the claimer's reply in the thread resolves the escalation", async () => {
    const { threadTs, escalationId } = await escalateWhyQuestion();
    await h.click({ actionId: 'escalation_claim', value: String(escalationId), user: SENIOR_API, channel: CHANNEL });
    await fake.waitFor(() => fake.threadPosts(CHANNEL, threadTs).find((c) => String(c.args.text).includes('is taking this')));
    await h.sendEvent(messageEvent({ channel: CHANNEL, user: SENIOR_API, text: 'We picked cursors because offsets skip rows under concurrent writes.', thread_ts: threadTs }));
    await fake.waitFor(() => fake.threadPosts(CHANNEL, threadTs).find((c) => String(c.args.text).includes('Marked resolved')));
    expect((await h.store.getEscalation(escalationId))!.resolvedBy).toBe(SENIOR_API);
  });

  test('an open escalation survives a restart: a new app on the same SQLite file can claim it', async () => {
    const { threadTs, escalationId } = await escalateWhyQuestion();
    await h.stop();
    h = await startHarness({ fake, dataDir, indexDir });
    const reloaded = await h.store.getEscalation(escalationId);
    expect(reloaded).toMatchObject({ state: 'open', senior: SENIOR_API, channel: CHANNEL, threadTs });
    await h.click({ actionId: 'escalation_claim', value: String(escalationId), user: SENIOR_API, channel: CHANNEL });
    await fake.waitFor(() => fake.threadPosts(CHANNEL, threadTs).find((c) => String(c.args.text).includes('is taking this')));
    expect((await h.store.getEscalation(escalationId))!.state).toBe('claimed');
  });

  test('"Ask a senior" on an answered question records the feedback and escalates to the topic senior', async () => {
    const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'How do I list shipments?' });
    await h.sendEvent(event);
    await h.deskmate.idle();
    const question = (await h.store.recentQuestions(JUNIOR, 1))[0];
    expect(await h.store.escalationForThread(CHANNEL, String(event.ts))).toBeUndefined();
    await h.click({ actionId: 'answer_ask_senior', value: String(question.id), user: JUNIOR, channel: CHANNEL });
    await fake.waitFor(() => fake.threadPosts(CHANNEL, String(event.ts)).find((c) => renderedText(c.args).includes(`<@${SENIOR_API}>`)));
    const esc = await h.store.escalationForThread(CHANNEL, String(event.ts));
    expect(esc).toMatchObject({ topic: 'api', state: 'open', asker: JUNIOR });
    expect(await h.store.feedbackFor(question.id)).toEqual([{ user: JUNIOR, kind: 'ask_senior' }]);
  });

  test('a senior in do-not-disturb is tagged but not DMed, and the thread says they will see it later', async () => {
    fake.setDnd(SENIOR_API, true);
    const { threadTs } = await escalateWhyQuestion();
    const notice = fake.threadPosts(CHANNEL, threadTs).map((c) => renderedText(c.args)).find((t) => t.includes(`<@${SENIOR_API}>`));
    expect(notice).toMatch(/do-not-disturb/);
    expect(fake.callsTo('chat.postMessage').some((c) => c.args.channel === SENIOR_API)).toBe(false);
  });

  test('an urgent question reaches a senior in do-not-disturb right away', async () => {
    fake.setDnd(SENIOR_API, true);
    await h.sendEvent(mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'URGENT: why did we choose cursor pagination? prod is blocked' }));
    await h.deskmate.idle();
    expect(fake.callsTo('chat.postMessage').filter((c) => c.args.channel === SENIOR_API)).toHaveLength(1);
  });
});
