import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../src/paths';
import { announcementText } from '../../src/slack/blocks/copy';
import { FakeSlack, type SlackCall } from '../support/fake-slack';
import { ephemeralButtonClick, messageShortcut, viewSubmission } from '../support/interactive';
import { postSigned } from '../support/signed';
import { buildSampleIndex, CHANNEL, JUNIOR, renderedText, SECRET, SENIOR_API, startHarness, tempDataDir, type Harness } from './harness';

/** The /copy approval flow end to end: signed requests in, the loopback fake Slack records what went out. */

const ANNOUNCE = 'CANNOUNCE';
const COMMITS = ['perf(shipments): cut list latency by 400ms (#212)', '---', 'feat(search): filter shipments by carrier', '', 'Adds a carrier filter to the shipments search.'].join('\n');

let indexDir: string;
let fake: FakeSlack;
let dataDir: string;
let h: Harness;

async function start(copy: Record<string, unknown> = { announcementsChannel: ANNOUNCE }): Promise<Harness> {
  return startHarness({ fake, dataDir, indexDir, configExtra: { copy } });
}

beforeAll(async () => {
  indexDir = await buildSampleIndex();
});
beforeEach(async () => {
  fake = await FakeSlack.start();
  dataDir = tempDataDir();
  h = await start();
});
afterEach(async () => {
  await h.stop();
  await fake.close();
});

const responses = (url: string) => fake.callsTo(url.slice(fake.url.length));
const publicPosts = () => fake.callsTo('chat.postMessage');
/** Private notices: ephemeral messages, and response_url posts that add a message rather than replace the draft. */
const notices = () => fake.calls.filter((c) => c.method === 'chat.postEphemeral' || (c.method.startsWith('response/') && c.args.replace_original !== true && c.args.response_type === 'ephemeral'));

function draftIdOf(call: SlackCall): string {
  const actions = (call.args.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>).find((b) => b.type === 'actions');
  const approve = actions?.elements?.find((e) => e.action_id === 'copy_approve');
  expect(approve).toBeDefined();
  return approve!.value;
}

async function requestDraft(user = JUNIOR): Promise<{ draftId: string; shown: SlackCall }> {
  const res = await h.command({ command: '/copy', text: COMMITS, user, channel: CHANNEL });
  expect(res.status).toBe(200);
  const shown = await fake.waitFor(() => fake.privateReplies(user).find((c) => Array.isArray(c.args.blocks)));
  return { draftId: draftIdOf(shown), shown };
}

async function click(actionId: string, draftId: string, user: string, url = fake.responseUrl({ user, channel: CHANNEL })): Promise<string> {
  const { raw, contentType } = ephemeralButtonClick({ actionId, value: draftId, user, channel: CHANNEL, responseUrl: url });
  expect((await postSigned(h.url, raw, { secret: SECRET, contentType })).status).toBe(200);
  return url;
}

describe('/copy: the draft is private to its requester', () => {
  test('an empty /copy answers with the usage and drafts nothing', async () => {
    const res = await h.command({ command: '/copy', text: '   ', user: JUNIOR, channel: CHANNEL });
    expect(res.status).toBe(200);
    expect(res.body).toContain('/copy <commit messages>');
    expect(res.body).toContain('---');
    expect(fake.callsTo('chat.postEphemeral')).toHaveLength(0);
    expect(publicPosts()).toHaveLength(0);
  });

  test('/copy acks at once, then shows the draft only to the requester with the four buttons; nothing is posted publicly', async () => {
    const res = await h.command({ command: '/copy', text: COMMITS, user: JUNIOR, channel: CHANNEL });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    expect(JSON.parse(res.body)).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('2 commits') });
    const shown = await fake.waitFor(() => fake.privateReplies(JUNIOR).find((c) => Array.isArray(c.args.blocks)));
    expect(shown.args.channel).toBe(CHANNEL);
    const text = renderedText(shown.args);
    for (const id of ['copy_approve', 'copy_edit', 'copy_regenerate', 'copy_discard']) expect(text).toContain(id);
    for (const label of ['Headline', 'Blurb', 'X', 'LinkedIn', 'Mastodon', 'Changelog']) expect(text).toContain(`*${label}*`);
    expect(text).toContain('*Checks:*');
    expect(text).toContain('400ms');
    expect(publicPosts()).toHaveLength(0);
    const stored = await h.store.getCopyDraft(draftIdOf(shown));
    expect(stored).toMatchObject({ user: JUNIOR, channel: CHANNEL, status: 'pending' });
    expect(stored!.messages).toHaveLength(2);
    // The changelog is several lines now; each line is in the blocks (JSON-escaped newlines between them).
    for (const line of stored!.draft.changelog.split('\n').filter(Boolean)) expect(text).toContain(line.slice(0, 20));
  });

  test('the Draft copy message shortcut drafts from the message text, privately', async () => {
    const { raw, contentType } = messageShortcut({ callbackId: 'draft_copy', user: JUNIOR, channel: CHANNEL, text: '```feat(search): filter shipments by carrier\nfix: keep the cursor when a page is empty```', responseUrl: fake.responseUrl({ user: JUNIOR, channel: CHANNEL }) });
    const res = await postSigned(h.url, raw, { secret: SECRET, contentType });
    expect(res.status).toBe(200);
    const shown = await fake.waitFor(() => fake.privateReplies(JUNIOR).find((c) => Array.isArray(c.args.blocks)));
    expect((await h.store.getCopyDraft(draftIdOf(shown)))!.messages).toEqual(['feat(search): filter shipments by carrier', 'fix: keep the cursor when a page is empty']);
    expect(publicPosts()).toHaveLength(0);
  });
});

describe('/copy: approval', () => {
  test('Approve & post sends the final text once to the announcements channel and records who approved what', async () => {
    const { draftId } = await requestDraft();
    const url = await click('copy_approve', draftId, JUNIOR);
    const post = await fake.waitFor(() => publicPosts()[0]);
    expect(post.args.channel).toBe(ANNOUNCE);
    const draft = (await h.store.getCopyDraft(draftId))!.draft;
    expect(post.args.text).toBe(announcementText(draft));
    await fake.waitFor(() => responses(url)[0]);
    expect(String(responses(url)[0].args.text)).toMatch(/Approved by .* posted to <#CANNOUNCE>/);
    const approvals = await h.store.copyApprovals(draftId);
    expect(approvals).toEqual([expect.objectContaining({ draftId, approver: JUNIOR, channel: ANNOUNCE, finalText: announcementText(draft), messageTs: expect.any(String) })]);
    expect(Math.abs(approvals[0].approvedAt - Date.now())).toBeLessThan(60_000);
    expect((await h.store.getCopyDraft(draftId))!.status).toBe('approved');

    // A second click (double click, replayed payload) posts nothing more.
    await click('copy_approve', draftId, JUNIOR);
    await fake.waitFor(() => notices().find((c) => String(c.args.text).includes('already approved')));
    expect(publicPosts()).toHaveLength(1);
    expect(await h.store.copyApprovals(draftId)).toHaveLength(1);
  });

  test('someone else clicking Approve is refused and nothing is posted', async () => {
    const { draftId } = await requestDraft();
    await click('copy_approve', draftId, SENIOR_API);
    const notice = await fake.waitFor(() => notices().find((c) => c.args.user === SENIOR_API));
    expect(String(notice.args.text)).toContain(`Only <@${JUNIOR}>`);
    expect(publicPosts()).toHaveLength(0);
    expect(await h.store.copyApprovals(draftId)).toEqual([]);
    expect((await h.store.getCopyDraft(draftId))!.status).toBe('pending');
  });

  test('approve still works after a restart between draft and click', async () => {
    const { draftId } = await requestDraft();
    await h.stop();
    h = await start();
    const url = await click('copy_approve', draftId, JUNIOR);
    await fake.waitFor(() => responses(url)[0]);
    expect(publicPosts().map((c) => c.args.channel)).toEqual([ANNOUNCE]);
    expect(await h.store.copyApprovals(draftId)).toHaveLength(1);
  });

  test('without an announcements channel Approve says which setting to set and posts nothing', async () => {
    await h.stop();
    h = await start({});
    const { draftId } = await requestDraft();
    await click('copy_approve', draftId, JUNIOR);
    const notice = await fake.waitFor(() => notices().find((c) => c.args.user === JUNIOR && String(c.args.text).includes('copy.announcementsChannel')));
    expect(String(notice.args.text)).toMatch(/Nothing was posted/);
    expect(publicPosts()).toHaveLength(0);
    expect(await h.store.copyApprovals(draftId)).toEqual([]);
    expect((await h.store.getCopyDraft(draftId))!.status).toBe('pending');
  });

  test('a failed post leaves the draft approvable and records no approval', async () => {
    const { draftId } = await requestDraft();
    fake.failNext('chat.postMessage', 'not_in_channel');
    await click('copy_approve', draftId, JUNIOR);
    const notice = await fake.waitFor(() => notices().find((c) => String(c.args.text).includes('not_in_channel')));
    expect(String(notice.args.text)).toContain('Invite Deskmate');
    expect(await h.store.copyApprovals(draftId)).toEqual([]);
    expect((await h.store.getCopyDraft(draftId))!.status).toBe('pending');
  });
});

describe('/copy: edit, regenerate, discard', () => {
  test('Edit opens a modal with the fields; a banned word typed into the headline is reported by the guard', async () => {
    const { draftId } = await requestDraft();
    const url = await click('copy_edit', draftId, JUNIOR);
    const opened = await fake.waitFor(() => fake.callsTo('views.open')[0]);
    expect(opened.args.trigger_id).toBe('123.456.edit');
    const view = opened.args.view as { callback_id: string; private_metadata: string; blocks: Array<{ block_id?: string; element?: { initial_value?: string } }> };
    const before = (await h.store.getCopyDraft(draftId))!.draft;
    const initial = (id: string) => view.blocks.find((b) => b.block_id === id)?.element?.initial_value;
    expect(initial('headline')).toBe(before.headline);
    expect(initial('mastodon')).toBe(before.captions.mastodon);

    const headline = 'A seamless carrier filter for shipments';
    const values = { headline, blurb: before.blurb, x: before.captions.x, linkedin: before.captions.linkedin, mastodon: before.captions.mastodon, changelog: before.changelog };
    const { raw, contentType } = viewSubmission({ callbackId: view.callback_id, user: JUNIOR, privateMetadata: view.private_metadata, values });
    expect((await postSigned(h.url, raw, { secret: SECRET, contentType })).status).toBe(200);
    const updated = await fake.waitFor(() => responses(url).find((c) => Array.isArray(c.args.blocks)));
    expect(updated.args.replace_original).toBe(true);
    const shown = renderedText(updated.args);
    expect(shown).toContain(headline);
    expect(shown).toMatch(/still there\*, headline: banned phrase \\"seamless\\"/);
    const stored = (await h.store.getCopyDraft(draftId))!;
    expect(stored.draft.headline).toBe(headline);
    expect(stored.draft.violations).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'banned_phrase', field: 'headline', fixed: false })]));
    expect(publicPosts()).toHaveLength(0);
  });

  test('an edit that adds an untraceable figure is reported as a fact violation', async () => {
    const { draftId } = await requestDraft();
    const url = await click('copy_edit', draftId, JUNIOR);
    const opened = await fake.waitFor(() => fake.callsTo('views.open')[0]);
    const before = (await h.store.getCopyDraft(draftId))!.draft;
    const values = { headline: before.headline, blurb: 'Shipment lists are 40% faster. Filter them by carrier too.', x: before.captions.x, linkedin: before.captions.linkedin, mastodon: before.captions.mastodon, changelog: before.changelog };
    const { raw, contentType } = viewSubmission({ callbackId: 'copy_edit_submit', user: JUNIOR, privateMetadata: String((opened.args.view as { private_metadata: string }).private_metadata), values });
    await postSigned(h.url, raw, { secret: SECRET, contentType });
    await fake.waitFor(() => responses(url).find((c) => Array.isArray(c.args.blocks)));
    expect((await h.store.getCopyDraft(draftId))!.draft.violations).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'fact', field: 'blurb', fixed: false })]));
  });

  test('someone else cannot open the edit modal', async () => {
    const { draftId } = await requestDraft();
    await click('copy_edit', draftId, SENIOR_API);
    await fake.waitFor(() => notices().find((c) => c.args.user === SENIOR_API));
    expect(fake.callsTo('views.open')).toHaveLength(0);
  });

  test('Discard replaces the draft with a note, posts nothing, and the draft no longer approves', async () => {
    const { draftId } = await requestDraft();
    const url = await click('copy_discard', draftId, JUNIOR);
    const reply = await fake.waitFor(() => responses(url)[0]);
    expect(reply.args).toMatchObject({ replace_original: true, text: expect.stringMatching(/discarded; nothing was posted/i) });
    expect((await h.store.getCopyDraft(draftId))!.status).toBe('discarded');
    await click('copy_approve', draftId, JUNIOR);
    await fake.waitFor(() => notices().find((c) => String(c.args.text).includes('was discarded')));
    expect(publicPosts()).toHaveLength(0);
  });

  test('Regenerate replaces the draft with a new one; the old one no longer approves', async () => {
    const { draftId } = await requestDraft();
    const url = await click('copy_regenerate', draftId, JUNIOR);
    const reply = await fake.waitFor(() => responses(url).find((c) => Array.isArray(c.args.blocks)));
    const freshId = draftIdOf(reply);
    expect(freshId).not.toBe(draftId);
    expect((await h.store.getCopyDraft(draftId))!.status).toBe('replaced');
    expect((await h.store.getCopyDraft(freshId))!.status).toBe('pending');
    await click('copy_approve', draftId, JUNIOR);
    await fake.waitFor(() => notices().find((c) => String(c.args.text).includes('replaced by a newer one')));
    expect(publicPosts()).toHaveLength(0);
    await click('copy_approve', freshId, JUNIOR);
    expect((await fake.waitFor(() => publicPosts()[0])).args.channel).toBe(ANNOUNCE);
  });
});

test('manifest.json declares /copy and the Draft copy message shortcut', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'manifest.json'), 'utf8'));
  expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toContain('/copy');
  expect(manifest.features.shortcuts).toEqual(expect.arrayContaining([expect.objectContaining({ callback_id: 'draft_copy', type: 'message' })]));
  expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write']));
});
