import { EXTERNAL_REPLY } from '../../src/slack/guards';
import { slackFixture } from '../support/slack-fixtures';
import { nextTs } from '../support/signed';
import { CHANNEL, renderedText, useSlackHarness } from './harness';

/**
 * Enterprise Grid, with the envelope of Slack's own org-app fixtures (enterprise_id E111, team
 * T111): a user of a sister workspace (same organisation, other user_team) is answered; a user
 * of another organisation in a Slack Connect channel is refused.
 */

const fx = useSlackHarness();
// Installed in the org of Slack's fixtures: the app reads its team, enterprise and app id from auth.test at start.
beforeEach(async () => {
  fx.fake.installation = { team_id: 'T111', enterprise_id: 'E111', app_id: 'A0001' };
  await fx.restart();
});
let seq = 0;

function gridMention(input: { user: string; userTeam: string; extShared: boolean }): { body: Record<string, any>; ts: string } {
  const body = slackFixture('app-mention-rich-text');
  const ts = nextTs();
  body.event_id = `EvGrid${Date.now()}${++seq}`;
  body.enterprise_id = 'E111';
  body.authorizations[0] = { ...body.authorizations[0], enterprise_id: 'E111', team_id: 'T111' };
  body.is_ext_shared_channel = input.extShared;
  Object.assign(body.event, { channel: CHANNEL, user: input.user, team: input.userTeam, user_team: input.userTeam, source_team: 'T111', ts, event_ts: ts, text: `<@${fx.fake.botUserId}> how do I list shipments?` });
  body.event.blocks[0].elements[0].elements = [{ type: 'user', user_id: fx.fake.botUserId }, { type: 'text', text: ' how do I list shipments?' }];
  return { body, ts };
}

const replies = (ts: string) => fx.fake.threadPosts(CHANNEL, ts).map((c) => renderedText(c.args));

test('a sister-workspace user (same enterprise_id, other user_team) in an org channel is answered, not refused', async () => {
  const { body, ts } = gridMention({ user: 'WSISTER1', userTeam: 'T222', extShared: false });
  expect((await fx.h.sendBody(body)).status).toBe(200);
  await fx.h.deskmate.idle();
  expect(replies(ts).some((t) => t.includes(EXTERNAL_REPLY))).toBe(false);
  expect(renderedText(fx.fake.callsTo('chat.update').at(-1)!.args)).toMatch(/GET \/shipments/);
});

test('in a Slack Connect channel, a user whose account is in the same enterprise is answered', async () => {
  fx.fake.userProfiles.set('WSISTER2', { team_id: 'T222', enterprise_user: { enterprise_id: 'E111', teams: ['T111', 'T222'] } });
  const { body, ts } = gridMention({ user: 'WSISTER2', userTeam: 'T222', extShared: true });
  await fx.h.sendBody(body);
  await fx.h.deskmate.idle();
  expect(replies(ts).some((t) => t.includes(EXTERNAL_REPLY))).toBe(false);
  expect(fx.fake.callsTo('chat.update')).toHaveLength(1);
});

test('a user of another enterprise in a Slack Connect channel is still refused, and nothing is answered', async () => {
  fx.fake.userProfiles.set('WOTHER01', { team_id: 'T999', enterprise_user: { enterprise_id: 'E999', teams: ['T999'] } });
  const { body, ts } = gridMention({ user: 'WOTHER01', userTeam: 'T999', extShared: true });
  await fx.h.sendBody(body);
  const refusal = await fx.fake.waitFor(() => replies(ts).find((t) => t.includes(EXTERNAL_REPLY)));
  expect(refusal).toBeDefined();
  await fx.h.deskmate.idle();
  expect(fx.fake.callsTo('chat.update')).toHaveLength(0);
});

test('outside Enterprise Grid another team is still external (Slack Connect between workspaces)', async () => {
  // A workspace outside any Grid org: installed as plain T111.
  fx.fake.installation = { team_id: 'T111', app_id: 'A0001' };
  await fx.restart();
  const { body, ts } = gridMention({ user: 'UOTHER02', userTeam: 'T999', extShared: true });
  delete body.enterprise_id;
  body.team_id = 'T111';
  body.authorizations[0].enterprise_id = null;
  await fx.h.sendBody(body);
  await fx.fake.waitFor(() => replies(ts).find((t) => t.includes(EXTERNAL_REPLY)));
});
