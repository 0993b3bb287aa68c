import type { AskResult } from '../knowledge/answer/ask.js';
import { mrkdwnToPlain } from './plain.js';

/** Terminal rendering of an answer (plain text, not Slack markup): the answer, the routing decision, numbered sources. */
export function formatResult(r: AskResult): string {
  const lines: string[] = [];
  if (r.escalate) lines.push(`→ Escalate to a senior: ${mrkdwnToPlain(r.reason)}.`);
  lines.push(mrkdwnToPlain(r.answer));
  if (r.sources.length) {
    lines.push('', 'Sources:');
    r.sources.forEach((s, i) => void lines.push(`  [${i + 1}] ${s.path}#${s.section}  (${s.score.toFixed(2)})${s.url ? `\n      ${s.url}` : ''}`));
  }
  if (r.intent !== 'chat') lines.push(`(confidence ${r.confidence.toFixed(2)}; ${r.answeredBy === 'extractive' ? 'offline extractive answer' : r.answeredBy === 'decision-record' ? 'from a decision record' : `answered by ${r.answeredBy}`}${r.fallback ? '; LLM fallback' : ''})`);
  return lines.join('\n');
}
