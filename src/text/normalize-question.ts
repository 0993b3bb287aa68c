/**
 * Turns raw Slack text into a canonical lower-case sentence the intent signals can match with
 * simple word-boundary patterns: mentions and links removed, contractions expanded, code and
 * paths replaced by placeholders (so words inside code never look like team talk), whitespace
 * collapsed. The work is capped: a question is judged by its opening, not by a pasted log.
 */

/** Characters looked at; anything after this is a pasted log or stack trace, not the question. */
export const MAX_QUESTION_CHARS = 1200;

const CONTRACTIONS: Array<[RegExp, string]> = [
  [/\bwon't\b/g, 'will not'],
  [/\bcan't\b/g, 'cannot'],
  [/\bshan't\b/g, 'shall not'],
  [/\blet's\b/g, 'let us'],
  [/\by'all\b/g, 'you all'],
  [/\bain't\b/g, 'is not'],
  [/\b(\w+)n't\b/g, '$1 not'],
  [/\b(i)'m\b/g, '$1 am'],
  [/\b(we|you|they|who|what)'re\b/g, '$1 are'],
  [/\b(i|we|you|they|who|should|would|could|must|might)'ve\b/g, '$1 have'],
  [/\b(i|we|you|they|he|she|it|who|that)'ll\b/g, '$1 will'],
  [/\b(i|we|you|they|he|she|it|who)'d\b/g, '$1 would'],
  // "'s" after question words and pronouns is "is"; after other nouns it is a possessive.
  [/\b(what|where|who|how|why|when|which|that|there|here|it|he|she|this)'s\b/g, '$1 is'],
  [/\b(\w+)'s\b/g, '$1s'],
];

export function normalizeQuestion(raw: string): string {
  let text = (raw ?? '').slice(0, MAX_QUESTION_CHARS);
  text = text
    .replace(/<(?:@|!subteam\^)[A-Z0-9]+(?:\|[^>]*)?>/g, ' ') // user and group mentions
    .replace(/<#[A-Z0-9]+(?:\|([^>]*))?>/g, ' $1 ') // channel links keep their name
    .replace(/<!(?:here|channel|everyone)[^>]*>/g, ' ')
    .replace(/<(https?:[^|>]*)\|([^>]*)>/g, ' $2 ') // labelled links keep the label
    .replace(/<https?:[^>]*>/g, ' link ')
    .replace(/https?:\/\/\S+/g, ' link ')
    .replace(/```[\s\S]*?```/g, ' codeblock ')
    .replace(/`[^`\n]*`/g, ' codeterm ')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\u2014|\u2013/g, ' - ');
  text = text.toLowerCase();
  for (const [pattern, replacement] of CONTRACTIONS) text = text.replace(pattern, replacement);
  text = text
    .replace(/(?:^|\s)\/[\w{}:.\-/]+/g, ' apipath ') // /api/v1/statuses/:id
    .replace(/\b[\w-]+\.(?:json|yaml|yml|sql|csv|md)\b/g, ' apipath ')
    .replace(/@[\w.-]+/g, ' ') // plain-text @names
    .replace(/[^\p{L}\p{N}_?'\-+\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text;
}
