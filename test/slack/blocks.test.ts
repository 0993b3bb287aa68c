import fc from 'fast-check';
import { answerMessage } from '../../src/slack/blocks/answer';
import { splitText, stripMentions, truncate, asksWhy } from '../../src/slack/text';
import type { AskResult } from '../../src/knowledge/answer/ask';

const result = (answer: string, sources = 3): AskResult => ({
  question: 'q', intent: 'answer', escalate: false, reason: 'documented', confidence: 0.9, answer, answeredBy: 'extractive',
  sources: Array.from({ length: sources }, (_, i) => ({ path: `guide/doc${i}.md`, section: `Section ${i}`, score: 0.9 })),
});

describe('answer blocks stay inside Slack limits', () => {
  test('any answer length gives ≤ 50 blocks, sections ≤ 3000 chars, fallback text ≤ 4000', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), fc.constantFrom(' ', '\n', '\n\n', ''), (len, sep) => {
        const answer = ('word' + sep).repeat(Math.ceil(len / 5)).slice(0, len) || 'x';
        const msg = answerMessage(result(answer), { questionId: 7 });
        expect(msg.blocks.length).toBeLessThanOrEqual(50);
        for (const b of msg.blocks as Array<{ text?: { text: string } }>) if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
        expect(msg.text.length).toBeLessThanOrEqual(4000);
      }),
      { numRuns: 40 },
    );
  });

  test('a huge answer says where the rest is', () => {
    const msg = answerMessage(result('lorem ipsum '.repeat(20_000)), { questionId: 1 });
    expect(JSON.stringify(msg.blocks)).toMatch(/the rest is in the cited sources/);
  });

  test('sources are numbered in one context block', () => {
    const msg = answerMessage(result('short'), { questionId: 1 });
    expect(JSON.stringify(msg.blocks)).toContain('[1] guide/doc0.md#Section 0');
    expect(JSON.stringify(msg.blocks)).toContain('[3] guide/doc2.md#Section 2');
  });

  test('a source with a URL is a link; small talk is a plain message without sources or buttons', () => {
    const r = result('short', 1);
    r.sources[0]!.url = 'https://github.com/acme/docs/blob/main/guide/doc0.md#section-0';
    expect(JSON.stringify(answerMessage(r, { questionId: 1 }).blocks)).toContain('<https://github.com/acme/docs/blob/main/guide/doc0.md#section-0|[1] guide/doc0.md#Section 0>');
    const chat = answerMessage({ ...result('Glad it helped!', 0), intent: 'chat', answeredBy: 'small-talk' }, { questionId: 2 });
    expect(chat.blocks).toHaveLength(1);
    expect(JSON.stringify(chat.blocks)).not.toMatch(/actions|Sources/);
  });
});

describe('text helpers', () => {
  test('mentions are removed, words kept', () => {
    expect(stripMentions('<@U123> how do I <@U9|maria> page <!subteam^S1>  results?')).toBe('how do I page results?');
  });
  test('truncate cuts at a word and marks it', () => {
    expect(truncate('alpha beta gamma delta', 14)).toBe('alpha beta…');
    expect(truncate('short', 14)).toBe('short');
  });
  test('splitText keeps every character of content and respects the size', () => {
    const text = Array.from({ length: 300 }, (_, i) => `para ${i} ${'x'.repeat(i % 50)}`).join('\n\n');
    const pieces = splitText(text, 500);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(500);
    expect(pieces.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });
  test.each([
    ['why does it fail?', true],
    ['How come the label is late?', true],
    ['how do I list shipments?', false],
    ['what is whyle?', false],
  ])('asksWhy(%s) = %s', (text, expected) => {
    expect(asksWhy(text)).toBe(expected);
  });
});
