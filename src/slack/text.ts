/** Slack text helpers: mentions out of questions, and Slack's size limits respected. */

/** Longest question Deskmate reads; longer messages are cut at a word boundary (the asker is told). */
export const MAX_QUESTION_CHARS = 4000;
/** Slack limits: section text 3000, context element 2000 chars (we stay under), 50 blocks a message, 40k message text. */
export const SECTION_TEXT_LIMIT = 3000;
export const CONTEXT_TEXT_LIMIT = 2000;
export const MAX_BLOCKS = 50;
export const FALLBACK_TEXT_LIMIT = 3900;

/** Removes user and bot mentions ("<@U123>", "<@U123|maria>") and collapses whitespace. */
export function stripMentions(text: string): string {
  return text
    .replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function mentionsUser(text: string, userId: string | undefined): boolean {
  return Boolean(userId) && new RegExp(`<@${userId}(?:\\|[^>]*)?>`).test(text);
}

/** Cuts at the last whitespace before `max` so words stay whole; marks the cut with an ellipsis. */
export function truncate(text: string, max: number, marker = '…'): string {
  if (text.length <= max) return text;
  const room = max - marker.length;
  const cut = text.lastIndexOf(' ', room);
  return `${text.slice(0, cut > room * 0.6 ? cut : room).trimEnd()}${marker}`;
}

/** Splits long text into pieces of at most `max` chars, preferring paragraph, then line, then word breaks. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n\n', max);
    if (cut < max * 0.5) cut = rest.lastIndexOf('\n', max);
    if (cut < max * 0.5) cut = rest.lastIndexOf(' ', max);
    if (cut < max * 0.5) cut = max;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/** Questions that ask for reasons: never answered unprompted, whatever the docs say. */
export function asksWhy(text: string): boolean {
  return /(^|[^\p{L}])(why|how come)([^\p{L}]|$)/iu.test(text);
}
