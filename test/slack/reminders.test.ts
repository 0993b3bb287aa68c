import { sweepEscalations } from '../../src/slack/escalation-sweep';
import { mentionEvent } from '../support/signed';
import { CHANNEL, JUNIOR, SENIOR_API, SENIOR_DEFAULT, tempDataDir, useSlackHarness } from './harness';

const SECOND_API_SENIOR = 'USENIORAPI2';
let offsetMs = 0;
beforeEach(() => {
  offsetMs = 0;
});
const fx = useSlackHarness({
  now: () => new Date(Date.now() + offsetMs),
  configExtra: {
    escalation: { remindAfterMinutes: 60 },
    topics: [{ name: 'api', keywords: ['pagination', 'cursor'], seniors: [SENIOR_API, SECOND_API_SENIOR] }],
  },
});

test('an unclaimed escalation reminds its senior once, then moves to the next senior of the topic', async () => {
  const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'Why did we choose cursor pagination?' });
  await fx.h.sendEvent(event);
  await fx.h.deskmate.idle();
  const threadTs = String(event.ts);
  const opened = (await fx.h.store.escalationForThread(CHANNEL, threadTs))!;
  expect(opened.senior).toBe(SENIOR_API);

  expect(await sweepEscalations(fx.h.deskmate.runtime)).toEqual({ reminded: 0, reassigned: 0, delivered: 0 }); // too early
  offsetMs = 61 * 60_000;
  expect(await sweepEscalations(fx.h.deskmate.runtime)).toEqual({ reminded: 1, reassigned: 0, delivered: 0 });
  expect(await sweepEscalations(fx.h.deskmate.runtime)).toEqual({ reminded: 0, reassigned: 0, delivered: 0 }); // once only
  expect(fx.fake.threadPosts(CHANNEL, threadTs).some((c) => String(c.args.text).startsWith(`Reminder: <@${SENIOR_API}>`))).toBe(true);

  offsetMs = 122 * 60_000;
  expect(await sweepEscalations(fx.h.deskmate.runtime)).toEqual({ reminded: 0, reassigned: 1, delivered: 0 });
  const moved = (await fx.h.store.getEscalation(opened.id))!;
  expect(moved).toMatchObject({ state: 'open', senior: SECOND_API_SENIOR });
  expect(fx.fake.callsTo('chat.postMessage').some((c) => c.args.channel === SECOND_API_SENIOR)).toBe(true);
  expect(fx.fake.callsTo('chat.postMessage').some((c) => c.args.channel === SENIOR_DEFAULT)).toBe(false);
});

test('a claimed escalation is never reminded', async () => {
  const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'Why did we choose cursor pagination?' });
  await fx.h.sendEvent(event);
  await fx.h.deskmate.idle();
  const e = (await fx.h.store.escalationForThread(CHANNEL, String(event.ts)))!;
  await fx.h.store.saveEscalation({ ...e, state: 'claimed', claimedBy: SENIOR_API });
  offsetMs = 500 * 60_000;
  expect(await sweepEscalations(fx.h.deskmate.runtime)).toEqual({ reminded: 0, reassigned: 0, delivered: 0 });
});

test('an escalation raised in do-not-disturb waits: no DM, no reminder, then one DM once the senior is back', async () => {
  fx.fake.dndNowFor(SENIOR_API);
  const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'Why did we choose cursor pagination?' });
  await fx.h.sendEvent(event);
  await fx.h.deskmate.idle();
  const dms = () => fx.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === SENIOR_API);
  expect(dms()).toHaveLength(0);
  offsetMs = 90 * 60_000;
  expect(await sweepEscalations(fx.h.deskmate.runtime)).toEqual({ reminded: 0, reassigned: 0, delivered: 0 });
  fx.fake.clearDndSchedule(SENIOR_API);
  expect(await sweepEscalations(fx.h.deskmate.runtime)).toEqual({ reminded: 0, reassigned: 0, delivered: 1 });
  expect(dms()).toHaveLength(1);
  // The reminder clock starts when they were told, not when the question was asked.
  expect(await sweepEscalations(fx.h.deskmate.runtime)).toEqual({ reminded: 0, reassigned: 0, delivered: 0 });
});

test('escalations raised at night wait for one digest at the start of the senior\'s working day', async () => {
  // 02:00 UTC on a Wednesday; the senior works 09:00–17:00 UTC.
  const night = Date.parse('2026-11-25T02:00:00Z');
  await fx.restart({
    dataDir: tempDataDir(),
    now: () => new Date(night + offsetMs),
    configExtra: {
      escalation: { remindAfterMinutes: 60, workingHours: { [SENIOR_API]: { timezone: 'UTC', start: '09:00', end: '17:00' } } },
      topics: [{ name: 'api', keywords: ['pagination', 'cursor'], seniors: [SENIOR_API] }],
    },
  });
  const questions = ['Why did we choose cursor pagination?', 'Should we keep offset pagination for the admin API?', 'Why did we pick cursor pagination over page numbers for exports?'];
  const threads: string[] = [];
  for (const text of questions) {
    const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text });
    await fx.h.sendEvent(event);
    threads.push(String(event.ts));
  }
  await fx.h.deskmate.idle();
  const dms = () => fx.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === SENIOR_API);
  expect(dms()).toHaveLength(0);
  const waiting = await Promise.all(threads.map(async (t) => (await fx.h.store.escalationForThread(CHANNEL, t))!));
  expect(waiting.every((e) => e.senior === SENIOR_API && e.notifiedAt === undefined)).toBe(true);
  const notice = fx.fake.threadPosts(CHANNEL, threads[0]).find((c) => JSON.stringify(c.args.blocks ?? []).includes('escalation_claim'))!;
  expect(JSON.stringify(notice.args.blocks)).toContain('escalation_urgent');
  expect(JSON.stringify(notice.args.blocks)).toMatch(/digest at the start of their next working day/);

  offsetMs = 3 * 3600_000; // 05:00: still night, and no reminders into it either
  expect(await sweepEscalations(fx.h.deskmate.runtime)).toEqual({ reminded: 0, reassigned: 0, delivered: 0 });
  offsetMs = 7 * 3600_000 + 60_000; // 09:01
  expect(await sweepEscalations(fx.h.deskmate.runtime)).toEqual({ reminded: 0, reassigned: 0, delivered: 3 });
  expect(dms()).toHaveLength(1);
  const digest = JSON.stringify(dms()[0].args.blocks);
  expect(String(dms()[0].args.text)).toMatch(/3 questions waited/);
  for (const e of waiting) expect(digest).toContain(`"value":"${e.id}"`);
  // Told now: the urgent button is gone from the thread notices, and the reminder clock starts at 09:01.
  const updated = fx.fake.callsTo('chat.update').filter((c) => c.args.ts === waiting[0].noticeTs).at(-1)!;
  expect(JSON.stringify(updated.args.blocks)).not.toContain('escalation_urgent');
  expect(await sweepEscalations(fx.h.deskmate.runtime)).toEqual({ reminded: 0, reassigned: 0, delivered: 0 });
  expect(dms()).toHaveLength(1);
  offsetMs += 61 * 60_000;
  expect((await sweepEscalations(fx.h.deskmate.runtime)).reminded).toBe(3);
});

test('"It\'s urgent" from the asker DMs the senior at once; from anyone else it is refused', async () => {
  fx.fake.dndNowFor(SENIOR_API);
  const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'Why did we choose cursor pagination?' });
  await fx.h.sendEvent(event);
  await fx.h.deskmate.idle();
  const e = (await fx.h.store.escalationForThread(CHANNEL, String(event.ts)))!;
  const dms = () => fx.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === SENIOR_API);
  expect(dms()).toHaveLength(0);

  await fx.h.click({ actionId: 'escalation_urgent', value: String(e.id), user: 'UBYSTANDER', channel: CHANNEL });
  const refusal = await fx.fake.waitFor(() => fx.fake.privateReplies('UBYSTANDER')[0]);
  expect(String(refusal.args.text)).toMatch(/Only the person who asked/);
  expect(dms()).toHaveLength(0);

  await fx.h.click({ actionId: 'escalation_urgent', value: String(e.id), user: JUNIOR, channel: CHANNEL });
  await fx.fake.waitFor(() => fx.fake.threadPosts(CHANNEL, String(event.ts)).find((c) => String(c.args.text).startsWith('Marked urgent')));
  expect(dms()).toHaveLength(1);
  expect((await fx.h.store.getEscalation(e.id))!.notifiedAt).toBeDefined();
  // Nothing is left for the digest once the senior is back.
  fx.fake.clearDndSchedule(SENIOR_API);
  expect(await sweepEscalations(fx.h.deskmate.runtime)).toEqual({ reminded: 0, reassigned: 0, delivered: 0 });
  expect(dms()).toHaveLength(1);
});
