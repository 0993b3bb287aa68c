import { parseBrandVoice } from '../../src/copy/brand-voice';
import { buildInventory } from '../../src/copy/facts';
import { bannedPhrasePattern, checkCopy, checkField, findBannedPhrases, type GuardContext } from '../../src/copy/guards';
import { guardCopy, removeBannedPhrases, removeUntraceableClauses } from '../../src/copy/repair';
import { findCommitSyntax, sentences, shortenTo, stripCommitSyntax, stripEmoji, xLength, charLength } from '../../src/copy/text-rules';
import type { CopyText } from '../../src/copy/types';

const voice = parseBrandVoice(`
banned:
  - seamless
  - unlock
  - blazing fast
  - game-changing
  - phrase: leverage
    replacement: use
emoji: { headline: false, maxPerCaption: 1 }
tone: [Plain.]
`);
const inventory = buildInventory(['perf(api): reduce latency by 400ms for Parcelbird search (#120)'], ['Parcelbird']);
const ctx: GuardContext = { voice, inventory };

describe('brand voice checks', () => {
  test.each([
    ['seamless', 'A seamless upgrade', ['seamless']],
    ['endings are caught', 'It seamlessly unlocks search', ['seamlessly', 'unlocks']],
    ['a hyphen counts as a space', 'Blazing-fast search and blazing fast pages', ['Blazing-fast', 'blazing fast']],
    ['a banned word inside a longer word is not a hit', 'unlockable and reunlock', []],
    ['clean text', 'Search answers sooner', []],
  ])('%s', (_name, text, expected) => {
    expect(findBannedPhrases(text, voice).map((b) => b.match)).toEqual(expected);
  });

  test('the pattern escapes regex characters in phrases', () => {
    expect(bannedPhrasePattern('c++ magic').test('c++ magic')).toBe(true);
  });

  test('an unknown key in the voice file is refused with a message naming it', () => {
    expect(() => parseBrandVoice('bannd: [x]')).toThrow(/Invalid brand voice/);
  });
});

describe('text rules', () => {
  test.each([
    ['feat(api): add paging', ['type prefix "feat(api):"']],
    ['Adds paging (#12)', ['reference "(#12)"']],
    ['Use `fetch` now', ['backticks']],
    ['Note: plain text', []],
  ])('commit syntax in %s', (text, expected) => {
    expect(findCommitSyntax(text)).toEqual(expected);
  });

  test('stripping commit syntax keeps the words', () => {
    expect(stripCommitSyntax('feat(api)!: add `paging` to search (#12)')).toBe('add paging to search');
  });

  test('emoji: none kept in headlines, one kept in captions', () => {
    expect(stripEmoji('🚀 Faster search ✨', 0)).toBe('Faster search');
    expect(stripEmoji('Faster search 🚀✨', 1)).toBe('Faster search 🚀');
  });

  test('sentences keep versions, dotted names and abbreviations whole', () => {
    expect(sentences('Supports Node.js 18.10. Works with v1.2.3, e.g. in CI! Done?')).toEqual(['Supports Node.js 18.10.', 'Works with v1.2.3, e.g. in CI!', 'Done?']);
  });

  test('X length weighs URLs as 23 and wide characters as 2', () => {
    expect(xLength('see https://example.com/a/very/long/path/that/goes/on')).toBe(4 + 23);
    expect(xLength('日本')).toBe(4);
    expect(charLength('🚀a')).toBe(2);
  });

  test('shortening keeps whole sentences, then whole words without a dangling "to"', () => {
    expect(shortenTo('One two. Three four five.', 12, charLength, { ellipsis: true })).toBe('One two.');
    expect(shortenTo('Parcelbird now reduces latency to the search', 36, charLength, { ellipsis: false })).toBe('Parcelbird now reduces latency');
  });
});

describe('checkField', () => {
  const rules = (field: Parameters<typeof checkField>[0], text: string) => checkField(field, text, ctx).map((v) => v.rule);
  test.each([
    ['headline' as const, 'Parcelbird search answers 400ms sooner', []],
    ['headline' as const, 'feat: Parcelbird search is 40% faster 🚀 (#120)', ['emoji', 'commit_syntax', 'commit_syntax', 'fact']],
    ['headline' as const, 'x'.repeat(71), ['length']],
    ['blurb' as const, 'One sentence only.', ['sentences']],
    ['blurb' as const, 'A. B. C. D.', ['sentences']],
    ['changelog' as const, 'perf(api): reduce latency by 400ms (#120)', []],
    ['changelog' as const, 'perf(api): reduce latency (#999)', ['fact']],
    ['captions.x' as const, 'a '.repeat(141), ['length']],
    ['captions.mastodon' as const, 'A seamless search.', ['banned_phrase']],
  ])('%s: %s', (field, text, expected) => {
    expect(rules(field, text)).toEqual(expected);
  });
});

describe('repair', () => {
  test('banned phrases are rewritten when the voice gives a replacement, else removed with the article fixed', () => {
    expect(removeBannedPhrases('We leverage a seamless index.', ctx)).toBe('We use an index.');
    expect(removeBannedPhrases('Seamless search is here.', ctx)).toBe('Search is here.');
  });

  test('only the clause with the untraceable figure goes; a sentence with nothing left goes whole', () => {
    expect(removeUntraceableClauses('Latency drops by 400ms, making search 40% faster. It is 3x better. Try it.', inventory, false)).toBe('Latency drops by 400ms. Try it.');
  });

  const fallback: CopyText = {
    headline: 'Parcelbird now reduces latency by 400ms for search',
    blurb: 'Parcelbird now reduces latency by 400ms for search. It is a performance improvement.',
    captions: { x: 'Parcelbird now reduces latency by 400ms for search.', linkedin: 'Parcelbird now reduces latency by 400ms for search.', mastodon: 'Parcelbird now reduces latency by 400ms for search.' },
    changelog: 'perf(api): reduce latency by 400ms for Parcelbird search (#120)',
  };

  test('guardCopy repairs what it can and reports every finding, marked fixed', () => {
    const bad: CopyText = {
      headline: '🚀 feat: Parcelbird search is 40% faster (#120)',
      blurb: 'A seamless upgrade cuts latency by 400ms, so search feels 40% faster. Unlock faster answers. It ships today.',
      captions: { x: 'Blazing fast search: 400ms less latency! 🚀🔥', linkedin: 'Parcelbird search now responds 400ms sooner.', mastodon: 'Parcelbird search now responds 400ms sooner. Details in the changelog.' },
      changelog: fallback.changelog,
    };
    const { copy, violations } = guardCopy(bad, ctx, fallback);
    expect(checkCopy(copy, ctx)).toEqual([]);
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.every((v) => v.fixed)).toBe(true);
    expect(violations).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'fact', field: 'blurb', detail: 'untraceable quantity "40%"', fixed: true })]));
    expect(copy.blurb).not.toMatch(/40%|seamless|unlock/i);
    expect(copy.blurb).toContain('400ms');
    expect(copy.captions.x).toBe('Search: 400ms less latency! 🚀');
  });

  test('what cannot be repaired is reported unfixed, never hidden', () => {
    const bad: CopyText = { ...fallback, headline: '40% faster' };
    const { violations } = guardCopy(bad, ctx); // no offline fallback to fall back on
    expect(violations).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'headline', fixed: false })]));
  });
});
