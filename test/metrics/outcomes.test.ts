import fc from 'fast-check';
import { formatReportText } from '../../src/metrics/format';
import { buildWeeklyReport } from '../../src/metrics/report';
import type { MetricEvent, MetricFeedback } from '../../src/metrics/types';
import { parseWeek, previousWeek } from '../../src/metrics/week';

const TZ = 'UTC';
const week = parseWeek('2026-W10', TZ);
const opts = { week, previous: previousWeek(week, TZ), timezone: TZ, now: week.end + 86_400_000, workingDays: [1, 2, 3, 4, 5], gapConfidence: 0.35 };
const baseline = { pings: 0, perSenior: {} };

/** One thread: a question and any mix of what can follow it. */
const thread = fc.record({
  answered: fc.boolean(),
  escalated: fc.boolean(),
  feedback: fc.option(fc.constantFrom<MetricFeedback>('helpful', 'not_helpful', 'solved', 'still_need_human', 'ask_senior'), { nil: undefined }),
  extraEscalation: fc.boolean(),
  offsetMin: fc.integer({ min: 0, max: 5 * 24 * 60 }),
});

type Thread = typeof thread extends fc.Arbitrary<infer T> ? T : never;

function events(threads: Thread[]): MetricEvent[] {
  const out: MetricEvent[] = [];
  threads.forEach((t, i) => {
    const ref = `C1:${i}`;
    const at = week.start + t.offsetMin * 60_000;
    out.push({ type: 'question_asked', at, ref, actor: 'U1', mode: 'active', intent: 'answer', confidence: 0.8 });
    if (t.answered) out.push({ type: 'answered', at: at + 30_000, ref, actor: 'bot', mode: 'active' });
    if (t.feedback) out.push({ type: 'feedback', at: at + 60_000, ref, actor: 'U1', mode: 'active', feedback: t.feedback });
    if (t.escalated) out.push({ type: 'escalated', at: at + 90_000, ref, actor: 'bot', mode: 'active', senior: 'S1' });
    // An escalation from a ping, with no question in its thread.
    if (t.extraEscalation) out.push({ type: 'escalated', at: at + 1000, ref: `C2:p${i}`, actor: 'bot', mode: 'active', senior: 'S1' });
  });
  return out;
}

describe('question outcomes', () => {
  it('partition the questions: the parts always add up to the total, whatever follows each question', () => {
    fc.assert(
      fc.property(fc.array(thread, { maxLength: 30 }), (threads) => {
        const r = buildWeeklyReport(events(threads), baseline, opts);
        const o = r.outcomes;
        expect(o.deflected + o.escalated + o.not_helpful + o.unanswered).toBe(r.questions);
        expect(o.deflected).toBe(r.deflected);
        expect(r.escalated).toBeGreaterThanOrEqual(o.escalated);
      }),
    );
  });

  it('prints parts that add up, says where extra escalations came from, and that only Slack is counted', () => {
    const r = buildWeeklyReport(
      events([
        { answered: true, escalated: false, feedback: undefined, extraEscalation: false, offsetMin: 60 },
        { answered: true, escalated: true, feedback: undefined, extraEscalation: true, offsetMin: 120 },
        { answered: true, escalated: false, feedback: 'not_helpful', extraEscalation: false, offsetMin: 180 },
        { answered: false, escalated: false, feedback: undefined, extraEscalation: false, offsetMin: 240 },
      ]),
      baseline,
      opts,
    );
    const text = formatReportText(r);
    expect(text).toContain('Questions: 4 = 1 answered + 1 escalated + 1 answered but marked not helpful + 1 unanswered; escalations 2 (1 from pings or handovers, not questions)');
    expect(text).toMatch(/questions in the local console or `deskmate ask` are not recorded/);
  });
});
