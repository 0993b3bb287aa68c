import type { AskResult } from '../knowledge/answer/ask.js';

/**
 * Slack mrkdwn → plain terminal text: *bold* and _italic_ markers dropped, <url|label> links as
 * "label (url)", emoji codes as words, entities decoded. Code in backticks stays as written.
 */
export function plainText(mrkdwn: string): string {
  return mrkdwn
    .split(/(`+[^`\n]*`+)/)
    .map((part, i) =>
      i % 2
        ? part
        : part
            .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
            .replace(/<(https?:[^>]+)>/g, '$1')
            .replace(/(^|[\s(\[])\*([^*\n]+)\*(?=[\s).,:;!?\]]|$)/g, '$1$2')
            .replace(/(^|[\s(\[])_([^_\n]+)_(?=[\s).,:;!?\]]|$)/g, '$1$2')
            .replace(/(^|\s)~([^~\n]+)~(?=\s|$)/g, '$1$2')
            .replace(/:\+1:/g, '👍')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&amp;/g, '&'),
    )
    .join('');
}

/** Terminal rendering of an answer: the answer, the routing decision, numbered sources (with links when configured). */
export function formatResult(r: AskResult): string {
  const lines: string[] = [];
  if (r.escalate) lines.push(`→ Escalate to a senior: ${r.reason}.`);
  lines.push(plainText(r.answer));
  if (r.sources.length) {
    lines.push('', 'Sources:');
    r.sources.forEach((s, i) => lines.push(`  [${i + 1}] ${s.path}#${s.section}  (${s.score.toFixed(2)})${s.url ? `\n      ${s.url}` : ''}`));
  }
  if (r.intent !== 'chat') lines.push(`(confidence ${r.confidence.toFixed(2)}; ${r.answeredBy === 'extractive' ? 'offline extractive answer' : r.answeredBy === 'decision-record' ? 'from a decision record' : `answered by ${r.answeredBy}`}${r.fallback ? '; LLM fallback' : ''})`);
  return lines.join('\n');
}
