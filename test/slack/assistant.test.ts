import { slackFixture } from '../support/slack-fixtures';
import { nextTs } from '../support/signed';
import { JUNIOR, renderedText, useSlackHarness } from './harness';

/**
 * Slack's assistant pane over signed HTTP, with the payloads of Bolt's own assistant tests
 * (assistant_thread_started, assistant_thread_context_changed, a user message in the thread):
 * greeting and suggested prompts, the viewed channel remembered, a status while answering,
 * a thread title, and the DM tutor's answer in the thread.
 */

const fx = useSlackHarness();
const DM = 'DJUNIOR';
let seq = 0;

function envelope(name: string, threadTs: string, patch: (event: Record<string, any>) => void = () => undefined): Record<string, any> {
  const body = slackFixture(name);
  body.event_id = `EvAssist${Date.now()}${++seq}`;
  patch(body.event);
  if (body.event.assistant_thread) Object.assign(body.event.assistant_thread, { user_id: JUNIOR, channel_id: DM, thread_ts: threadTs });
  return body;
}

async function openThread(contextChannel = 'C222'): Promise<string> {
  const threadTs = nextTs();
  const res = await fx.h.sendBody(envelope('assistant-thread-started', threadTs, (e) => (e.assistant_thread.context.channel_id = contextChannel)));
  expect(res.status).toBe(200);
  await fx.fake.waitFor(() => fx.fake.callsTo('assistant.threads.setSuggestedPrompts')[0]);
  return threadTs;
}

async function ask(threadTs: string, text: string): Promise<void> {
  const ts = nextTs();
  const res = await fx.h.sendBody(envelope('assistant-user-message', threadTs, (e) => Object.assign(e, { user: JUNIOR, channel: DM, ts, event_ts: ts, thread_ts: threadTs, parent_user_id: JUNIOR, text })));
  expect(res.status).toBe(200);
  await fx.h.deskmate.idle();
}

test('a new assistant thread gets a greeting in the thread and suggested prompts', async () => {
  const threadTs = await openThread();
  const greeting = fx.fake.threadPosts(DM, threadTs)[0];
  expect(String(greeting.args.text)).toMatch(/Ask me a what\/how question/);
  const prompts = fx.fake.callsTo('assistant.threads.setSuggestedPrompts')[0].args;
  expect(prompts).toMatchObject({ channel_id: DM, thread_ts: threadTs });
  expect(JSON.stringify(prompts.prompts)).toContain('How do I list shipments?');
});

test('a question in the thread: status "Searching the docs…", a title, then the tutor answer posted in the thread', async () => {
  const threadTs = await openThread();
  await ask(threadTs, 'How do I list shipments?');
  const status = fx.fake.callsTo('assistant.threads.setStatus')[0];
  expect(status.args).toMatchObject({ channel_id: DM, thread_ts: threadTs, status: 'Searching the docs…' });
  expect(fx.fake.callsTo('assistant.threads.setTitle')[0].args).toMatchObject({ thread_ts: threadTs, title: 'How do I list shipments?' });
  const answer = fx.fake.threadPosts(DM, threadTs).find((c) => /GET \/shipments/.test(renderedText(c.args)));
  expect(answer).toBeDefined();
  expect(status.at).toBeLessThanOrEqual(answer!.at);
  expect(fx.fake.threadPosts(DM, threadTs).some((c) => String(c.args.text).startsWith(':mag:'))).toBe(false); // no placeholder in the pane
  expect((await fx.h.store.recentQuestions(JUNIOR, 1))[0]).toMatchObject({ kind: 'dm', status: 'done', threadTs });
});

test('the title is set once per thread, from its first question', async () => {
  const threadTs = await openThread();
  await ask(threadTs, 'How do I list shipments?');
  await ask(threadTs, 'and how do I create one?');
  expect(fx.fake.callsTo('assistant.threads.setTitle')).toHaveLength(1);
});

test('a why-question in the pane points to the channel the user is viewing (context changed since opening)', async () => {
  const threadTs = await openThread('C222');
  await fx.h.sendBody(envelope('assistant-thread-context-changed', threadTs, (e) => (e.assistant_thread.context.channel_id = 'CPAYMENTS')));
  await ask(threadTs, 'Why did we choose cursor pagination instead of offsets?');
  const reply = fx.fake.threadPosts(DM, threadTs).map((c) => String(c.args.text)).find((t) => /better answered by a person/.test(t));
  expect(reply).toContain('<#CPAYMENTS>');
});
