import type { MetricEvent, MetricsStore } from '../../src/metrics/types';
import { loadWeeklyReport, type ReportSettings } from '../../src/metrics/weekly';
import { median } from '../../src/metrics/report';
import { addDays, zonedInstant } from '../../src/metrics/week';
import { metricsBackends } from '../support/metrics-backends';

/**
 * A seeded history in Europe/Berlin with every figure computed by hand (see the comments): the
 * observe-mode baseline in 2026-W08, last week 2026-W09, the reported week 2026-W10 (2–8 March).
 */
const TZ = 'Europe/Berlin';
const settings: ReportSettings = { timezone: TZ, workingDays: [1, 2, 3, 4, 5], gapConfidence: 0.35 };
const W10 = { year: 2026, month: 3, day: 2 };
const W09 = { year: 2026, month: 2, day: 23 };
const W08 = { year: 2026, month: 2, day: 16 };
const at = (monday: typeof W10, day: number, hh: number, mm = 0, ss = 0) => zonedInstant(addDays(monday, day), TZ, hh, mm) + ss * 1000;
const e = (type: MetricEvent['type'], when: number, ref: string, actor: string, over: Partial<MetricEvent> = {}): MetricEvent => ({ type, at: when, ref, actor, mode: 'active', channel: ref.split(':')[0], channelKind: 'channel', ...over });
const q = (when: number, ref: string, actor: string, confidence: number, topic: string, over: Partial<MetricEvent> = {}) => e('question_asked', when, ref, actor, { intent: 'answer', confidence, topic, ...over });

function history(): MetricEvent[] {
  const out: MetricEvent[] = [];
  // Baseline, observe mode, Mon 16 – Fri 20 Feb: 12 pings over 5 working days → 2.4/day (S1 8 → 1.6, S2 4 → 0.8).
  for (let i = 0; i < 12; i++) out.push(e('senior_ping', at(W08, i % 5, 9 + (i % 3)), `C0:b${i}`, 'UJ1', { senior: i < 8 ? 'S1' : 'S2', isQuestion: true, mode: 'observe' }));
  out.push(e('senior_ping', at(W08, 4, 17), 'C0:last', 'UJ2', { senior: 'S1', mode: 'observe', isQuestion: false }));
  // Last week: r1 deflected (answer after 60 s), r2 escalated; 3 unanswered pings.
  out.push(q(at(W09, 0, 10), 'C1:r1', 'UJ1', 0.9, 'api'), e('answered', at(W09, 0, 10, 1), 'C1:r1', 'bot'));
  out.push(q(at(W09, 1, 10), 'C1:r2', 'UJ2', 0.8, 'api'), e('escalated', at(W09, 1, 10, 0, 5), 'C1:r2', 'bot', { senior: 'S1', reason: 'low_confidence' }));
  for (const [d, s] of [[0, 'S1'], [2, 'S1'], [3, 'S2']] as const) out.push(e('senior_ping', at(W09, d, 12), `C1:lp${d}`, 'UJ3', { senior: s, isQuestion: true }));

  // This week.
  // q1 (A): answered by Deskmate after 30 s, no feedback → deflected. p1 pinged S1 in it → averted.
  out.push(q(at(W10, 0, 10), 'C1:A', 'UJ1', 0.9, 'api'), e('answered', at(W10, 0, 10, 0, 30), 'C1:A', 'bot'));
  out.push(e('senior_ping', at(W10, 0, 10), 'C1:A', 'UJ1', { senior: 'S1', isQuestion: true }));
  // q2 (B): low confidence, answered after 60 s, marked Not helpful → not deflected, a gap. p5 pinged S2 → not averted.
  out.push(q(at(W10, 0, 11), 'C1:B', 'UJ1', 0.2, 'webhooks', { text: 'How do I retry failed webhooks?' }), e('answered', at(W10, 0, 11, 1), 'C1:B', 'bot'));
  out.push(e('feedback', at(W10, 0, 11, 5), 'C1:B', 'UJ1', { feedback: 'not_helpful' }));
  out.push(e('senior_ping', at(W10, 0, 11), 'C1:B', 'UJ1', { senior: 'S2', isQuestion: true }));
  // q3 (C): a why-question escalated to S1 at once; S1 replies after 600 s, claims, resolves after 3600 s. p2 pinged S1.
  out.push(q(at(W10, 1, 9), 'C1:C', 'UJ2', 0.8, 'api', { intent: 'escalate' }), e('escalated', at(W10, 1, 9, 0, 10), 'C1:C', 'bot', { senior: 'S1', reason: 'why_question' }));
  out.push(e('senior_ping', at(W10, 1, 9), 'C1:C', 'UJ2', { senior: 'S1', isQuestion: true }));
  out.push(e('escalation_claimed', at(W10, 1, 9, 5), 'C1:C', 'S1', { senior: 'S1' }), e('senior_replied', at(W10, 1, 9, 10), 'C1:C', 'S1', { senior: 'S1' }));
  out.push(e('escalation_resolved', at(W10, 1, 10), 'C1:C', 'S1', { senior: 'S1' }));
  // p3 (F): a non-question ping of S2, nobody answers.
  out.push(e('senior_ping', at(W10, 1, 13), 'C1:F', 'UJ1', { senior: 'S2', isQuestion: false }));
  // q4 (D): a DM, low confidence, answered after 120 s, Helpful → deflected, a gap known only by topic.
  out.push(q(at(W10, 2, 14), 'D1:D', 'UJ3', 0.1, 'webhooks', { channelKind: 'dm', text: 'private words' }), e('answered', at(W10, 2, 14, 2), 'D1:D', 'bot', { channelKind: 'dm' }));
  out.push(e('feedback', at(W10, 2, 14, 3), 'D1:D', 'UJ3', { feedback: 'helpful', channelKind: 'dm' }));
  // p6 (H): S1 pinged Wednesday, unanswered.
  out.push(e('senior_ping', at(W10, 2, 10), 'C1:H', 'UJ2', { senior: 'S1', isQuestion: true }));
  // q5 (E): low confidence, answered after 20 s, "Still need a human", escalated to S2 19 h later (Fri) → a gap, not deflected, unresolved.
  out.push(q(at(W10, 3, 15), 'C1:E', 'UJ2', 0.3, 'webhooks', { text: 'Where are webhook retry logs?' }), e('answered', at(W10, 3, 15, 0, 20), 'C1:E', 'bot'));
  out.push(e('feedback', at(W10, 3, 16), 'C1:E', 'UJ2', { feedback: 'still_need_human' }), e('escalated', at(W10, 4, 10), 'C1:E', 'bot', { senior: 'S2', reason: 'asked_for_human' }));
  // p4 (G): Saturday ping of S2, Deskmate answers, the asker marks it solved (a later senior reply does not undo that).
  out.push(e('senior_ping', at(W10, 5, 11), 'C1:G', 'UJ3', { senior: 'S2', isQuestion: true }), e('answered', at(W10, 5, 11, 1), 'C1:G', 'bot'));
  out.push(e('feedback', at(W10, 5, 11, 2), 'C1:G', 'UJ3', { feedback: 'solved' }), e('senior_replied', at(W10, 5, 12), 'C1:G', 'S2', { senior: 'S2' }));
  return out;
}

describe.each(metricsBackends())('weekly report from a seeded history on $name', (backend) => {
  let store: MetricsStore;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const handle = await backend.open();
    store = handle.store;
    cleanup = handle.cleanup;
    await store.recordMany(history());
  });
  afterAll(async () => {
    await store.close();
    await cleanup();
  });
  const report = () => loadWeeklyReport(store, settings, { week: '2026-W10', now: Date.parse('2026-03-20T00:00:00Z') });

  test('question, answer, escalation and deflection counts match the hand count', async () => {
    expect(await report()).toMatchObject({
      week: '2026-W10', has_data: true,
      questions: 5, answered: 4, escalated: 2, deflected: 2, deflection_rate: 0.4, escalation_rate: 0.4,
      escalation_reasons: [{ reason: 'asked_for_human', count: 1 }, { reason: 'why_question', count: 1 }],
      feedback: { helpful: 1, not_helpful: 1, solved: 1, still_need_human: 1 },
      top_topics: [{ topic: 'webhooks', count: 3 }, { topic: 'api', count: 2 }],
    });
  });

  test('times: median first answer 60 s (of 20/30/60/120/600), resolution 3600 s, helpful 2 of 4', async () => {
    const r = await report();
    expect(r.median_time_to_answer_s).toBe(60);
    expect(r.median_time_to_resolution_s).toBe(3600);
    expect(r.helpful_ratio).toBe(0.5);
  });

  test('interruptions per working day, averted and net, per senior and against the baseline', async () => {
    const r = await report();
    expect(r).toMatchObject({ interruptions: 6, working_days: 5, interruptions_per_day: 1.2, interruptions_averted: 2, net_interruptions_per_day: 1.2 });
    expect(r.per_senior).toEqual([
      { senior: 'S1', interruptions: 3, interruptions_per_day: 0.6, interruptions_averted: 1, escalations: 1, baseline_per_day: 1.8 },
      { senior: 'S2', interruptions: 3, interruptions_per_day: 0.6, interruptions_averted: 1, escalations: 1, baseline_per_day: 0.8 },
    ]);
    expect(r.baseline).toMatchObject({ interruptions: 13, working_days: 5, interruptions_per_day: 2.6 });
    expect(r.per_day.map((d) => [d.date, d.interruptions, d.net_interruptions, d.questions])).toEqual([
      ['2026-03-02', 2, 1, 2], ['2026-03-03', 2, 3, 1], ['2026-03-04', 1, 1, 1], ['2026-03-05', 0, 0, 1], ['2026-03-06', 0, 1, 0], ['2026-03-07', 1, 0, 0], ['2026-03-08', 0, 0, 0],
    ]);
  });

  test('last week is reported beside this week', async () => {
    expect((await report()).last_week).toMatchObject({ week: '2026-W09', questions: 2, answered: 1, escalated: 1, deflection_rate: 0.5, interruptions: 3, interruptions_per_day: 0.6, median_time_to_answer_s: 60 });
  });

  test('knowledge gaps cluster low-confidence and Not-helpful questions by shared terms, without DM text', async () => {
    expect((await report()).knowledge_gaps).toEqual([
      { terms: ['retry', 'webhook'], questions: 2, low_confidence: 2, not_helpful: 2, topics: ['webhooks'], examples: ['How do I retry failed webhooks?', 'Where are webhook retry logs?'] },
      { terms: ['webhooks'], questions: 1, low_confidence: 1, not_helpful: 0, topics: ['webhooks'], examples: [] },
    ]);
  });

  test('an empty week reports no data with zero counts and no rates', async () => {
    const r = await loadWeeklyReport(store, settings, { week: '2026-W20', now: Date.parse('2026-06-01T00:00:00Z') });
    expect(r).toMatchObject({ has_data: false, questions: 0, answered: 0, escalated: 0, interruptions_per_day: 0, deflection_rate: null, median_time_to_answer_s: null, knowledge_gaps: [] });
  });

  test('the current week divides by the working days elapsed so far', async () => {
    // Wednesday noon of W10: Mon–Wed have started → 3 working days; pings so far: Mon 2, Tue 2, Wed 1 (10:00).
    const r = await loadWeeklyReport(store, settings, { now: at(W10, 2, 12) });
    expect(r.week).toBe('2026-W10');
    expect(r.working_days).toBe(3);
  });
});

test('median of an even count averages the middle pair', () => {
  expect(median([4, 1, 3, 2])).toBe(2.5);
  expect(median([])).toBeNull();
});
