import { ephemeralButtonClick, messageShortcut } from '../support/interactive';
import { mentionEvent, postSigned } from '../support/signed';
import { ADMIN, JUNIOR, renderedText, SECRET, useSlackHarness } from './harness';

/**
 * Slash commands and shortcuts in conversations the bot is not a member of (a private channel,
 * a DM between two people): chat.postEphemeral fails there with not_in_channel /
 * channel_not_found, so replies must go through the request's response_url.
 */

const PRIVATE = 'GPRIVATE1';
const PEOPLE_DM = 'DPEOPLE01';
let reindexCalls = 0;
const fx = useSlackHarness({ reindex: async () => void reindexCalls++ });

beforeEach(() => {
  fx.fake.closeChannel(PRIVATE, 'not_in_channel');
  fx.fake.closeChannel(PEOPLE_DM, 'channel_not_found');
});

const ephemeralOk = () => fx.fake.callsTo('chat.postEphemeral').filter((c) => ![PRIVATE, PEOPLE_DM].includes(String(c.args.channel)));
const viaResponseUrl = (user: string) => fx.fake.privateReplies(user).filter((c) => c.method.startsWith('response/'));

test('/scaffold in a private channel the bot is not in: the result arrives through the response_url, ephemeral', async () => {
  const res = await fx.h.command({ command: '/scaffold', text: 'a controller for refunds', user: JUNIOR, channel: PRIVATE });
  expect(res.status).toBe(200);
  const reply = await fx.fake.waitFor(() => viaResponseUrl(JUNIOR).find((c) => /Scaffold/.test(renderedText(c.args))));
  expect(reply.args).toMatchObject({ response_type: 'ephemeral', channel: PRIVATE });
  expect(renderedText(reply.args)).toMatch(/Offline skeleton/);
  expect(fx.fake.callsTo('chat.postMessage')).toHaveLength(0); // nothing public, no DM needed
});

test('/schema-review in a DM between two people: the review arrives through the response_url', async () => {
  await fx.h.command({ command: '/schema-review', text: '', user: JUNIOR, channel: PEOPLE_DM });
  const reply = await fx.fake.waitFor(() => viaResponseUrl(JUNIOR).find((c) => /accounts/.test(renderedText(c.args))));
  expect(reply.args.response_type).toBe('ephemeral');
  expect(ephemeralOk()).toHaveLength(0);
});

test('/deskmate reindex and stats from a private channel reply through the response_url', async () => {
  await fx.h.command({ text: 'reindex', user: ADMIN, channel: PRIVATE });
  const done = await fx.fake.waitFor(() => viaResponseUrl(ADMIN).find((c) => /Re-index done/.test(String(c.args.text))));
  expect(done.args.channel).toBe(PRIVATE);
  expect(reindexCalls).toBeGreaterThan(0);
  await fx.h.command({ text: 'stats', user: JUNIOR, channel: PRIVATE });
  const stats = await fx.fake.waitFor(() => viaResponseUrl(JUNIOR)[0]);
  expect(String(stats.args.text)).toMatch(/Metrics are not recorded|report/i);
});

test('/copy in a private channel: the draft with its buttons arrives through the response_url', async () => {
  await fx.h.command({ command: '/copy', text: 'feat(search): filter shipments by carrier', user: JUNIOR, channel: PRIVATE });
  const shown = await fx.fake.waitFor(() => viaResponseUrl(JUNIOR).find((c) => Array.isArray(c.args.blocks)));
  expect(renderedText(shown.args)).toContain('copy_approve');
  expect(fx.fake.callsTo('chat.postMessage')).toHaveLength(0);
});

test('the "Draft copy" message shortcut replies through its response_url', async () => {
  const url = fx.fake.responseUrl({ user: JUNIOR, channel: PRIVATE });
  const { raw, contentType } = messageShortcut({ callbackId: 'draft_copy', user: JUNIOR, channel: PRIVATE, text: 'fix: keep the cursor when a page is empty', responseUrl: url });
  expect((await postSigned(fx.h.url, raw, { secret: SECRET, contentType })).status).toBe(200);
  const shown = await fx.fake.waitFor(() => viaResponseUrl(JUNIOR).find((c) => Array.isArray(c.args.blocks)));
  expect(renderedText(shown.args)).toContain('Release copy draft');
});

test('a used-up response_url falls back to an ephemeral message, then to a DM where that fails too', async () => {
  const url = fx.fake.responseUrl({ user: JUNIOR, channel: PRIVATE });
  for (let i = 0; i < 5; i++) await fetch(url, { method: 'POST', body: JSON.stringify({ text: 'earlier reply' }) });
  const { raw, contentType } = messageShortcut({ callbackId: 'draft_copy', user: JUNIOR, channel: PRIVATE, text: 'fix: keep the cursor when a page is empty', responseUrl: url });
  await postSigned(fx.h.url, raw, { secret: SECRET, contentType });
  const dm = await fx.fake.waitFor(() => fx.fake.callsTo('chat.postMessage').find((c) => c.args.channel === JUNIOR));
  expect(renderedText(dm.args)).toContain('Release copy draft');
  expect(fx.fake.callsTo('chat.postEphemeral').map((c) => c.args.channel)).toEqual([PRIVATE]); // tried, refused
});

test('whatever the app sends passes the block check: a block Slack would reject is dropped, the message still arrives', async () => {
  await fx.h.deskmate.runtime.client.chat.postMessage({ channel: 'CGENERAL', text: 'hello', blocks: [{ type: 'header', text: { type: 'plain_text', text: '  ' } }, { type: 'section', text: { type: 'mrkdwn', text: 'kept' } }] });
  const sent = fx.fake.callsTo('chat.postMessage').at(-1)!;
  expect(sent.args.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'kept' } }]);
});

test('a mention in a channel the bot cannot post in is explained to the asker by DM, not dropped', async () => {
  fx.fake.closeChannel('CNOTMEMBER', 'not_in_channel');
  await fx.h.sendEvent(mentionEvent({ channel: 'CNOTMEMBER', user: JUNIOR, text: 'How do I list shipments?' }));
  await fx.h.deskmate.idle();
  const dm = fx.fake.callsTo('chat.postMessage').find((c) => c.args.channel === JUNIOR);
  expect(String(dm?.args.text)).toMatch(/cannot reply there: I am not a member.*not_in_channel.*\/invite @Deskmate/);
  expect((await fx.h.store.recentQuestions(JUNIOR, 1))[0].status).toBe('failed');
});

test('buttons on a private draft in a channel the bot is not in: refusals and replacements use the click\'s response_url', async () => {
  await fx.h.command({ command: '/copy', text: 'feat(search): filter shipments by carrier', user: JUNIOR, channel: PRIVATE });
  const shown = await fx.fake.waitFor(() => viaResponseUrl(JUNIOR).find((c) => Array.isArray(c.args.blocks)));
  const draftId = JSON.stringify(shown.args.blocks).match(/"action_id":"copy_discard","value":"([^"]+)"/)![1];
  const clickAs = async (user: string) => {
    const url = fx.fake.responseUrl({ user, channel: PRIVATE });
    const { raw, contentType } = ephemeralButtonClick({ actionId: 'copy_discard', value: draftId, user, channel: PRIVATE, responseUrl: url });
    await postSigned(fx.h.url, raw, { secret: SECRET, contentType });
    return url;
  };
  await clickAs('UBYSTANDER');
  const refusal = await fx.fake.waitFor(() => viaResponseUrl('UBYSTANDER')[0]);
  expect(String(refusal.args.text)).toMatch(/Only <@UJUNIOR>/);
  const url = await clickAs(JUNIOR);
  const replaced = await fx.fake.waitFor(() => fx.fake.calls.find((c) => url.endsWith(c.method) && c.args.replace_original === true));
  expect(String(replaced.args.text)).toMatch(/discarded/);
  expect(fx.fake.callsTo('chat.postMessage')).toHaveLength(0);
});
