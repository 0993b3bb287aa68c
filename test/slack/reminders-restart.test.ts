import { sweepEscalations } from '../../src/slack/escalation-sweep';
import { FakeSlack } from '../support/fake-slack';
import { mentionEvent } from '../support/signed';
import { buildSampleIndex, CHANNEL, JUNIOR, SENIOR_API, startHarness, tempDataDir, type Harness } from './harness';

/**
 * Process killed mid-escalation and restarted: the escalation lives in SQLite, so a new app instance
 * on the same file must still remind its senior once and later hand it to the next senior.
 */
const SECOND_API_SENIOR = 'USENIORAPI2';
let indexDir: string;
let dataDir: string;
let fake: FakeSlack;
let h: Harness | undefined;
let offsetMs = 0;

const start = () =>
  startHarness({
    fake,
    dataDir,
    indexDir,
    now: () => new Date(Date.now() + offsetMs),
    configExtra: {
      escalation: { remindAfterMinutes: 60 },
      topics: [{ name: 'api', keywords: ['pagination', 'cursor'], seniors: [SENIOR_API, SECOND_API_SENIOR] }],
    },
  });

beforeAll(async () => {
  indexDir = await buildSampleIndex();
});
beforeEach(async () => {
  fake = await FakeSlack.start();
  dataDir = tempDataDir();
  offsetMs = 0;
});
afterEach(async () => {
  await h?.stop();
  h = undefined;
  await fake.close();
});

test('after a restart on the same SQLite file, an open escalation is reminded exactly once and later handed over', async () => {
  h = await start();
  const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'Why did we choose cursor pagination?' });
  await h.sendEvent(event);
  await h.deskmate.idle();
  const threadTs = String(event.ts);
  const opened = (await h.store.escalationForThread(CHANNEL, threadTs))!;
  expect(opened).toMatchObject({ state: 'open', senior: SENIOR_API });
  await h.stop();

  // A new process: nothing in memory survives, only the data dir.
  h = await start();
  offsetMs = 61 * 60_000;
  const reminders = () => fake.threadPosts(CHANNEL, threadTs).filter((c) => String(c.args.text).startsWith(`Reminder: <@${SENIOR_API}>`));
  expect(await sweepEscalations(h.deskmate.runtime)).toEqual({ reminded: 1, reassigned: 0, delivered: 0 });
  expect(await sweepEscalations(h.deskmate.runtime)).toEqual({ reminded: 0, reassigned: 0, delivered: 0 });
  expect(reminders()).toHaveLength(1);

  // Restarted again after the reminder: it is not repeated, and the hand-over still comes.
  await h.stop();
  h = await start();
  expect(await sweepEscalations(h.deskmate.runtime)).toEqual({ reminded: 0, reassigned: 0, delivered: 0 });
  expect(reminders()).toHaveLength(1);
  const dmsTo = (user: string) => fake.callsTo('chat.postMessage').filter((c) => c.args.channel === user);
  expect(dmsTo(SECOND_API_SENIOR)).toHaveLength(0);
  offsetMs = 122 * 60_000;
  expect(await sweepEscalations(h.deskmate.runtime)).toEqual({ reminded: 0, reassigned: 1, delivered: 0 });
  expect(await h.store.getEscalation(opened.id)).toMatchObject({ state: 'open', senior: SECOND_API_SENIOR });
  expect(dmsTo(SECOND_API_SENIOR)).toHaveLength(1);
  expect(reminders()).toHaveLength(1);
});
