import { duration, interruptionsLine, noDataLine, pct, perDay, questionsLine, weekSpan } from './format.js';
import type { WeeklyReport } from './report.js';

/**
 * Block Kit for the weekly report, as plain JSON objects (no Bolt types here: the Slack adapter
 * posts them). Texts are clipped under Slack's limits (section 3000, field 2000 characters).
 */

export type Block = Record<string, unknown>;

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);
const mrkdwn = (text: string, max = 3000) => ({ type: 'mrkdwn', text: clip(text, max) });
const section = (text: string): Block => ({ type: 'section', text: mrkdwn(text) });
/** Slack renders <@U…> and <!subteam^S…> as names; user group ids start with S. */
const who = (id: string) => (id.startsWith('S') ? `<!subteam^${id}>` : `<@${id}>`);
/** Example questions come from channels; keep them from pinging anyone again. */
const quiet = (s: string) => s.replace(/<[@!#][^>]*>/g, '@someone').replace(/[*_~`]/g, '');

export function reportBlocks(report: WeeklyReport): Block[] {
  const blocks: Block[] = [{ type: 'header', text: { type: 'plain_text', text: clip(`Deskmate weekly report · ${report.week}`, 150) } }];
  if (!report.has_data) {
    blocks.push(section(noDataLine(report)));
    return blocks;
  }
  blocks.push({
    type: 'section',
    fields: [
      mrkdwn(`*Questions*\n${questionsLine(report)}`),
      mrkdwn(`*Deflection rate*\n${pct(report.deflection_rate)}`),
      mrkdwn(`*Senior interruptions*\n${interruptionsLine(report)}`),
      mrkdwn(`*Interruptions averted*\n${report.interruptions_averted} (reaching seniors ${perDay(report.net_interruptions_per_day)}/day)`),
      mrkdwn(`*Median time to first answer*\n${duration(report.median_time_to_answer_s)}`),
      mrkdwn(`*Median time to resolution*\n${duration(report.median_time_to_resolution_s)}`),
      mrkdwn(`*Escalation rate*\n${pct(report.escalation_rate)}`),
      mrkdwn(`*Helpful*\n${pct(report.helpful_ratio)}`),
    ],
  });
  if (report.per_senior.length) {
    blocks.push(section(`*Per senior*\n${report.per_senior.map((s) => `• ${who(s.senior)}: ${perDay(s.interruptions_per_day)}/day (baseline ${perDay(s.baseline_per_day)}), averted ${s.interruptions_averted}, escalations ${s.escalations}`).join('\n')}`));
  }
  const lists: string[] = [];
  if (report.escalation_reasons.length) lists.push(`*Escalation reasons*: ${report.escalation_reasons.map((r) => `${r.reason} (${r.count})`).join(', ')}`);
  if (report.top_topics.length) lists.push(`*Top topics*: ${report.top_topics.map((t) => `${t.topic} (${t.count})`).join(', ')}`);
  if (lists.length) blocks.push(section(lists.join('\n')));
  if (report.knowledge_gaps.length) {
    const gaps = report.knowledge_gaps.slice(0, 5).map((g) => {
      const head = `• *${g.terms.join(', ') || 'other'}*: ${g.questions} question${g.questions === 1 ? '' : 's'} (${g.low_confidence} low confidence, ${g.not_helpful} not helpful)`;
      return [head, ...g.examples.slice(0, 2).map((ex) => `    > ${clip(quiet(ex), 200)}`)].join('\n');
    });
    blocks.push(section(`*Knowledge gaps* (fix these docs first)\n${gaps.join('\n')}`));
  }
  blocks.push({ type: 'context', elements: [mrkdwn(`Interruptions: senior pings in channels per working day. Averted: pings Deskmate answered that needed no senior within 24 h. Week ${weekSpan(report)} (${report.timezone}).`)] });
  return blocks;
}

/** The notification text that goes with the blocks. */
export function reportFallbackText(report: WeeklyReport): string {
  if (!report.has_data) return noDataLine(report);
  return `Deskmate ${report.week}: ${report.questions} questions, deflection ${pct(report.deflection_rate)}, interruptions ${interruptionsLine(report)}.`;
}
