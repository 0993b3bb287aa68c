import os from 'node:os';
import { loadConfig } from '../../src/config';
import { loadBrandVoice, parseBrandVoice } from '../../src/copy/brand-voice';
import { draftCopy, isClean } from '../../src/copy/draft';
import { findIdentifiers } from '../../src/copy/identifiers';
import { reviewEditedCopy } from '../../src/copy/review';
import { charLength } from '../../src/copy/text-rules';
import type { CopyDraft } from '../../src/copy/types';

const config = loadConfig({ env: {}, cwd: os.tmpdir() });
const voice = loadBrandVoice(config);
const draft = (messages: string[], productName = 'Parcelbird', v = voice) => draftCopy(messages, { config, voice: v, productName, model: null });
const prose = (d: CopyDraft) => [d.headline, d.blurb, d.captions.x, d.captions.linkedin, d.captions.mastodon];

describe('the offline drafter writes copy, not a restated commit', () => {
  const ISSUE = 'feat: added redis caching layer to user_dashboard. latency reduced by 400ms. added rate limiting.';

  test('a latency figure leads as "faster", identifiers become words, units are spaced', async () => {
    const d = await draft([ISSUE]);
    expect(d.headline).toBe('Faster user dashboard: latency down 400 ms');
    for (const text of prose(d)) {
      expect(text).not.toMatch(/user_dashboard|400ms|  /);
      expect(findIdentifiers(text)).toEqual([]);
    }
    expect(d.blurb).toBe('User dashboard latency is down 400 ms. User dashboard now has redis caching layer. Parcelbird now has rate limiting.');
    expect(isClean(d)).toBe(true);
  });

  test('several changes in one commit become a list, and every platform gets its own form', async () => {
    const d = await draft([ISSUE]);
    expect(d.captions.linkedin).toMatch(/^User dashboard latency is down 400 ms\.\n\nWhat changed:\n• Improved: .+\n• New: Redis caching layer to user dashboard\n• New: Rate limiting/);
    expect(d.captions.mastodon.split('\n')[0]).toBe('Faster user dashboard: latency down 400 ms.');
    const variants = [d.blurb, d.captions.x, d.captions.linkedin, d.captions.mastodon];
    expect(new Set(variants).size).toBe(4);
  });

  test('a fix says what now works, a feature what the reader now has', async () => {
    expect((await draft(['fix: port parsing'])).headline).toBe('Port parsing works as expected');
    expect((await draft(['fix(router): keep the trailing slash'])).headline).toBe('Parcelbird now keeps the trailing slash');
    expect((await draft(['feat: add CSV export to the reports page'])).headline).toBe('Reports page gets CSV export');
    expect((await draft(['Fix Prefix Route Options Url'])).headline).toBe('Prefix route options URL works as expected');
  });

  test('a dependency update says what is used now, a perf change names what got faster, "do not" becomes "no longer"', async () => {
    expect((await draft(['feat: update esbuild to 0.18.10 (#13644)'], 'Vite')).headline).toBe('Vite now uses esbuild 0.18.10');
    expect((await draft(['perf: skip windows absolute paths for node resolve (#13162)'], 'Vite')).headline).toBe('Faster node resolve: skips windows absolute paths');
    expect((await draft(["fix: do not force close in-flight connections on 'idle'"], 'Fastify')).headline).toBe("Fastify no longer forces close in-flight connections on 'idle'");
    expect((await draft(['perf: only bundle node version debug'], 'Vite')).headline).toBe('Vite now only bundles node version debug');
  });

  test('a long headline is cut from its sentence form, never left as an order or on a dangling word', async () => {
    const d = await draft(['feat(optimizer): show a friendly warning with 404 instead of 504 outdated optimize dep (#16080)'], 'Vite');
    expect(d.headline).toMatch(/^Now shows a friendly warning with 404 instead of 504/);
    expect(charLength(d.headline)).toBeLessThanOrEqual(70);
    expect(d.headline).not.toMatch(/\b(?:and|or|with|to|of|for|the|a)$/);
  });

  test('identifiers stay as code when the brand voice says so, and the guard accepts the code spans', async () => {
    const codeVoice = { ...voice, identifiers: 'code' as const };
    const d = await draft(['feat: support generateCodeFrame in the compiler'], 'Parcelbird', codeVoice);
    expect(d.headline).toBe('Support for `generateCodeFrame` in the compiler');
    expect(isClean(d)).toBe(true);
    const words = await draft(['feat: support generateCodeFrame in the compiler']);
    expect(words.headline).toBe('Support for generate code frame in the compiler');
  });

  test('numbers are written with separators, versions and years are not', async () => {
    const d = await draft(['feat: export up to 10000 rows per file on Node.js 20.19 since 2024']);
    expect(d.blurb).toContain('10,000 rows');
    expect(d.blurb).toContain('20.19');
    expect(d.blurb).toContain('2024');
    expect(isClean(d)).toBe(true);
  });

  test('the brand voice can set tighter limits, and the drafter keeps to them', async () => {
    const tight = parseBrandVoice('limits: {headline: 30, x: 100}');
    const d = await draft(['feat(search): add typo tolerance and phrase queries to full-text search across every workspace'], 'Parcelbird', tight);
    expect(charLength(d.headline)).toBeLessThanOrEqual(30);
    expect(charLength(d.captions.x)).toBeLessThanOrEqual(100);
    expect(isClean(d)).toBe(true);
  });
});

describe('nothing that is not the commit\'s', () => {
  const WITH_TRAILERS = [
    'fix(validation): preserve coerced root values (#6940)',
    '',
    'Signed-off-by: Jean Michelet <110341611+jean-michelet@users.noreply.github.com>',
    'Co-authored-by: KaKa <23028015+climba03003@users.noreply.github.com>',
    'Reviewed-by: @octocat',
    'Fixes #6900',
  ].join('\n');

  test('trailers, addresses, handles and account ids never enter the copy or the facts', async () => {
    const d = await draft([WITH_TRAILERS]);
    const all = JSON.stringify(d);
    expect(all).not.toMatch(/Michelet|KaKa|climba|noreply|110341611|23028015|octocat|Signed-off|Co-authored|Reviewed-by/);
    expect(d.facts).toEqual([]);
    expect(d.changelog).toBe('Fixed\n- validation: Preserve coerced root values (#6940)');
  });

  test('the facts list leaves out the BREAKING CHANGE keyword', async () => {
    const d = await draft(['feat(api)!: drop the v1 endpoints\n\nBREAKING CHANGE: clients must call /v2']);
    expect(d.facts).not.toEqual(expect.arrayContaining(['BREAKING']));
    expect(d.facts).not.toEqual(expect.arrayContaining(['CHANGE']));
  });

  test('a repair rewrites the sentence rather than leaving "faster and."', async () => {
    const d = await draft(['perf(parser): our revolutionary new parser is 10x faster and seamless']);
    expect(d.headline).toBe('Our new parser is 10x faster');
    for (const text of prose(d)) expect(text).not.toMatch(/\b(?:and|or|with|to)\s*[.!?]|revolutionary|seamless|  /i);
    expect(isClean(d)).toBe(true);
  });

  test('docs about another feature are not used; docs about this one are used and cited', async () => {
    const context = [
      { path: 'guides/rate-limits.md', section: 'Rate limits', text: 'Limits apply per account and also to webhooks, because every call reaches a carrier.' },
      { path: 'guides/webhooks.md', section: 'Webhooks > Retries', text: 'Webhook deliveries that fail are retried so no event is lost.' },
    ];
    const d = await draftCopy(['feat(webhooks): retry failed webhook deliveries'], { config, voice, productName: 'Parcelbird', model: null, context });
    expect(d.blurb).not.toMatch(/carrier|per account/);
    expect(d.blurb).toContain('Webhook deliveries that fail are retried so no event is lost.');
    expect(d.docs).toEqual([{ path: 'guides/webhooks.md', section: 'Webhooks > Retries' }]);
    const unrelated = await draftCopy(['feat(webhooks): retry failed webhook deliveries'], { config, voice, productName: 'Parcelbird', model: null, context: context.slice(0, 1) });
    expect(JSON.stringify(unrelated)).not.toMatch(/carrier/);
    expect(unrelated.docs).toEqual([]);
  });
});

describe('ranges become release notes', () => {
  const RANGE = [
    'docs: fix broken links in the style guide (#6966)',
    'Bumped v6.0.0-alpha.2',
    'feat: add Reply.prototype.mediaType (#6932)',
    'fix: run preClose hook exactly once per declaring instance (#6940)',
    'chore(deps): bump lodash from 4.17.20 to 4.17.21',
    'ci: allow backport in pr title (#6948)',
    'test: use spyWarning for testing (#6887)',
    'refactor: split the router',
    'Revert "feat: add dark mode"',
    "Merge branch 'main' into next",
    'feat: update esbuild to 0.18.10 (#13644)',
    'perf(router): reduce lookup time by 30%',
    'refactor(types)!: remove ResSerializerReply type (#6911)\n\nBREAKING CHANGE: ResSerializerReply is no longer exported from types/logger.',
  ];

  test('breaking first and flagged, then new, improved, fixed; non-user-facing commits left out', async () => {
    const d = await draft(RANGE, 'Fastify');
    expect(d.headline).toBe('Breaking change: res serializer reply type removed');
    expect(d.blurb).toMatch(/Breaking change: res serializer reply is no longer exported from types\/logger\./);
    expect(d.captions.x).toMatch(/Breaking changes inside/);
    const headings = d.changelog.split('\n').filter((l) => l && !l.startsWith('-') && !l.startsWith(' '));
    expect(headings).toEqual(['Breaking changes', 'New', 'Improved', 'Fixed']);
    expect(d.changelog).not.toMatch(/broken links|Bumped|lodash|backport|spyWarning|split the router|dark mode|Merge|esbuild/);
    expect(isClean(d)).toBe(true);
  });

  test('without a breaking change the most user-visible change leads', async () => {
    const d = await draft(RANGE.slice(0, -1), 'Fastify');
    expect(d.headline).toBe('Faster router: lookup time down 30%');
    expect(d.captions.linkedin).toMatch(/• New: Reply media type/);
  });

  test('a lone version bump is still drafted so the person has something to edit', async () => {
    const d = await draft(['chore(release): 1.2.0']);
    expect(d.headline.trim()).not.toBe('');
    expect(isClean(d)).toBe(true);
  });
});

describe('reviewing a person\'s edits', () => {
  test('an emptied caption is a variant left out, not a finding; a trailer name typed in is one', async () => {
    const messages = ['feat: add dark mode\n\nCo-authored-by: Ann Lee <ann@example.com>'];
    const d = await draft(messages);
    const kept = reviewEditedCopy({ ...d, captions: { ...d.captions, linkedin: '', mastodon: '' } }, messages, { config, voice, productName: 'Parcelbird' });
    expect(kept).toEqual([]);
    const named = reviewEditedCopy({ ...d, blurb: `${d.blurb} Thanks to Ann Lee at ann@example.com.` }, messages, { config, voice, productName: 'Parcelbird' });
    expect(named.map((v) => v.rule)).toEqual(expect.arrayContaining(['private', 'fact']));
  });
});

describe('commit decorations', () => {
  test('a gitmoji before the type, and thanks to a handle, are not copy', async () => {
    expect((await draft(['✨ feat: add dark mode'])).headline).toBe('New in Parcelbird: dark mode');
    const d = await draft(['Improve error messages for invalid webhooks (@alice, thanks!)']);
    expect(d.headline).toBe('Parcelbird now improves error messages for invalid webhooks');
    expect(JSON.stringify(d)).not.toMatch(/alice|thanks|\(\s*[,)]/);
  });

  test('a fix named by its problem says it is fixed, in a full sentence', async () => {
    const d = await draft(['fix(auth): crash when token is missing']);
    expect(d.headline).toBe('Fixed crash when token is missing');
    expect(d.blurb).toMatch(/^Parcelbird fixes crash when token is missing\./);
  });
});
