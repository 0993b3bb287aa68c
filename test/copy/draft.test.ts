import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { loadBrandVoice } from '../../src/copy/brand-voice';
import { draftCopy, isClean } from '../../src/copy/draft';
import { buildInventory } from '../../src/copy/facts';
import { checkCopy } from '../../src/copy/guards';
import { charLength, sentences, xLength } from '../../src/copy/text-rules';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'copy-draft-'));
const config = loadConfig({ env: {}, cwd: tmp });
const voice = loadBrandVoice(config);

const messages = [
  'perf(search): latency reduced by 400ms (#120)',
  'feat(api)!: drop the v1 endpoints\n\nBREAKING CHANGE: clients must call /v2',
  'fix: a seamless retry when the upstream returns 503 (#88)',
  'Added CSV export to the reports page',
  '✨ feat: add dark mode',
  'chore(deps): bump lodash from 4.17.20 to 4.17.21',
  'feat(ui): support the very long option names that some teams configure for their enterprise deployments across many regions',
];

describe('offline drafter', () => {
  test.each(messages)('copy for %j is clean, within budget and traceable', async (message) => {
    const draft = await draftCopy([message], { config, voice, productName: 'Parcelbird', model: null });
    expect(draft.source).toBe('offline');
    expect(isClean(draft)).toBe(true);
    expect(checkCopy(draft, { voice, inventory: buildInventory([message], ['Parcelbird']) })).toEqual([]);
    expect(charLength(draft.headline)).toBeLessThanOrEqual(70);
    expect(xLength(draft.captions.x)).toBeLessThanOrEqual(280);
    expect(sentences(draft.blurb).length).toBeGreaterThanOrEqual(2);
    expect(sentences(draft.blurb).length).toBeLessThanOrEqual(3);
    expect(draft.headline).not.toMatch(/#\d|`|^\w+(\(.*\))?!?:/);
  });

  test('the sample latency figure survives as written and no percentage appears', async () => {
    const draft = await draftCopy(['perf(search): latency reduced by 400ms (#120)'], { config, voice, productName: 'Parcelbird', model: null });
    expect(draft.headline).toBe('Faster search: latency down 400 ms');
    expect(draft.blurb).toContain('Search latency is down 400 ms.');
    expect(JSON.stringify({ ...draft, changelog: '' })).not.toMatch(/%|#120/);
    expect(draft.changelog).toBe('Improved\n- search: Latency reduced by 400ms (#120)');
    expect(draft.facts).toEqual(['400ms']);
  });

  test('a breaking change is said out loud with its note', async () => {
    const draft = await draftCopy(['feat(api)!: drop the v1 endpoints\n\nBREAKING CHANGE: clients must call /v2'], { config, voice, productName: 'Parcelbird', model: null });
    expect(draft.blurb).toContain('Breaking change: clients must call /v2.');
    expect(draft.headline).toMatch(/^Breaking change: /);
    expect(draft.changelog).toBe('Breaking changes\n- api: Drop the v1 endpoints\n  clients must call /v2');
  });

  test('a banned word in the commit itself is removed from the copy and reported as fixed', async () => {
    const draft = await draftCopy(['fix: a seamless retry when the upstream returns 503 (#88)'], { config, voice, productName: 'Parcelbird', model: null });
    expect(draft.headline.toLowerCase()).not.toContain('seamless');
    expect(draft.violations).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'banned_phrase', fixed: true })]));
  });

  test('chores are left out when features exist, and several commits are listed', async () => {
    const draft = await draftCopy(['chore: bump deps', 'feat: add dark mode', 'fix: keep the sidebar open'], { config, voice, productName: 'Parcelbird', model: null });
    expect(draft.headline).toBe('New in Parcelbird: dark mode');
    expect(draft.blurb).toBe('Parcelbird now has dark mode. Parcelbird now keeps the sidebar open.');
    expect(draft.changelog).toBe('New\n- Add dark mode\n\nFixed\n- Keep the sidebar open');
    expect(draft.captions.linkedin).toContain('What changed:\n• New: Dark mode\n• Fixed: Keep the sidebar open');
  });

  test('the same input gives the same draft', async () => {
    const a = await draftCopy(messages, { config, voice, productName: 'Parcelbird', model: null });
    const b = await draftCopy(messages, { config, voice, productName: 'Parcelbird', model: null });
    expect(a).toEqual(b);
    expect(isClean(a)).toBe(true);
  });

  test('docs about the changed feature are used and cited; unrelated docs are not', async () => {
    const context = [
      { path: 'guides/search.md', section: 'Search > Ranking', text: '# Ranking\nSearch ranks results by relevance so the best answers appear first.' },
      { path: 'guides/billing.md', section: 'Billing > Invoices', text: 'Invoices are emailed monthly.' },
    ];
    const draft = await draftCopy(['perf(search): rank search results faster'], { config, voice, productName: 'Parcelbird', model: null, context });
    expect(draft.docs).toEqual([{ path: 'guides/search.md', section: 'Search > Ranking' }]);
    expect(draft.blurb).toContain('Search ranks results by relevance so the best answers appear first.');
  });

  test('a docs sentence with a figure the commits lack is not used', async () => {
    const context = [{ path: 'guides/search.md', section: 'Search', text: 'Search results load in 50ms for most search queries on the ranking page.' }];
    const draft = await draftCopy(['perf(search): rank search results faster'], { config, voice, productName: 'Parcelbird', model: null, context });
    expect(draft.blurb).not.toContain('50ms');
  });

  test('no message is a usage error', async () => {
    await expect(draftCopy(['  '], { config, voice, model: null })).rejects.toMatchObject({ code: 'usage_error' });
  });

  test('a configured brand voice file replaces the default', async () => {
    fs.writeFileSync(path.join(tmp, 'voice.yaml'), 'banned: [dark]\n');
    const custom = loadConfig({ env: {}, cwd: tmp });
    custom.copy.brandVoiceFile = 'voice.yaml';
    const draft = await draftCopy(['feat: add dark mode'], { config: custom, cwd: tmp, productName: 'Parcelbird', model: null });
    expect(draft.headline).toBe('New in Parcelbird: mode');
    expect(draft.violations.some((v) => v.rule === 'banned_phrase' && v.fixed)).toBe(true);
  });
});
