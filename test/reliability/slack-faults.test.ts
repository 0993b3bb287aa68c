import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';
import { mentionEvent } from '../support/signed';
import { CHANNEL, FAST_SLACK_RETRY, JUNIOR, renderedText, useSlackHarnessPerTest } from '../slack/harness';

let llm: FakeOpenAI | undefined;
// Retries on a millisecond scale: the test proves what is retried and how often, not how long backoff takes.
const fx = useSlackHarnessPerTest({ slackRetry: FAST_SLACK_RETRY });
afterEach(async () => {
  await llm?.close();
  llm = undefined;
});

const updatesIn = (channel: string) => fx.fake.callsTo('chat.update').filter((c) => c.args.channel === channel);

describe('Slack Web API trouble', () => {
  test('429 with Retry-After, a 500 and a connection reset are retried: the reply is delivered exactly once', async () => {
    await fx.start();
    fx.fake.failHttp('chat.postMessage', { status: 429, retryAfter: 1 }, 2);
    fx.fake.failHttp('chat.update', { status: 500 });
    fx.fake.failHttp('chat.update', 'reset');
    const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'How do I list shipments?' });
    const res = await fx.h.sendEvent(event);
    expect(res.status).toBe(200);
    await fx.h.deskmate.idle();
    expect(fx.fake.faulted.map((f) => `${f.method}:${f.fault}`)).toEqual(['chat.postMessage:429', 'chat.postMessage:429', 'chat.update:500', 'chat.update:reset']);
    // The placeholder waited out Retry-After (1 s) twice before it went through.
    const placeholder = fx.fake.threadPosts(CHANNEL, String(event.ts));
    expect(placeholder).toHaveLength(1);
    expect(placeholder[0].at - fx.fake.faulted[0].at).toBeGreaterThanOrEqual(1900);
    const updates = updatesIn(CHANNEL);
    expect(updates).toHaveLength(1);
    expect(renderedText(updates[0].args)).toMatch(/GET \/shipments/);
  });

  test('an outage longer than the retries leaves a logged failure and the next question still works', async () => {
    await fx.start();
    fx.fake.failHttp('chat.postMessage', { status: 503 }, 6);
    await fx.h.sendEvent(mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'How do I list shipments?' }));
    await fx.h.deskmate.idle();
    const [failed] = await fx.h.store.recentQuestions(JUNIOR, 1);
    expect(failed.status).toBe('failed');
    const next = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'What is the rate limit?' });
    await fx.h.sendEvent(next);
    await fx.h.deskmate.idle();
    expect(fx.fake.threadPosts(CHANNEL, String(next.ts))).toHaveLength(1);
  }, 120_000);
});

describe('LLM trouble, seen from Slack', () => {
  async function startWithLlm(timeoutMs = 20_000): Promise<void> {
    llm = await startFakeOpenAI();
    await fx.start({ openai: { baseUrl: llm.baseUrl, apiKey: 'sk-test-0000000000', timeoutMs } });
  }

  test.each([
    ['a 500', { kind: 'status', status: 500 } as const],
    ['malformed JSON', { kind: 'malformed' } as const],
    ['a 200 with a garbage body', { kind: 'status', status: 200, body: 'data: {{{ not a completion' } as const],
  ])('%s from the LLM → the offline answer flagged as such', async (_name, behaviour) => {
    await startWithLlm();
    llm!.setChat(behaviour);
    const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'How do I list shipments?' });
    await fx.h.sendEvent(event);
    await fx.h.deskmate.idle();
    const update = updatesIn(CHANNEL)[0];
    const text = renderedText(update.args);
    expect(text).toMatch(/GET \/shipments/);
    expect(text).toMatch(/offline answer/);
    expect(llm!.chatRequests.length).toBeGreaterThan(0);
  });

  test('a hanging LLM → a placeholder at once, then the offline answer when the task timeout expires', async () => {
    await startWithLlm(1500);
    llm!.setChat({ kind: 'hang' });
    const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'How do I list shipments?' });
    await fx.h.sendEvent(event);
    const placeholder = await fx.fake.waitFor(() => fx.fake.threadPosts(CHANNEL, String(event.ts))[0]);
    expect(String(placeholder.args.text)).toMatch(/Looking in the docs/);
    await fx.h.deskmate.idle();
    const update = updatesIn(CHANNEL)[0];
    // The offline answer waited for the task timeout (a lower bound only: real time can only be longer).
    expect(update.at - placeholder.at).toBeGreaterThanOrEqual(1400);
    expect(renderedText(update.args)).toMatch(/did not answer within 1500 ms[\s\S]*offline answer/);
  });
});
