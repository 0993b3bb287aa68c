import { MetricsRecorder } from '../../src/metrics/recorder';
import { mentionedIds, rosterFromConfig, seniorPings } from '../../src/metrics/pings';
import { SqliteMetricsStore } from '../../src/metrics/sqlite';
import type { MetricEvent, MetricsStore } from '../../src/metrics/types';
import { configSchema } from '../../src/config';
import { tmpDir } from '../support/tmp';

const roster = { seniors: ['USEN1', 'USEN2', 'SPLATFORM'], groupMembers: { SPLATFORM: ['USEN3'] } };

describe('senior pings', () => {
  test.each([
    ['<@USEN1> how do I page the accounts API?', 'UJUN', ['USEN1']],
    ['hey <@USEN1|maria> and <@USEN2>, quick one', 'UJUN', ['USEN1', 'USEN2']],
    ['<!subteam^SPLATFORM|@platform> is the deploy blocked?', 'UJUN', ['SPLATFORM']],
    ['<@USEN3> can you look?', 'UJUN', ['USEN3']], // a member of a senior group is a senior
    ['<@UOTHER> lunch?', 'UJUN', []],
    ['<@USEN1> thoughts on this?', 'USEN2', []], // seniors talking to each other is not an interruption
    ['<@USEN1> ping', 'USEN3', []],
    ['no mentions here, how do I deploy?', 'UJUN', []],
  ])('%s from %s pings %j', (text, user, expected) => {
    expect(seniorPings({ user, text }, roster)).toEqual(expected);
  });

  test('mentions are parsed in both Slack forms, once each', () => {
    expect(mentionedIds('<@U1> <@U1|a> <!subteam^S9> <!subteam^S9|@g> <#C1|general>')).toEqual({ users: ['U1'], groups: ['S9'] });
  });

  test('the roster joins DESKMATE_SENIORS and every topic\'s seniors', () => {
    const config = configSchema.parse({ seniors: 'U1,U2', topics: [{ name: 'api', keywords: ['api'], seniors: ['U2', 'S7'] }] });
    expect(rosterFromConfig(config).seniors.sort()).toEqual(['S7', 'U1', 'U2']);
  });
});

describe('MetricsRecorder', () => {
  let store: SqliteMetricsStore;
  let clock: number;
  const all = () => store.eventsBetween(0, Number.MAX_SAFE_INTEGER);
  beforeEach(() => {
    store = SqliteMetricsStore.open(tmpDir());
    clock = 1_000;
  });
  afterEach(() => store.close());
  const recorder = (mode: 'active' | 'observe' = 'active') => new MetricsRecorder(store, mode, () => clock++);

  test('a junior pinging a senior with a question is recorded with the thread ref and no text', async () => {
    const pinged = await recorder('observe').observeChannelMessage({ channel: 'C1', ts: '10.1', user: 'UJUN', text: '<@USEN1> how do I page the accounts API?' }, roster);
    expect(pinged).toEqual(['USEN1']);
    expect(await all()).toEqual([{ type: 'senior_ping', at: 1_000, ref: 'C1:10.1', actor: 'UJUN', senior: 'USEN1', channel: 'C1', channelKind: 'channel', isQuestion: true, mode: 'observe' }]);
  });

  test('a statement ping is an interruption that is not a question', async () => {
    await recorder().observeChannelMessage({ channel: 'C1', ts: '10.1', user: 'UJUN', text: '<@USEN2> deployed the fix to staging just now' }, roster);
    expect((await all())[0]).toMatchObject({ type: 'senior_ping', isQuestion: false });
  });

  test('a senior replying in a thread is recorded as a senior reply, a top-level senior message is not', async () => {
    const r = recorder();
    expect(await r.observeChannelMessage({ channel: 'C1', ts: '11.1', threadTs: '10.1', user: 'USEN1', text: 'use the cursor param' }, roster)).toEqual([]);
    await r.observeChannelMessage({ channel: 'C1', ts: '12.1', user: 'USEN1', text: 'morning all' }, roster);
    expect(await all()).toEqual([expect.objectContaining({ type: 'senior_replied', ref: 'C1:10.1', senior: 'USEN1' })]);
  });

  test('DM question text is dropped; channel text is kept for knowledge gaps', async () => {
    const r = recorder();
    await r.questionAsked({ ref: 'D1:1', user: 'UJUN', channel: 'D1', channelKind: 'dm', intent: 'answer', confidence: 0.2, topic: 'api', text: 'private' });
    await r.questionAsked({ ref: 'C1:1', user: 'UJUN', channel: 'C1', channelKind: 'channel', intent: 'answer', confidence: 0.2, topic: 'api', text: 'How do I page?' });
    const [dm, channel] = await all();
    expect(dm.text).toBeUndefined();
    expect(channel.text).toBe('How do I page?');
  });

  test('the lifecycle events carry who and why', async () => {
    const r = recorder();
    await r.answered('C1:1', 'bot');
    await r.escalated('C1:1', 'USEN1', 'why_question');
    await r.escalationClaimed('C1:1', 'USEN1');
    await r.escalationResolved('C1:1', 'USEN1');
    await r.feedback('C1:1', 'UJUN', 'solved');
    expect((await all()).map((e: MetricEvent) => [e.type, e.actor, e.senior ?? null, e.reason ?? e.feedback ?? null])).toEqual([
      ['answered', 'bot', null, null],
      ['escalated', 'bot', 'USEN1', 'why_question'],
      ['escalation_claimed', 'USEN1', 'USEN1', null],
      ['escalation_resolved', 'USEN1', 'USEN1', null],
      ['feedback', 'UJUN', null, 'solved'],
    ]);
  });

  test('a failing store is logged, never thrown at the listener', async () => {
    const broken: MetricsStore = { record: async () => Promise.reject(new Error('disk full')), recordMany: async () => undefined, eventsBetween: async () => [], baseline: async () => ({ pings: 0, perSenior: {} }), close: async () => undefined };
    await expect(new MetricsRecorder(broken, 'active').answered('C1:1', 'bot')).resolves.toBeUndefined();
  });
});
