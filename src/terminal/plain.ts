/**
 * Answers are written once, in Slack mrkdwn; a terminal shows them as plain text: *bold*,
 * _italic_ and ~strike~ lose their markers, <url|label> links become "label (url)", <@U1>
 * mentions "@U1", and &amp; &lt; &gt; their characters. `code` spans and ``` blocks are kept
 * as written (backticks read fine in a terminal, and their insides must not change).
 */
const EDGE_BEFORE = String.raw`(^|[\s(\[{"'“‘/])`;
const EDGE_AFTER = String.raw`(?=$|[\s.,;:!?)\]}"'”’/])`;
const EMPHASIS = ['*', '_', '~'].map((m) => {
  const e = m.replace(/[*~]/g, '\\$&');
  return new RegExp(`${EDGE_BEFORE}${e}([^\\s${e}](?:[^${e}\\n]*[^\\s${e}])?)${e}${EDGE_AFTER}`, 'g');
});

function plainSegment(text: string): string {
  let out = text
    .replace(/<(https?:\/\/[^|>\s]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/<mailto:([^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<[@#]([A-Z0-9]+)(?:\|([^>]+))?>/g, (_m, id: string, label?: string) => (label ? `@${label}` : `@${id}`))
    .replace(/<!(here|channel|everyone)>/g, '@$1');
  for (const re of EMPHASIS) out = out.replace(re, '$1$2');
  return out.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function mrkdwnToPlain(text: string): string {
  // Odd pieces are code (``` blocks or `spans`): left exactly as written.
  return text
    .split(/(```[\s\S]*?```|`[^`\n]+`)/)
    .map((piece, i) => (i % 2 ? piece : plainSegment(piece)))
    .join('');
}
