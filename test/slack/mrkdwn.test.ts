import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';
import { mentionEvent } from '../support/signed';
import { CHANNEL, JUNIOR, renderedText, useSlackHarness } from './harness';
import { markdownToMrkdwn, splitMrkdwn } from '../../src/slack/blocks/mrkdwn';
import { hasLiveMarkup } from '../../src/slack/blocks/escape';

describe('Markdown → Slack mrkdwn', () => {
  test.each([
    ['bold', 'Use **cursor** pagination.', 'Use *cursor* pagination.'],
    ['underscore italics', 'an _optional_ field', 'an _optional_ field'],
    ['single-star emphasis stays mrkdwn bold', '*GET /shipments* lists them', '*GET /shipments* lists them'],
    ['strikethrough', '~~old~~ new', '~old~ new'],
    ['heading', '## Pagination\nPass `cursor`.', '*Pagination*\n\nPass `cursor`.'],
    ['link', 'See [the guide](https://docs.example.com/guide).', 'See the guide (https://docs.example.com/guide).'],
    ['autolink', 'Go to <https://docs.example.com>.', 'Go to https://docs.example.com.'],
    ['bullets', '- one\n- two\n  - nested', '• one\n• two\n    • nested'],
    ['ordered', '3. three\n4. four', '3. three\n4. four'],
    ['quote', '> careful', '> careful'],
    ['citations kept', 'Pass `limit` [1] and `cursor` [2].', 'Pass `limit` [1] and `cursor` [2].'],
    ['entities escaped', 'a < b && c > d', 'a &lt; b &amp;&amp; c &gt; d'],
  ])('%s', (_name, input, expected) => {
    expect(markdownToMrkdwn(input)).toBe(expected);
  });

  test('paragraphs stay apart; code fences keep their content verbatim (escaped)', () => {
    expect(markdownToMrkdwn('First.\n\nSecond.')).toBe('First.\n\nSecond.');
    expect(markdownToMrkdwn('```ts\nif (a < b) **x**\n```')).toBe('```\nif (a &lt; b) **x**\n```');
  });

  test('a table becomes an aligned monospace block', () => {
    const out = markdownToMrkdwn('| param | type |\n|---|---|\n| `cursor` | string |\n| limit | **int** |');
    expect(out).toBe(['```', 'param  | type', '-------+-------', 'cursor | string', 'limit  | int', '```'].join('\n'));
  });

  test.each([
    ['<!channel> ping', /&lt;!channel&gt;/],
    ['<@U123> and <#C1> and <!subteam^S1>', /&lt;@U123&gt;/],
    ['[innocent](https://evil.example)', /innocent \(https:\/\/evil\.example\)/],
    ['<https://evil.example|innocent>', /https:\/\/evil\.example/],
    ['[x](javascript:alert(1))', /^\[x\]\(javascript/],
    ['<b>html</b> <!-- c --> <script>', /&lt;b&gt;html&lt;\/b&gt;/],
    ['`<!here>` in code', /`&lt;!here&gt;`/],
    ['![alt](https://img.example/a.png)', /alt \(https:\/\/img\.example\/a\.png\)/],
  ])('no live markup survives: %s', (input, expected) => {
    const out = markdownToMrkdwn(input);
    expect(hasLiveMarkup(out)).toBe(false);
    expect(out).toMatch(expected);
  });

  test('a code block cut between sections is closed and reopened', () => {
    const code = '```\n' + Array.from({ length: 200 }, (_, i) => `line ${i} of the code`).join('\n') + '\n```';
    const pieces = splitMrkdwn(markdownToMrkdwn(code), 1000);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) {
      expect((p.match(/```/g) ?? []).length % 2).toBe(0);
      expect(p.length).toBeLessThanOrEqual(1000);
    }
  });
});

describe('an LLM answer in Markdown reaches Slack formatted (signed HTTP, fake Slack, fake OpenAI)', () => {
  let llm: FakeOpenAI;
  const fx = useSlackHarness(() => ({ configExtra: { openai: { baseUrl: llm.baseUrl } } }));
  beforeAll(async () => {
    llm = await startFakeOpenAI();
  });
  afterAll(() => llm.close());

  test('**bold**, ## headings, [links](url) and tables are mrkdwn; a planted <!channel> stays inert', async () => {
    llm.setChat({ kind: 'reply', content: '## Listing shipments\nCall **GET /shipments** [1]. See [the guide](https://docs.example.com/shipments). <!channel>\n\n| param | type |\n|---|---|\n| cursor | string |' });
    await fx.h.sendEvent(mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'How do I list shipments?' }));
    await fx.h.deskmate.idle();
    const text = renderedText(fx.fake.callsTo('chat.update').at(-1)!.args);
    expect(text).toContain('*Listing shipments*');
    expect(text).toContain('Call *GET /shipments* [1]');
    expect(text).toContain('the guide (https://docs.example.com/shipments)');
    expect(text).toContain('cursor | string');
    expect(text).not.toMatch(/\*\*|##|\]\(/);
    expect(hasLiveMarkup(text)).toBe(false);
  });
});
