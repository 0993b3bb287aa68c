import { messageEvent, mentionEvent } from '../support/signed';
import { accessVerdict, EXTERNAL_REPLY, GUEST_REPLY, isExternalAuthor } from '../../src/slack/guards';
import { ACTION_IDS } from '../../src/slack/blocks/answer';
import { CHANNEL, JUNIOR, PROACTIVE_CHANNEL, renderedText, SENIOR_DEFAULT, useSlackHarnessPerTest } from '../slack/harness';

const GUEST = 'UGUEST1';
const fx = useSlackHarnessPerTest();

/** Whether any message Deskmate sent carries an answer from the docs (a sources block). */
const answeredFromDocs = () => [...fx.fake.callsTo('chat.update'), ...fx.fake.callsTo('chat.postMessage')].some((c) => renderedText(c.args).includes('*Sources:*'));

describe('access policy (pure)', () => {
  const closed = { allowGuests: false, allowExternal: false };
  test.each([
    [{ guest: false, external: false }, closed, true],
    [{ guest: true, external: false }, closed, false],
    [{ guest: false, external: true }, closed, false],
    [{ guest: true, external: false }, { ...closed, allowGuests: true }, true],
    [{ guest: false, external: true }, { ...closed, allowExternal: true }, true],
    [{ guest: true, external: true }, { allowGuests: true, allowExternal: false }, false],
  ])('%j under %j → allowed %s', (audience, access, ok) => {
    expect(accessVerdict(audience, access).ok).toBe(ok);
  });
  test('the author is external when their team differs from the installation team', () => {
    const body = { team_id: 'T0001', authorizations: [{ team_id: 'T0001' }] };
    expect(isExternalAuthor(body, { user_team: 'TOTHER' })).toBe(true);
    expect(isExternalAuthor(body, { user_team: 'T0001', team: 'T0001' })).toBe(false);
    expect(isExternalAuthor(body, {})).toBe(false);
  });
});

describe('guests and other organisations over signed HTTP', () => {
  test('a guest gets a polite refusal and nothing from the internal docs', async () => {
    await fx.start();
    fx.fake.userProfiles.set(GUEST, { is_restricted: true });
    await fx.h.sendEvent(mentionEvent({ channel: CHANNEL, user: GUEST, text: 'How do I list shipments?' }));
    await fx.h.deskmate.idle();
    expect(fx.fake.callsTo('chat.postMessage').map((c) => c.args.text)).toContain(GUEST_REPLY);
    expect(answeredFromDocs()).toBe(false);
  });

  test('a single-channel guest is refused too, and stays unanswered in proactive channels', async () => {
    await fx.start();
    fx.fake.userProfiles.set(GUEST, { is_ultra_restricted: true });
    await fx.h.sendEvent(messageEvent({ channel: PROACTIVE_CHANNEL, user: GUEST, text: `<@${SENIOR_DEFAULT}> how do I list shipments?` }));
    await fx.h.sendEvent(mentionEvent({ channel: CHANNEL, user: GUEST, text: 'How do I list shipments?' }));
    await fx.h.deskmate.idle();
    expect(answeredFromDocs()).toBe(false);
    expect(fx.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === PROACTIVE_CHANNEL)).toHaveLength(0);
  });

  test('access.allowGuests lets guests read the docs', async () => {
    await fx.start({ access: { allowGuests: true } });
    fx.fake.userProfiles.set(GUEST, { is_restricted: true });
    await fx.h.sendEvent(mentionEvent({ channel: CHANNEL, user: GUEST, text: 'How do I list shipments?' }));
    await fx.h.deskmate.idle();
    expect(answeredFromDocs()).toBe(true);
  });

  test('a Slack Connect user from another organisation is refused, in a channel and in a DM', async () => {
    await fx.start();
    await fx.h.sendEvent({ ...mentionEvent({ channel: CHANNEL, user: 'UEXT1', text: 'How do I list shipments?' }), user_team: 'TOTHERORG' });
    await fx.h.sendEvent({ ...messageEvent({ channel: 'DEXT1', channel_type: 'im', user: 'UEXT1', text: 'How do I list shipments?' }), user_team: 'TOTHERORG' });
    await fx.h.deskmate.idle();
    await fx.fake.waitFor(() => fx.fake.callsTo('chat.postMessage').filter((c) => c.args.text === EXTERNAL_REPLY).length === 2);
    expect(answeredFromDocs()).toBe(false);
    expect(await fx.h.store.pendingQuestions()).toHaveLength(0);
  });

  test('access.allowExternal lets Slack Connect users ask', async () => {
    await fx.start({ access: { allowExternal: true } });
    await fx.h.sendEvent({ ...mentionEvent({ channel: CHANNEL, user: 'UEXT1', text: 'How do I list shipments?' }), user_team: 'TOTHERORG' });
    await fx.h.deskmate.idle();
    expect(answeredFromDocs()).toBe(true);
  });

  test('when users.info fails the asker is asked to retry, not answered from the docs (fail closed)', async () => {
    await fx.start();
    fx.fake.failNext('users.info', 'ratelimited_forever');
    await fx.h.sendEvent(mentionEvent({ channel: CHANNEL, user: 'UNEWUSER', text: 'How do I list shipments?' }));
    await fx.h.deskmate.idle();
    expect(answeredFromDocs()).toBe(false);
    expect(fx.fake.callsTo('chat.postMessage').some((c) => /could not check your account/.test(String(c.args.text)))).toBe(true);
  });
});

describe('DM content stays private', () => {
  test('a DM question escalated with "Ask a senior" never appears in any channel, and the senior DM quotes nothing', async () => {
    await fx.start();
    const dm = 'DJUNIOR1';
    const secretPhrase = 'bluefalcon-migration';
    await fx.h.sendEvent(messageEvent({ channel: dm, channel_type: 'im', user: JUNIOR, text: `how do I list shipments for the ${secretPhrase} project?` }));
    await fx.h.deskmate.idle();
    const [question] = await fx.h.store.recentQuestions(JUNIOR, 1);
    expect(question.text).toContain(secretPhrase);
    await fx.h.click({ actionId: ACTION_IDS.askSenior, value: String(question.id), user: JUNIOR, channel: dm });
    const seniorDm = await fx.fake.waitFor(() => fx.fake.callsTo('chat.postMessage').find((c) => String(c.args.channel).startsWith('USENIOR')));
    await fx.h.deskmate.idle();
    expect(renderedText(seniorDm.args)).toContain(`<@${JUNIOR}>`);
    const outsideTheDm = [...fx.fake.callsTo('chat.postMessage'), ...fx.fake.callsTo('chat.update'), ...fx.fake.callsTo('chat.postEphemeral')].filter((c) => c.args.channel !== dm);
    expect(outsideTheDm.length).toBeGreaterThan(0);
    for (const call of outsideTheDm) expect(renderedText(call.args)).not.toContain(secretPhrase);
  });
});
