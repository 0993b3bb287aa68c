/** What the fake Slack checks and parses on the wire: Slack's block limits, and its request body formats. */

/**
 * The checks Slack's API applies to blocks that our messages could break (invalid_blocks): at most
 * 50, header plain_text 1..150, section text 1..3000, button values ≤ 2000. Written from Slack's
 * Block Kit reference independently of src/slack/blocks/validate.ts, so the two can disagree.
 */
export function blockProblem(blocks: unknown): string | undefined {
  if (blocks === undefined) return undefined;
  if (!Array.isArray(blocks)) return 'blocks must be an array';
  if (blocks.length > 50) return 'no more than 50 items allowed';
  for (const [i, b] of (blocks as Array<Record<string, any>>).entries()) {
    const text = b?.text?.text;
    if (b?.type === 'header' && (typeof text !== 'string' || !text.trim() || [...text].length > 150 || b.text.type !== 'plain_text')) return `[${i}] header text must be 1..150 chars of plain_text`;
    if (b?.type === 'section' && b.text !== undefined && (typeof text !== 'string' || !text.trim() || text.length > 3000)) return `[${i}] section text must be 1..3000 chars`;
    for (const el of [...(b?.elements ?? []), ...(b?.accessory ? [b.accessory] : [])]) {
      if (el?.type === 'button' && typeof el.value === 'string' && el.value.length > 2000) return `[${i}] button value over 2000 chars`;
    }
  }
  return undefined;
}

/** Slack's Web API client sends form-encoded bodies with JSON-encoded objects (blocks); JSON also accepted. */
export function parseBody(contentType: string, raw: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const looksJson = (value.startsWith('[') || value.startsWith('{')) && ['blocks', 'attachments', 'view', 'prompts', 'metadata'].includes(key);
    out[key] = looksJson ? JSON.parse(value) : value;
  }
  return out;
}
