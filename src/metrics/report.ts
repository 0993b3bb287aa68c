import { clusterGaps, type GapCandidate, type KnowledgeGap } from './gaps.js';
import type { BaselineAggregate, MetricEvent } from './types.js';
import { workingDaysBetween, type ReportWeek } from './week.js';

/**
 * The weekly report as a pure function of metric events. Definitions (each figure is for events
 * inside the week, judged with up to 24 h of follow-up after it):
 * - interruption: an observed senior ping (a non-senior mentioning a senior or their group);
 *   interruptions_per_day divides the week's pings by its working days elapsed so far.
 * - averted: a ping Deskmate answered in the thread where the asker marked it solved/helpful, or no
 *   senior replied, nobody escalated and the asker did not ask for a human within 24 h.
 * - net interruptions: pings − averted + escalations (an escalation is a senior interrupted on purpose).
 * - deflected: a question Deskmate answered that was neither escalated nor marked Not helpful (or
 *   "Still need a human" / "Ask a senior") within 24 h; deflection_rate = deflected / questions.
 * - question outcomes partition the questions (they add up to `questions`): escalated (within 24 h,
 *   answered first or not), deflected (answered, not escalated, not rejected), not_helpful (answered,
 *   not escalated, rejected), unanswered (neither). `escalated` counts escalation events, which also
 *   come from pings and handovers without a question, so it can differ from outcomes.escalated.
 * - only Slack questions are recorded: the local console and `deskmate ask` write no metrics.
 * - time to answer: question → first answer by Deskmate or a person; time to resolution: question
 *   (or the escalation, without one) → escalation resolved.
 */

export const DAY_MS = 86_400_000;
const FOLLOW_UP_MS = DAY_MS;
const REJECTIONS = new Set(['not_helpful', 'still_need_human', 'ask_senior']);
const APPROVALS = new Set(['helpful', 'solved']);

export interface ReportOptions {
  week: ReportWeek;
  previous: ReportWeek;
  timezone: string;
  /** Working days elapse up to now; a past week counts all of them. */
  now: number;
  workingDays: number[];
  /** Questions below this confidence are knowledge-gap candidates. */
  gapConfidence: number;
}

interface QuestionOutcomes {
  deflected: number;
  escalated: number;
  not_helpful: number;
  unanswered: number;
}

interface PeriodFigures {
  questions: number;
  /** A partition of `questions` (see the definitions above). */
  outcomes: QuestionOutcomes;
  answered: number;
  escalated: number;
  deflected: number;
  deflection_rate: number | null;
  escalation_rate: number | null;
  interruptions: number;
  interruptions_averted: number;
  working_days: number;
  interruptions_per_day: number | null;
  net_interruptions_per_day: number | null;
  median_time_to_answer_s: number | null;
  median_time_to_resolution_s: number | null;
  helpful_ratio: number | null;
}

interface SeniorFigures {
  senior: string;
  interruptions: number;
  interruptions_per_day: number | null;
  interruptions_averted: number;
  escalations: number;
  baseline_per_day: number | null;
}

interface DayFigures {
  date: string;
  weekday: number;
  interruptions: number;
  net_interruptions: number;
  questions: number;
}

export interface WeeklyReport extends PeriodFigures {
  week: string;
  timezone: string;
  from: string;
  to: string;
  has_data: boolean;
  escalation_reasons: Array<{ reason: string; count: number }>;
  feedback: Record<string, number>;
  top_topics: Array<{ topic: string; count: number }>;
  knowledge_gaps: KnowledgeGap[];
  per_senior: SeniorFigures[];
  per_day: DayFigures[];
  baseline: { interruptions_per_day: number | null; interruptions: number; working_days: number; from: string | null; to: string | null };
  last_week: PeriodFigures & { week: string; per_day: DayFigures[] };
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null);
const inRange = (e: MetricEvent, start: number, end: number) => e.at >= start && e.at < end;

/** Events of one thread, oldest first, for follow-up lookups. */
function byRef(events: MetricEvent[]): Map<string, MetricEvent[]> {
  const map = new Map<string, MetricEvent[]>();
  for (const e of events) {
    const list = map.get(e.ref);
    if (list) list.push(e);
    else map.set(e.ref, [e]);
  }
  return map;
}

const after = (thread: MetricEvent[] | undefined, at: number, until = Infinity) => (thread ?? []).filter((e) => e.at >= at && e.at <= until);

function elapsedWorkingDays(week: ReportWeek, now: number, workingDays: number[]): number {
  return week.days.filter((d) => d.start <= now && workingDays.includes(d.weekday)).length;
}

/** Verdicts per ping object: the same ping is judged for the team, its senior and its day. */
const avertedMemo = new WeakMap<MetricEvent, boolean>();

/** Whether a ping was averted (see the definitions above). */
function averted(ping: MetricEvent, thread: MetricEvent[] | undefined): boolean {
  let verdict = avertedMemo.get(ping);
  if (verdict === undefined) {
    verdict = judgeAverted(ping, thread);
    avertedMemo.set(ping, verdict);
  }
  return verdict;
}

function judgeAverted(ping: MetricEvent, thread: MetricEvent[] | undefined): boolean {
  const later = after(thread, ping.at);
  if (!later.some((e) => e.type === 'answered' && e.actor === 'bot')) return false;
  if (later.some((e) => e.type === 'feedback' && e.actor === ping.actor && APPROVALS.has(e.feedback ?? ''))) return true;
  const window = after(thread, ping.at, ping.at + FOLLOW_UP_MS);
  return !window.some((e) => e.type === 'senior_replied' || e.type === 'escalated' || (e.type === 'feedback' && REJECTIONS.has(e.feedback ?? '')));
}

interface QuestionOutcome {
  question: MetricEvent;
  answeredByBot: boolean;
  deflected: boolean;
  escalated: boolean;
  rejected: boolean;
  firstAnswerS?: number;
}

function outcome(q: MetricEvent, thread: MetricEvent[] | undefined): QuestionOutcome {
  const later = after(thread, q.at);
  const window = after(thread, q.at, q.at + FOLLOW_UP_MS);
  const answeredByBot = later.some((e) => e.type === 'answered' && e.actor === 'bot');
  const escalated = window.some((e) => e.type === 'escalated');
  const rejected = window.some((e) => e.type === 'feedback' && REJECTIONS.has(e.feedback ?? ''));
  const first = later.find((e) => e.type === 'answered' || e.type === 'senior_replied');
  return { question: q, answeredByBot, escalated, rejected, deflected: answeredByBot && !escalated && !rejected, firstAnswerS: first ? (first.at - q.at) / 1000 : undefined };
}

function resolutionSeconds(escalation: MetricEvent, thread: MetricEvent[] | undefined): number | undefined {
  const resolved = after(thread, escalation.at).find((e) => e.type === 'escalation_resolved');
  if (!resolved) return undefined;
  const asked = (thread ?? []).filter((e) => e.type === 'question_asked' && e.at <= escalation.at).pop();
  return (resolved.at - (asked?.at ?? escalation.at)) / 1000;
}

function periodFigures(events: MetricEvent[], week: ReportWeek, opts: ReportOptions, threads = byRef(events)): PeriodFigures {
  const inWeek = events.filter((e) => inRange(e, week.start, week.end));
  const outcomes = inWeek.filter((e) => e.type === 'question_asked').map((q) => outcome(q, threads.get(q.ref)));
  const escalations = inWeek.filter((e) => e.type === 'escalated');
  const pings = inWeek.filter((e) => e.type === 'senior_ping');
  const avertedCount = pings.filter((p) => averted(p, threads.get(p.ref))).length;
  const feedback = inWeek.filter((e) => e.type === 'feedback');
  const positive = feedback.filter((f) => APPROVALS.has(f.feedback ?? '')).length;
  const negative = feedback.filter((f) => f.feedback === 'not_helpful' || f.feedback === 'still_need_human').length;
  const days = elapsedWorkingDays(week, opts.now, opts.workingDays);
  const deflected = outcomes.filter((o) => o.deflected).length;
  const escalatedQ = outcomes.filter((o) => o.escalated).length;
  return {
    questions: outcomes.length,
    outcomes: {
      deflected,
      escalated: escalatedQ,
      not_helpful: outcomes.filter((o) => o.answeredByBot && !o.escalated && o.rejected).length,
      unanswered: outcomes.filter((o) => !o.answeredByBot && !o.escalated).length,
    },
    answered: outcomes.filter((o) => o.answeredByBot).length,
    escalated: escalations.length,
    deflected,
    deflection_rate: ratio(deflected, outcomes.length),
    escalation_rate: ratio(escalatedQ, outcomes.length),
    interruptions: pings.length,
    interruptions_averted: avertedCount,
    working_days: days,
    interruptions_per_day: ratio(pings.length, days),
    net_interruptions_per_day: ratio(pings.length - avertedCount + escalations.length, days),
    median_time_to_answer_s: median(outcomes.flatMap((o) => (o.firstAnswerS === undefined ? [] : [o.firstAnswerS]))),
    median_time_to_resolution_s: median(escalations.flatMap((e) => resolutionSeconds(e, threads.get(e.ref)) ?? [])),
    helpful_ratio: ratio(positive, positive + negative),
  };
}

function countBy<T>(items: T[], key: (item: T) => string | undefined): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

const COUNTED = new Set(['senior_ping', 'escalated', 'question_asked']);

function dayFigures(events: MetricEvent[], week: ReportWeek, threads: Map<string, MetricEvent[]>): DayFigures[] {
  const counted = events.filter((e) => COUNTED.has(e.type) && inRange(e, week.start, week.end));
  return week.days.map((day): DayFigures => {
    const ofDay = counted.filter((e) => e.at >= day.start && e.at < day.end);
    const pings = ofDay.filter((e) => e.type === 'senior_ping');
    const avertedCount = pings.filter((p) => averted(p, threads.get(p.ref))).length;
    const escalations = ofDay.filter((e) => e.type === 'escalated').length;
    return { date: day.date, weekday: day.weekday, interruptions: pings.length, net_interruptions: pings.length - avertedCount + escalations, questions: ofDay.filter((e) => e.type === 'question_asked').length };
  });
}

/** Builds the report for opts.week from events covering last week through 24 h after this one. */
export function buildWeeklyReport(events: MetricEvent[], baseline: BaselineAggregate, opts: ReportOptions): WeeklyReport {
  const { week } = opts;
  const threads = byRef(events);
  const figures = periodFigures(events, week, opts, threads);
  const inWeek = events.filter((e) => inRange(e, week.start, week.end));
  const questions = inWeek.filter((e) => e.type === 'question_asked');
  const pings = inWeek.filter((e) => e.type === 'senior_ping');
  const escalations = inWeek.filter((e) => e.type === 'escalated');
  const baselineDays = baseline.firstAt !== undefined && baseline.lastAt !== undefined ? workingDaysBetween(baseline.firstAt, baseline.lastAt, opts.timezone, opts.workingDays) : 0;

  const seniors = new Set([...pings, ...escalations].map((e) => e.senior).filter((s): s is string => Boolean(s)));
  const perSenior = [...seniors].sort().map((senior): SeniorFigures => {
    const mine = pings.filter((p) => p.senior === senior);
    return {
      senior,
      interruptions: mine.length,
      interruptions_per_day: ratio(mine.length, figures.working_days),
      interruptions_averted: mine.filter((p) => averted(p, threads.get(p.ref))).length,
      escalations: escalations.filter((e) => e.senior === senior).length,
      baseline_per_day: ratio(baseline.perSenior[senior] ?? 0, baselineDays),
    };
  });

  const perDay = dayFigures(events, week, threads);

  const gapCandidates: GapCandidate[] = questions.flatMap((q) => {
    const window = after(threads.get(q.ref), q.at, q.at + FOLLOW_UP_MS);
    const lowConfidence = q.confidence !== undefined && q.confidence < opts.gapConfidence;
    const notHelpful = window.some((e) => e.type === 'feedback' && (e.feedback === 'not_helpful' || e.feedback === 'still_need_human'));
    return lowConfidence || notHelpful ? [{ text: q.text, topic: q.topic, lowConfidence, notHelpful }] : [];
  });

  const feedback: Record<string, number> = {};
  for (const [kind, n] of countBy(inWeek.filter((e) => e.type === 'feedback'), (e) => e.feedback)) feedback[kind] = n;

  return {
    week: week.label,
    timezone: opts.timezone,
    from: new Date(week.start).toISOString(),
    to: new Date(week.end).toISOString(),
    has_data: questions.length + pings.length + escalations.length + Object.keys(feedback).length > 0,
    ...figures,
    escalation_reasons: countBy(escalations, (e) => e.reason ?? 'unspecified').map(([reason, count]) => ({ reason, count })),
    feedback,
    top_topics: countBy(questions, (q) => q.topic).slice(0, 5).map(([topic, count]) => ({ topic, count })),
    knowledge_gaps: clusterGaps(gapCandidates),
    per_senior: perSenior,
    per_day: perDay,
    baseline: {
      interruptions_per_day: ratio(baseline.pings, baselineDays),
      interruptions: baseline.pings,
      working_days: baselineDays,
      from: baseline.firstAt === undefined ? null : new Date(baseline.firstAt).toISOString(),
      to: baseline.lastAt === undefined ? null : new Date(baseline.lastAt).toISOString(),
    },
    last_week: { week: opts.previous.label, ...periodFigures(events, opts.previous, opts, threads), per_day: dayFigures(events, opts.previous, threads) },
  };
}
