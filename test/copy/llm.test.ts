import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { loadBrandVoice } from '../../src/copy/brand-voice';
import { draftCopy, isClean } from '../../src/copy/draft';
import { buildInventory } from '../../src/copy/facts';
import { checkCopy } from '../../src/copy/guards';
import { parseCopyReply } from '../../src/copy/llm';
import { type FakeOpenAI, startFakeOpenAI } from '../support/fake-openai';

const COMMIT = 'perf(search): latency reduced by 400ms (#120)';

const badCopy = JSON.stringify({
  headline: '🚀 feat: Parcelbird search is now 40% faster (#120)',
  blurb: 'A game-changing, seamless upgrade. Search is 40% faster and 3x more accurate. Unlock answers in 400ms.',
  captions: {
    x: 'Blazing fast search: Parcelbird is 40% faster! 🚀🔥',
    linkedin: 'We are thrilled to supercharge Parcelbird search: latency is down by 400ms, a revolutionary 40% gain.',
    mastodon: 'Parcelbird search latency is down by 400ms.',
  },
});

const goodCopy = JSON.stringify({
  headline: 'Parcelbird search answers 400ms sooner',
  blurb: 'Search latency in Parcelbird dropped by 400ms. Results show up sooner.',
  captions: { x: 'Parcelbird search answers 400ms sooner.', linkedin: 'Parcelbird search now answers 400ms sooner.', mastodon: 'Parcelbird search answers 400ms sooner.' },
});

let fake: FakeOpenAI;
let tmp: string;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'copy-llm-'));
  fs.writeFileSync(path.join(tmp, 'deskmate.config.yaml'), 'models:\n  copy:\n    model: fake-copy\n    timeoutMs: 800\ncopy:\n  productName: Parcelbird\n');
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.chatRequests.length = 0;
});

function llmConfig() {
  return loadConfig({ env: { OPENAI_BASE_URL: fake.baseUrl }, cwd: tmp });
}

describe('LLM drafter against a loopback OpenAI-compatible server', () => {
  test('deliberately bad copy is caught: regenerated, then repaired, and the final copy breaks nothing', async () => {
    fake.setChat({ kind: 'reply', content: badCopy });
    const config = llmConfig();
    const draft = await draftCopy([COMMIT], { config, cwd: tmp });
    expect(draft.source).toBe('fake-copy');
    expect(draft.fallback).toBeUndefined();
    expect(fake.chatRequests).toHaveLength(3); // first try and two bounded regenerations
    expect(draft.attempts).toBe(3);
    // The regeneration tells the model what it broke.
    expect(fake.chatRequests[1].messages.map((m) => m.content).join('\n')).toMatch(/untraceable quantity "40%"/);
    const text = JSON.stringify({ ...draft.captions, headline: draft.headline, blurb: draft.blurb });
    expect(text).not.toMatch(/40%|3x|#120|seamless|game-changing|unlock|blazing|supercharge|revolutionary|feat:/i);
    expect(draft.headline).not.toMatch(/\p{Extended_Pictographic}/u);
    const voice = loadBrandVoice(config, tmp);
    expect(checkCopy(draft, { voice, inventory: buildInventory([COMMIT], ['Parcelbird']) })).toEqual([]);
    expect(isClean(draft)).toBe(true);
    const found = draft.violations.map((v) => `${v.rule}:${v.field}:${v.detail}`);
    expect(found).toEqual(expect.arrayContaining(['fact:headline:untraceable quantity "40%"', 'fact:blurb:untraceable quantity "3x"', 'banned_phrase:blurb:banned phrase "seamless"', 'emoji:headline:emoji not allowed here (🚀)']));
    expect(draft.violations.every((v) => v.fixed && v.repair)).toBe(true);
    expect(draft.blurb).toContain('400ms');
  });

  test('a bad first draft followed by a clean one is used as the model wrote it', async () => {
    let calls = 0;
    fake.setChat({ kind: 'reply', content: () => (++calls === 1 ? badCopy : goodCopy) });
    const draft = await draftCopy([COMMIT], { config: llmConfig(), cwd: tmp });
    expect(fake.chatRequests).toHaveLength(2);
    expect(draft.headline).toBe('Parcelbird search answers 400ms sooner');
    expect(draft.changelog).toBe('Improved\n- search: Latency reduced by 400ms (#120)');
    expect(draft.violations.length).toBeGreaterThan(0);
    expect(draft.violations.every((v) => v.fixed && v.repair?.startsWith('regenerated'))).toBe(true);
  });

  test('the prompt carries the banned words, the budgets, the allowed facts and the cited docs', async () => {
    fake.setChat({ kind: 'reply', content: goodCopy });
    const context = [{ path: 'guides/search.md', section: 'Search > Latency', text: 'Search latency is the time until results appear.' }];
    const draft = await draftCopy([COMMIT], { config: llmConfig(), cwd: tmp, context });
    const prompt = fake.chatRequests[0].messages.map((m) => m.content).join('\n');
    expect(prompt).toMatch(/game-changing/);
    expect(prompt).toMatch(/at most 70 characters/);
    expect(prompt).toMatch(/Facts you may use: 400ms/);
    expect(prompt).toMatch(/guides\/search\.md/);
    expect(draft.docs).toEqual([{ path: 'guides/search.md', section: 'Search > Latency' }]);
  });

  test.each([
    ['malformed JSON from the model', { kind: 'reply' as const, content: 'Sure! Here is your copy: {headline: nope' }, 'llm_malformed'],
    ['a broken HTTP response', { kind: 'malformed' as const }, undefined],
    ['a server error', { kind: 'status' as const, status: 500 }, 'llm_failed'],
    ['a model that never answers', { kind: 'hang' as const }, 'llm_timeout'],
  ])('%s falls back to the offline drafter and says so', async (_name, behaviour, expected) => {
    fake.setChat(behaviour);
    const config = llmConfig();
    // Only the hanging model should hit the deadline; the client's retry back-off needs room.
    if (behaviour.kind !== 'hang') config.models.copy = { ...config.models.copy, timeoutMs: 10000 };
    const draft = await draftCopy([COMMIT], { config, cwd: tmp });
    expect(draft.source).toBe('offline');
    if (expected) expect(draft.fallback).toBe(expected);
    else expect(draft.fallback).toMatch(/^llm_/);
    expect(draft.headline).toBe('Faster search: latency down 400 ms');
    expect(isClean(draft)).toBe(true);
  });
});

describe('LLM output goes through the same guards', () => {
  const leaky = JSON.stringify({
    headline: 'Parcelbird search answers 400ms sooner',
    blurb: 'Search latency dropped by 400ms, thanks to jane@example.com and @janedoe. Results appear sooner and.',
    captions: {
      x: 'Parcelbird search answers 400ms sooner. Co-authored-by: Jane Doe',
      linkedin: 'Parcelbird search now answers 400ms sooner.\n\n• Search:  faster answers',
      mastodon: 'Parcelbird search answers 400ms sooner.',
    },
  });

  test('the prompt lists the voice\'s banned words with their replacements and forbids trailers and addresses', async () => {
    fake.setChat({ kind: 'reply', content: goodCopy });
    await draftCopy([COMMIT], { config: llmConfig(), cwd: tmp });
    const system = fake.chatRequests[0].messages[0].content;
    expect(system).toMatch(/Never use these words or phrases: .*revolutionary.*leverage \(write "use"\)/);
    expect(system).toMatch(/Never mention people, e-mail addresses, @handles or commit trailers/);
  });

  test('addresses, handles, trailers, dangling words and doubled spaces in a reply never reach the final copy', async () => {
    fake.setChat({ kind: 'reply', content: leaky });
    const draft = await draftCopy([`${COMMIT}\n\nCo-authored-by: Jane Doe <jane@example.com>`], { config: llmConfig(), cwd: tmp, maxRegenerations: 0 });
    expect(draft.source).toBe('fake-copy');
    const text = JSON.stringify({ ...draft.captions, headline: draft.headline, blurb: draft.blurb });
    expect(text).not.toMatch(/@|Co-authored-by|Jane|sooner and\.|  /);
    expect(draft.violations.map((v) => v.rule)).toEqual(expect.arrayContaining(['private', 'grammar']));
    expect(isClean(draft)).toBe(true);
    expect(draft.facts).not.toContain('Jane');
  });
});

describe('parseCopyReply', () => {
  test('finds the JSON inside a code fence and prose', () => {
    const reply = 'Here you go:\n```json\n{"headline":"H","blurb":"B. C.","captions":{"x":"X","linkedin":"L","mastodon":"M"}}\n```';
    expect(parseCopyReply(reply)).toEqual({ headline: 'H', blurb: 'B. C.', captions: { x: 'X', linkedin: 'L', mastodon: 'M' } });
  });

  test('accepts captions at the top level and leaves missing ones empty for the guards', () => {
    expect(parseCopyReply('{"headline":"H","blurb":"B","x":"X"}').captions).toEqual({ x: 'X', linkedin: '', mastodon: '' });
  });

  test('a reply without a headline is refused', () => {
    expect(() => parseCopyReply('{"blurb":"B"}')).toThrow(/headline/);
  });
});
