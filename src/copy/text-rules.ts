/**
 * Small text measures the guards share: emoji, commit syntax, sentences, character budgets.
 * Pure functions.
 */

const EMOJI = /(?![\u00A9\u00AE\u2122])\p{Extended_Pictographic}|\p{Regional_Indicator}/gu;
const EMOJI_JOINERS = /[\u200D\uFE0E\uFE0F]|\p{Emoji_Modifier}/gu;

export function findEmoji(text: string): string[] {
  return text.match(EMOJI) ?? [];
}

/** Removes all emoji after the first `keep`, with their joiners and modifiers. */
export function stripEmoji(text: string, keep = 0): string {
  let seen = 0;
  const out = text.replace(EMOJI, (e) => (++seen <= keep ? e : ''));
  return tidy(keep === 0 ? out.replace(EMOJI_JOINERS, '') : out);
}

const TYPE_PREFIX = /(^|[.!?]\s+|\n\s*)(?:feat|fix|perf|chore|docs|refactor|build|ci|test|tests|style|revert)(?:\([^)\n]*\))?!?:\s*/gi;
const PR_REFERENCE = /\s*\((?:[\w.-]+\/[\w.-]+)?#\d+\)|(?<![\w#&])(?:[\w.-]+\/[\w.-]+)?#\d+\b/g;

/** `code` spans are allowed when the brand voice keeps identifiers as code. */
export function findCommitSyntax(text: string, options: { codeSpans?: boolean } = {}): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(TYPE_PREFIX)) found.push(`type prefix "${m[0].trim().replace(/^[.!?]\s*/, '')}"`);
  for (const m of text.matchAll(PR_REFERENCE)) found.push(`reference "${m[0].trim()}"`);
  const rest = options.codeSpans ? text.replace(/`[^`\n]+`/g, '') : text;
  if (rest.includes('`')) found.push('backticks');
  return found;
}

const TRAILER_WORDS = /\b(?:Co-authored-by|Signed-off-by|Reviewed-by|Acked-by|Tested-by|Reported-by|Suggested-by|Helped-by|Change-Id)\b:?/gi;
const ADDRESS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const HANDLE = /(?<![\w.@/`])@[A-Za-z0-9][A-Za-z0-9-]{0,38}\b(?![/.@]\w)/g;

/** Things about people, never copy: e-mail addresses, @handles, trailer keywords. */
export function findPrivate(text: string): string[] {
  return [
    ...(text.match(ADDRESS) ?? []).map((a) => `e-mail address "${a}"`),
    ...(text.replace(ADDRESS, '').match(HANDLE) ?? []).map((h) => `handle "${h}"`),
    ...(text.match(TRAILER_WORDS) ?? []).map((t) => `trailer "${t.replace(/:$/, '')}"`),
  ];
}

export function stripPrivate(text: string): string {
  return tidy(text.replace(/<\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*>/g, '').replace(ADDRESS, '').replace(HANDLE, '').replace(TRAILER_WORDS, ''));
}

const DANGLING_END = /\b(?:and|or|but|nor|with|without|to|of|for|from|by|at|the|a|an|than|via|into)\s*[.!?]$/i;

/** Sentences that end on a conjunction, preposition or article, and doubled spaces. */
export function findGrammarProblems(text: string): string[] {
  const found: string[] = [];
  if (/\S[ \t]{2,}\S/.test(text)) found.push('doubled space');
  for (const s of sentences(text)) if (/\s/.test(s.trim()) && DANGLING_END.test(s)) found.push(`sentence ends on "${s.match(/(\w+)\s*[.!?]$/)?.[1]}": "${s.slice(-40)}"`);
  return found;
}

export function stripCommitSyntax(text: string): string {
  return tidy(
    text
      .replace(TYPE_PREFIX, (_m, lead: string) => lead)
      .replace(PR_REFERENCE, '')
      .replace(/`/g, ''),
  );
}

/** Collapses the gaps removals leave behind: double spaces, space before punctuation, empty brackets. */
export function tidy(text: string): string {
  return text
    .replace(/\(\s*\)|\[\s*\]/g, '')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ +([,.;:!?)])/g, '$1')
    .replace(/([,;:])(?=[,;:.!?])/g, '')
    .replace(/^[ \t,;:]+/gm, '')
    .replace(/[ \t]+$/gm, '')
    .trim();
}

/** Splits prose into sentences; "Node.js", "1.2.3" and "e.g. this" stay whole. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=["'“(]?[\p{Lu}\p{N}])|\n+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Characters as people count them: code points, not UTF-16 units. */
export function charLength(text: string): number {
  return Array.from(text).length;
}

const URL = /https?:\/\/\S+/g;

/**
 * X's weighted length (twitter-text v3): URLs count 23, Latin and common punctuation 1,
 * other code points (CJK, emoji) 2.
 */
export function xLength(text: string): number {
  let length = 0;
  const withoutUrls = text.replace(URL, () => {
    length += 23;
    return '';
  });
  for (const ch of withoutUrls.replace(EMOJI_JOINERS, '')) {
    const cp = ch.codePointAt(0) ?? 0;
    const light = cp <= 4351 || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223) || (cp >= 8242 && cp <= 8247);
    length += light ? 1 : 2;
  }
  return length;
}

const TRAILING_FILLER = /\b(?:a|an|the|and|or|but|to|of|for|with|in|on|at|by|from|when|that|as|now|via|into|than)$/i;

/**
 * Shortens to a budget: whole sentences first, then whole words. Headlines get no ellipsis
 * and lose a dangling "to", "with", "and" at the cut.
 */
export function shortenTo(text: string, limit: number, measure: (s: string) => number, options: { ellipsis: boolean }): string {
  if (measure(text) <= limit) return text;
  let kept = '';
  for (const s of sentences(text)) {
    const next = kept ? `${kept} ${s}` : s;
    if (measure(next) > limit) break;
    kept = next;
  }
  if (kept) return kept;
  const suffix = options.ellipsis ? '…' : '';
  const words = text.split(/\s+/);
  let out = '';
  for (const w of words) {
    const next = out ? `${out} ${w}` : w;
    if (measure(next + suffix) > limit) break;
    out = next;
  }
  out = out.replace(/[\s,;:–—-]+$/, '');
  while (TRAILING_FILLER.test(out)) out = out.replace(TRAILING_FILLER, '').replace(/[\s,;:–—-]+$/, '');
  return out ? out + suffix : Array.from(text).slice(0, Math.max(0, limit - suffix.length)).join('') + suffix;
}
