import type { WeeklyReport } from './report.js';

/** Plain-text and shared formatting of a weekly report (CLI, console, Slack text fallback). */

export const pct = (r: number | null) => (r === null ? 'n/a' : `${Math.round(r * 100)}%`);
export const perDay = (n: number | null) => (n === null ? 'n/a' : (Math.round(n * 10) / 10).toString());

export function duration(seconds: number | null): string {
  if (seconds === null) return 'n/a';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.round((seconds / 3600) * 10) / 10} h`;
  return `${Math.round((seconds / 86_400) * 10) / 10} d`;
}

/** Said wherever counts appear, so five console questions and an empty report do not look like a bug. */
const SCOPE_NOTE = 'Only Slack is counted: questions in the local console or `deskmate ask` are not recorded.';

/** "107 = 70 answered + 28 escalated + 5 not helpful + 4 unanswered": parts that add up to the total. */
export function questionsLine(report: WeeklyReport): string {
  const o = report.outcomes;
  const parts = [`${o.deflected} answered`, `${o.escalated} escalated`];
  if (o.not_helpful) parts.push(`${o.not_helpful} answered but marked not helpful`);
  if (o.unanswered) parts.push(`${o.unanswered} unanswered`);
  const extra = report.escalated - o.escalated;
  const escalations = extra > 0 ? `; escalations ${report.escalated} (${extra} from pings or handovers, not questions)` : '';
  return `${report.questions}${report.questions ? ` = ${parts.join(' + ')}` : ''}${escalations}`;
}

export function noDataLine(report: WeeklyReport): string {
  return `No data for ${report.week}: nobody asked Deskmate a question in Slack or pinged a senior in a channel it is in. ${SCOPE_NOTE}`;
}

/** "1.2/day (last week 0.6, baseline 2.6)". */
export function interruptionsLine(report: WeeklyReport): string {
  return `${perDay(report.interruptions_per_day)}/day (last week ${perDay(report.last_week.interruptions_per_day)}, baseline ${perDay(report.baseline.interruptions_per_day)})`;
}

/** "2026-03-02 to 2026-03-08": the week's local Monday to Sunday. */
export function weekSpan(report: WeeklyReport): string {
  return `${report.per_day[0]?.date} to ${report.per_day[report.per_day.length - 1]?.date}`;
}

export function formatReportText(report: WeeklyReport): string {
  const lines = [`Deskmate weekly report ${report.week} (${weekSpan(report)}, ${report.timezone})`];
  if (!report.has_data) {
    lines.push(noDataLine(report));
    if (report.baseline.interruptions_per_day !== null) lines.push(`Baseline (observe mode): ${perDay(report.baseline.interruptions_per_day)} interruptions/day.`);
    return lines.join('\n');
  }
  lines.push(
    `Questions: ${questionsLine(report)}`,
    `Deflection rate: ${pct(report.deflection_rate)}   Escalation rate: ${pct(report.escalation_rate)}   Helpful: ${pct(report.helpful_ratio)}`,
    `Senior interruptions: ${interruptionsLine(report)}; averted ${report.interruptions_averted}; reaching seniors ${perDay(report.net_interruptions_per_day)}/day`,
    `Median time to first answer: ${duration(report.median_time_to_answer_s)}; to resolution: ${duration(report.median_time_to_resolution_s)}`,
  );
  lines.push(SCOPE_NOTE);
  if (report.per_senior.length) {
    lines.push('Per senior:');
    for (const s of report.per_senior) lines.push(`  ${s.senior}: ${perDay(s.interruptions_per_day)}/day (baseline ${perDay(s.baseline_per_day)}), averted ${s.interruptions_averted}, escalations ${s.escalations}`);
  }
  if (report.escalation_reasons.length) lines.push(`Escalation reasons: ${report.escalation_reasons.map((r) => `${r.reason} ${r.count}`).join(', ')}`);
  if (report.top_topics.length) lines.push(`Top topics: ${report.top_topics.map((t) => `${t.topic} ${t.count}`).join(', ')}`);
  if (report.knowledge_gaps.length) {
    lines.push('Knowledge gaps:');
    for (const g of report.knowledge_gaps) {
      lines.push(`  ${g.terms.join(', ') || '(no terms)'}: ${g.questions} question${g.questions === 1 ? '' : 's'} (${g.low_confidence} low confidence, ${g.not_helpful} not helpful)`);
      for (const ex of g.examples) lines.push(`    - ${ex}`);
    }
  }
  return lines.join('\n');
}
