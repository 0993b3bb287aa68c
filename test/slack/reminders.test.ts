import { sweepEscalations } from '../../src/slack/escalation-sweep';
import { FakeSlack } from '../support/fake-slack';
import { mentionEvent } from '../support/signed';
import { buildSampleIndex, CHANNEL, JUNIOR, SENIOR_API, SENIOR_DEFAULT, startHarness, tempDataDir, type Harness } from './harness';

const SECOND_API_SENIOR = 'USENIORAPI2';
let indexDir: string;
let fake: FakeSlack;
let h: Harness;
let offsetMs = 0;

beforeAll(async () => {
  indexDir = await buildSampleIndex();
});
beforeEach(async () => {
  fake = await FakeSlack.start();
  offsetMs = 0;
  h = await startHarness({
    fake,
    dataDir: tempDataDir(),
    indexDir,
    now: () => new Date(Date.now() + offsetMs),
    configExtra: {
      escalation: { remindAfterMinutes: 60 },
      topics: [{ name: 'api', keywords: ['pagination', 'cursor'], seniors: [SENIOR_API, SECOND_API_SENIOR] }],
    },
  });
});
afterEach(async () => {
  await h.stop();
  await fake.close();
});

test('an unclaimed escalation reminds its senior once, then moves to the next senior of the topic', async () => {
  const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'Why did we choose cursor pagination?' });
  await h.sendEvent(event);
  await h.deskmate.idle();
  const threadTs = String(event.ts);
  const opened = (await h.store.escalationForThread(CHANNEL, threadTs))!;
  expect(opened.senior).toBe(SENIOR_API);

  expect(await sweepEscalations(h.deskmate.runtime)).toEqual({ reminded: 0, reassigned: 0, delivered: 0 }); // too early
  offsetMs = 61 * 60_000;
  expect(await sweepEscalations(h.deskmate.runtime)).toEqual({ reminded: 1, reassigned: 0, delivered: 0 });
  expect(await sweepEscalations(h.deskmate.runtime)).toEqual({ reminded: 0, reassigned: 0, delivered: 0 }); // once only
  expect(fake.threadPosts(CHANNEL, threadTs).some((c) => String(c.args.text).startsWith(`Reminder: <@${SENIOR_API}>`))).toBe(true);

  offsetMs = 122 * 60_000;
  expect(await sweepEscalations(h.deskmate.runtime)).toEqual({ reminded: 0, reassigned: 1, delivered: 0 });
  const moved = (await h.store.getEscalation(opened.id))!;
  expect(moved).toMatchObject({ state: 'open', senior: SECOND_API_SENIOR });
  expect(fake.callsTo('chat.postMessage').some((c) => c.args.channel === SECOND_API_SENIOR)).toBe(true);
  expect(fake.callsTo('chat.postMessage').some((c) => c.args.channel === SENIOR_DEFAULT)).toBe(false);
});

test('a claimed escalation is never reminded', async () => {
  const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'Why did we choose cursor pagination?' });
  await h.sendEvent(event);
  await h.deskmate.idle();
  const e = (await h.store.escalationForThread(CHANNEL, String(event.ts)))!;
  await h.store.saveEscalation({ ...e, state: 'claimed', claimedBy: SENIOR_API });
  offsetMs = 500 * 60_000;
  expect(await sweepEscalations(h.deskmate.runtime)).toEqual({ reminded: 0, reassigned: 0, delivered: 0 });
});

test('an escalation raised in do-not-disturb waits: no DM, no reminder, then one DM once the senior is back', async () => {
  fake.setDnd(SENIOR_API, true);
  const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'Why did we choose cursor pagination?' });
  await h.sendEvent(event);
  await h.deskmate.idle();
  const dms = () => fake.callsTo('chat.postMessage').filter((c) => c.args.channel === SENIOR_API);
  expect(dms()).toHaveLength(0);
  offsetMs = 90 * 60_000;
  expect(await sweepEscalations(h.deskmate.runtime)).toEqual({ reminded: 0, reassigned: 0, delivered: 0 });
  fake.setDnd(SENIOR_API, false);
  expect(await sweepEscalations(h.deskmate.runtime)).toEqual({ reminded: 0, reassigned: 0, delivered: 1 });
  expect(dms()).toHaveLength(1);
  // The reminder clock starts when they were told, not when the question was asked.
  expect(await sweepEscalations(h.deskmate.runtime)).toEqual({ reminded: 0, reassigned: 0, delivered: 0 });
});
