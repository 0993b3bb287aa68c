import type { CopyDraft } from '../../src/copy/types';
import { announcementText, copyDraftMessage, copyEditModal, editedCopy, escapeMrkdwn, parseEditMetadata } from '../../src/slack/blocks/copy';
import { commitMessagesFromSlack, slackToPlain } from '../../src/slack/copy-input';
import { refusal } from '../../src/slack/copy-flow';
import type { CopyDraftRecord } from '../../src/store/types';

const draft: CopyDraft = {
  headline: 'Filter shipments by carrier',
  blurb: 'Shipments can be filtered by carrier. Lists load 400ms sooner.',
  captions: { x: 'Filter shipments by carrier.', linkedin: 'Filter shipments by carrier <now>.', mastodon: 'Filter shipments & carriers.' },
  changelog: 'feat(search): filter shipments by carrier (#7)',
  facts: ['400ms', '#7'],
  violations: [
    { rule: 'banned_phrase', field: 'blurb', detail: 'banned phrase "seamless"', fixed: true, repair: 'removed' },
    { rule: 'length', field: 'headline', detail: '80 characters, limit 70', fixed: false },
  ],
  docs: [{ path: 'docs/search.md', section: 'Filters' }],
  source: 'gpt-test',
  attempts: 2,
};
const record = (over: Partial<CopyDraftRecord> = {}): CopyDraftRecord => ({ id: 'd1', user: 'UREQ', channel: 'C1', messages: ['feat: x'], draft, status: 'pending', createdAt: 1, updatedAt: 1, ...over });

describe('Slack text into commit messages', () => {
  test.each([
    ['entities', 'fix: handle a &lt; b &amp;&amp; c &gt; d', 'fix: handle a < b && c > d'],
    ['labelled links', 'fix: see <https://github.com/o/r/pull/9|#9>', 'fix: see #9'],
    ['bare links', 'docs: <https://example.com/a>', 'docs: https://example.com/a'],
    ['a literal &lt; stays literal', 'fix: escape &amp;lt;', 'fix: escape &lt;'],
  ])('%s', (_name, input, expected) => {
    expect(slackToPlain(input)).toBe(expected);
  });

  test('a fenced list of subjects becomes one message per line; --- separates full messages', () => {
    expect(commitMessagesFromSlack('```feat: a\nfix: b```')).toEqual(['feat: a', 'fix: b']);
    expect(commitMessagesFromSlack('feat: a\n\nbody of a\n---\nfix: b')).toEqual(['feat: a\n\nbody of a', 'fix: b']);
    expect(commitMessagesFromSlack('  ')).toEqual([]);
  });
});

describe('who may act on a draft', () => {
  test.each([
    ['the requester on a pending draft', record(), 'UREQ', undefined],
    ['someone else', record(), 'UOTHER', /Only <@UREQ>/],
    ['a missing draft', undefined, 'UREQ', /cannot find/],
    ['an approved draft', record({ status: 'approved' }), 'UREQ', /already approved/],
    ['a discarded draft', record({ status: 'discarded' }), 'UREQ', /discarded/],
    ['a replaced draft', record({ status: 'replaced' }), 'UREQ', /newer one/],
    ['a draft being posted', record({ status: 'posting' }), 'UREQ', /being posted/],
  ])('%s', (_name, r, user, expected) => {
    const why = refusal(r, user);
    if (expected === undefined) expect(why).toBeUndefined();
    else expect(why).toMatch(expected);
  });
});

describe('draft blocks', () => {
  const { blocks, text } = copyDraftMessage(record());
  const json = JSON.stringify(blocks);

  test('fixed and open findings are both listed; Approve asks again while one is open', () => {
    expect(json).toContain('1 fixed, 1 still there');
    expect(json).toContain('✅ fixed, blurb: banned phrase');
    expect(json).toContain('*still there*, headline: 80 characters');
    const actions = blocks.find((b) => b.type === 'actions') as unknown as { elements: Array<Record<string, unknown>> };
    expect(actions.elements.map((e) => e.action_id)).toEqual(['copy_approve', 'copy_edit', 'copy_regenerate', 'copy_discard']);
    expect(actions.elements[0].confirm).toBeDefined();
    expect(copyDraftMessage(record({ draft: { ...draft, violations: [] } })).blocks.find((b) => b.type === 'actions')).not.toHaveProperty('elements.0.confirm');
    expect(text).toContain(draft.headline);
  });

  test('user text cannot form links or mentions; sources and model are cited', () => {
    expect(json).toContain('carrier &lt;now&gt;');
    expect(json).toContain('shipments &amp; carriers');
    expect(json).toContain('docs/search.md#Filters');
    expect(json).toContain('gpt-test');
    expect(escapeMrkdwn('<!channel>')).toBe('&lt;!channel&gt;');
  });

  test('every section stays under Slack limits even for oversized text', () => {
    const huge = 'word '.repeat(2000);
    const big = copyDraftMessage(record({ draft: { ...draft, blurb: huge, violations: Array.from({ length: 200 }, () => draft.violations[1]) } }));
    for (const b of big.blocks) if (b.type === 'section') expect(String((b.text as { text: string }).text).length).toBeLessThanOrEqual(3000);
    expect(big.blocks.length).toBeLessThanOrEqual(50);
  });
});

describe('edit modal round trip', () => {
  test('the modal is prefilled, its values come back as copy, and metadata survives', () => {
    const view = copyEditModal(draft, { draftId: 'd1', channel: 'C1', responseUrl: 'https://hooks.slack.com/x' }) as { blocks: Array<{ block_id?: string; element?: { initial_value: string } }>; private_metadata: string };
    const values: Record<string, Record<string, { value: string }>> = {};
    for (const b of view.blocks) if (b.block_id) values[b.block_id] = { value: { value: b.element!.initial_value } };
    values.headline.value.value = '  New headline  ';
    expect(editedCopy(values, draft)).toEqual({ headline: 'New headline', blurb: draft.blurb, captions: draft.captions, changelog: draft.changelog });
    expect(parseEditMetadata(view.private_metadata)).toEqual({ draftId: 'd1', channel: 'C1', responseUrl: 'https://hooks.slack.com/x' });
    expect(parseEditMetadata('not json')).toBeUndefined();
  });

  test('the announcement is headline, blurb, the platform variants the person kept, and the changelog', () => {
    const { x, linkedin, mastodon } = draft.captions;
    expect(announcementText(draft)).toBe(`${draft.headline}\n\n${draft.blurb}\n\nX:\n${x}\n\nLinkedIn:\n${linkedin}\n\nMastodon:\n${mastodon}\n\nChangelog:\n${draft.changelog}`);
    const onlyX = { ...draft, captions: { x, linkedin: '', mastodon: '  ' } };
    expect(announcementText(onlyX)).toBe(`${draft.headline}\n\n${draft.blurb}\n\nX:\n${x}\n\nChangelog:\n${draft.changelog}`);
  });
});
