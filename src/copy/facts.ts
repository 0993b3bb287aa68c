import { renderIdentifiers } from './identifiers.js';

/**
 * The fact guard's vocabulary: figures, versions, references and names found in a text, and
 * whether each one can be traced to the input commits. Pure functions.
 *
 * "400 ms", "400ms" and "400 milliseconds" are the same fact; "40%" is a different one, so
 * "latency reduced by 400ms" can never be announced as "40% faster".
 */

type FactKind = 'reference' | 'version' | 'quantity' | 'number' | 'name';

export interface Fact {
  kind: FactKind;
  /** As written in the text. */
  text: string;
  /** Normalised form used for comparison. */
  key: string;
  index: number;
}

const UNIT_ALIASES: Array<[RegExp, string]> = [
  [/^(?:ms|msecs?|milliseconds?)$/, 'ms'],
  [/^(?:µs|us|microseconds?)$/, 'us'],
  [/^(?:ns|nanoseconds?)$/, 'ns'],
  [/^(?:s|secs?|seconds?)$/, 's'],
  [/^(?:mins?|minutes?)$/, 'min'],
  [/^(?:h|hrs?|hours?)$/, 'h'],
  [/^(?:days?)$/, 'd'],
  [/^(?:x|×|times)$/, 'x'],
  [/^(?:%|percent|per cent)$/, '%'],
  [/^(?:b|bytes?)$/, 'b'],
  [/^(?:kb|kib|kilobytes?)$/, 'kb'],
  [/^(?:mb|mib|megabytes?)$/, 'mb'],
  [/^(?:gb|gib|gigabytes?)$/, 'gb'],
  [/^(?:tb|tib|terabytes?)$/, 'tb'],
  [/^k$/, 'k'],
  [/^(?:m|million)$/, 'm'],
  [/^(?:bn|billion)$/, 'bn'],
  [/^fps$/, 'fps'],
  [/^(?:rps|req\/s|requests\/s)$/, 'rps'],
  [/^(?:qps)$/, 'qps'],
];
const UNIT_WORDS = [
  'milliseconds', 'millisecond', 'microseconds', 'microsecond', 'nanoseconds', 'nanosecond', 'seconds', 'second', 'minutes', 'minute', 'hours', 'hour', 'days', 'day',
  'bytes', 'byte', 'kilobytes', 'kilobyte', 'megabytes', 'megabyte', 'gigabytes', 'gigabyte', 'terabytes', 'terabyte', 'percent', 'per cent', 'million', 'billion', 'times',
  'msecs', 'msec', 'secs', 'sec', 'mins', 'min', 'hrs', 'hr', 'req/s', 'requests/s', 'fps', 'rps', 'qps', 'kib', 'mib', 'gib', 'tib', 'kb', 'mb', 'gb', 'tb', 'bn', 'ms', 'µs', 'us', 'ns',
  's', 'm', 'h', 'd', 'x', 'k', 'b',
];
/** The pattern is case-sensitive (capitals mark names), so each word is listed in its usual casings. */
function casings(words: string[]): string {
  const all = new Set<string>();
  for (const w of words) for (const v of [w, w.toUpperCase(), w.charAt(0).toUpperCase() + w.slice(1)]) all.add(v);
  return Array.from(all)
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|');
}
const UNIT = `(?:${casings(UNIT_WORDS)}|%|×)`;

const NUMBER_WORDS: Record<string, string> = {
  two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  twice: '2x', doubled: '2x', tripled: '3x', halved: 'half', half: 'half',
  hundred: '100', hundreds: '100', thousand: '1000', thousands: '1000', million: 'm', millions: 'm', billion: 'bn', billions: 'bn',
};

// Order matters: the first alternative that matches at a position wins.
const FACT_PATTERN = new RegExp(
  [
    String.raw`(?<reference>(?<![\w#])(?:[\w.-]+\/[\w.-]+)?#\d+\b)`,
    String.raw`(?<quantity>(?<![\w.])\d+(?:[.,]\d+)?\s?${UNIT}(?![\p{L}\p{N}]))`,
    String.raw`(?<version>(?<![\w.])v?\d+(?:\.\d+){1,3}(?:-[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*)?(?![\w.]*\d)|(?<![\w.])v\d+\b)`,
    String.raw`(?<alnum>(?<![\w.@/-])[A-Za-z][\w-]*\d[\w-]*)`,
    String.raw`(?<number>(?<![\w.])\d+(?:[.,]\d+)*)`,
    `(?<word>\\b(?:${casings(Object.keys(NUMBER_WORDS))})\\b)`,
    String.raw`(?<scoped>@[\w.-]+\/[\w-]+(?:\.[\w-]+)*)`,
    String.raw`(?<dotted>(?<![\w.@/])[A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*)+)`,
    String.raw`(?<camel>\b[a-z]+[A-Z][\w]*\b|\b[A-Z][a-z0-9]+[A-Z][\w]*\b)`,
    String.raw`(?<caps>\b[A-Z][A-Z0-9_]+\b)`,
    String.raw`(?<snake>\b[a-z][a-z0-9]*_[a-z0-9_]+\b)`,
    String.raw`(?<capitalised>\b[A-Z][a-z]+\b)`,
  ].join('|'),
  'gu',
);

function normaliseUnit(unit: string): string {
  const u = unit.toLowerCase();
  return UNIT_ALIASES.find(([re]) => re.test(u))?.[1] ?? u;
}

function normaliseNumber(n: string): string {
  return /^\d{1,3}(?:,\d{3})+$/.test(n) ? n.replace(/,/g, '') : n.replace(',', '.');
}

/** True when most longer words are capitalised ("Faster Reloads For Everyone"): then capitals say nothing. */
export function isTitleCase(text: string): boolean {
  // Sentence-initial words are capitalised anyway; only the others tell.
  const words = (text.match(/\b\p{L}{4,}\b/gu) ?? []).filter((w) => {
    const at = text.indexOf(w);
    return !/(?:^|[.!?:]\s+|\n\s*)$/.test(text.slice(0, at).replace(/["'“‘(\[*_-]+\s*$/, ''));
  });
  if (words.length < 3) return false;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length >= 0.75;
}

function atSentenceStart(text: string, index: number): boolean {
  const before = text.slice(0, index).replace(/["'“‘(\[*_]+$/, '');
  return before.trim() === '' || /(?:[.!?:]\s+|\n\s*(?:[-*•]\s+)?|^\s*[-*•]\s+)$/.test(before);
}

const SHORT_ABBREVIATION = /^(?:[a-z]\.){1,3}[a-z]?$/i; // e.g, i.e, a.k.a

/** Every fact-like token in a text: figures, versions, references, and name-shaped words. */
export function extractFacts(text: string): Fact[] {
  const facts: Fact[] = [];
  const titleCase = isTitleCase(text);
  for (const m of text.matchAll(FACT_PATTERN)) {
    const g = m.groups ?? {};
    const index = m.index ?? 0;
    const t = m[0];
    if (g.reference) facts.push({ kind: 'reference', text: t, key: '#' + t.split('#')[1], index });
    else if (g.quantity) {
      const [, num, unit] = /^(\d+(?:[.,]\d+)?)\s?(.+)$/u.exec(t) ?? [];
      facts.push({ kind: 'quantity', text: t, key: normaliseNumber(num) + normaliseUnit(unit), index });
    } else if (g.version) facts.push({ kind: 'version', text: t, key: t.toLowerCase().replace(/^v/, ''), index });
    else if (g.alnum) facts.push({ kind: 'name', text: t, key: t.toLowerCase(), index });
    else if (g.number) facts.push({ kind: 'number', text: t, key: normaliseNumber(t), index });
    else if (g.word) facts.push({ kind: 'quantity', text: t, key: NUMBER_WORDS[t.toLowerCase()], index });
    else if (g.dotted) {
      if (!SHORT_ABBREVIATION.test(t)) facts.push({ kind: 'name', text: t, key: t.toLowerCase(), index });
    } else if (g.scoped || g.camel || g.caps || g.snake) facts.push({ kind: 'name', text: t, key: t.toLowerCase(), index });
    else if (g.capitalised && !titleCase && !atSentenceStart(text, index) && t !== 'I') {
      facts.push({ kind: 'name', text: t, key: t.toLowerCase(), index });
    }
  }
  return facts;
}

/** What the input commits make traceable. */
export interface FactInventory {
  keys: Set<string>;
  /** Every digit run ("1.0.0", "53", "400") in the input: a bare number may repeat any of them. */
  numbers: Set<string>;
  /** The input, lower-cased, for name look-ups. */
  text: string;
  /** Configured names (product name, brand-voice allow list), lower-cased. */
  names: Set<string>;
}

export function buildInventory(inputs: string[], allowedNames: string[] = []): FactInventory {
  // Identifiers may be written as words ("TSTyche" → "TS tyche"): the words are as traceable as the name.
  const original = inputs.join('\n');
  const joined = `${original}\n${renderIdentifiers(original, 'words')}`;
  const keys = new Set<string>();
  for (const f of extractFacts(joined)) keys.add(f.key);
  // Number words in the input ("two") make their digits traceable and the other way round.
  const numbers = new Set<string>((joined.match(/\d+(?:[.,]\d+)*/g) ?? []).map(normaliseNumber));
  const names = new Set<string>();
  for (const n of allowedNames) {
    if (!n.trim()) continue;
    names.add(n.trim().toLowerCase());
    for (const part of n.toLowerCase().split(/[\s/]+/)) if (part) names.add(part);
  }
  return { keys, numbers, text: joined.toLowerCase(), names };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function textMentions(haystack: string, needle: string): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle)}(?![\\p{L}\\p{N}])`, 'u').test(haystack);
}

export function isTraceable(fact: Fact, inventory: FactInventory): boolean {
  if (inventory.keys.has(fact.key)) return true;
  switch (fact.kind) {
    case 'number':
      return inventory.numbers.has(fact.key);
    case 'name':
      return inventory.names.has(fact.key) || textMentions(inventory.text, fact.key);
    case 'quantity':
      // "two" in the copy is traceable to "2" in the input.
      return /^\d+$/.test(fact.key) && inventory.numbers.has(fact.key);
    default:
      return false;
  }
}

/** Facts in `text` that the input does not support. References count only where allowed (the changelog). */
export function untraceableFacts(text: string, inventory: FactInventory, options: { allowReferences: boolean }): Fact[] {
  return extractFacts(text).filter((f) => {
    if (f.kind === 'reference') return !options.allowReferences || !inventory.keys.has(f.key);
    return !isTraceable(f, inventory);
  });
}

/** The figures, versions and names of the input, for the draft's `facts` field and the LLM prompt. */
export function listInputFacts(inputs: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const f of extractFacts(inputs.join('\n'))) {
    // "BREAKING CHANGE" is the footer's keyword, not a fact of the change.
    if (f.kind === 'reference' || seen.has(f.key) || /^(?:BREAKING|CHANGE)$/.test(f.text)) continue;
    seen.add(f.key);
    out.push(f.text);
  }
  return out;
}
