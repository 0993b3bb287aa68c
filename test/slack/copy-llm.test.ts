import { FakeSlack } from '../support/fake-slack';
import { type FakeOpenAI, startFakeOpenAI } from '../support/fake-openai';
import { buildSampleIndex, CHANNEL, JUNIOR, renderedText, startHarness, tempDataDir, type Harness } from './harness';

/** /copy with the copy task on an LLM that writes deliberately bad copy: the Slack draft is the guarded one. */

const COMMIT = 'perf(search): latency reduced by 400ms (#120)';
const BAD = JSON.stringify({
  headline: '🚀 Search is now 40% faster',
  blurb: 'A game-changing, seamless upgrade. Search is 40% faster. Answers arrive 400ms sooner.',
  captions: { x: 'Blazing fast search, 40% faster!', linkedin: 'We supercharged search: 400ms less latency.', mastodon: 'Search latency is down by 400ms.' },
});

let indexDir: string;
let slack: FakeSlack;
let openai: FakeOpenAI;
let h: Harness;

beforeAll(async () => {
  indexDir = await buildSampleIndex();
  openai = await startFakeOpenAI();
});
afterAll(async () => {
  await openai.close();
});
beforeEach(async () => {
  slack = await FakeSlack.start();
  const configExtra = { copy: { announcementsChannel: 'CANNOUNCE' }, openai: { baseUrl: openai.baseUrl, apiKey: 'sk-test' }, embedder: { provider: 'local' }, models: { copy: { model: 'fake-copy', timeoutMs: 1500 } } };
  h = await startHarness({ fake: slack, dataDir: tempDataDir(), indexDir, configExtra });
});
afterEach(async () => {
  await h.stop();
  await slack.close();
});

test('the model\'s banned words and invented figures never reach the draft; the fixes are listed for the requester', async () => {
  openai.setChat({ kind: 'reply', content: BAD });
  const res = await h.command({ command: '/copy', text: COMMIT, user: JUNIOR, channel: CHANNEL });
  expect(res.status).toBe(200);
  const shown = await slack.waitFor(() => slack.privateReplies(JUNIOR).find((c) => Array.isArray(c.args.blocks)), 15_000);
  const text = renderedText(shown.args);
  expect(text).toContain('fake-copy');
  const draftId = (shown.args.blocks as Array<{ type: string; elements?: Array<{ value: string }> }>).find((b) => b.type === 'actions')!.elements![0].value;
  const { draft } = (await h.store.getCopyDraft(draftId))!;
  expect(JSON.stringify([draft.headline, draft.blurb, draft.captions])).not.toMatch(/40%|seamless|game-changing|blazing|supercharg|🚀/i);
  expect(draft.violations.length).toBeGreaterThan(0);
  expect(draft.violations.every((v) => v.fixed)).toBe(true);
  expect(text).toMatch(/✅ fixed, headline: untraceable quantity \\"40%\\"/);
  expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
});

test('a model that hangs does not delay the ack; the offline draft arrives after the timeout', async () => {
  openai.setChat({ kind: 'hang' });
  const res = await h.command({ command: '/copy', text: COMMIT, user: JUNIOR, channel: CHANNEL });
  expect(res.status).toBe(200);
  expect(res.ms).toBeLessThan(3000); // Slack's ack deadline; the model is still hanging at this point
  const shown = await slack.waitFor(() => slack.privateReplies(JUNIOR).find((c) => Array.isArray(c.args.blocks)), 15_000);
  expect(renderedText(shown.args)).toMatch(/the model failed \(llm_timeout\)/);
});
