/**
 * Shared tokenizer for the local embedder and the lexical index, so both see the same terms.
 * Splits identifiers (camelCase, snake_case, paths) because docs and questions name the same
 * thing in different shapes: "favourite" vs "/api/v1/statuses/:id/favourite" vs "favouritesCount".
 */
const STOP = new Set(
  'a an and are as at be by can do does for from has have how i if in into is it its me my of on or our so that the their them then there these this to was we what when where which who why will with would you your'.split(' '),
);

function isStopword(term: string): boolean {
  return STOP.has(term);
}

/** Light, deterministic suffix stripping: enough to meet "boosts"/"boosted"/"boosting" at "boost". */
export function stem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  const base = stripSuffix(word);
  // A final silent e goes too, so "favourite", "favourites" and "favourited" all meet at "favourit".
  return base.length > 4 && base.endsWith('e') && !base.endsWith('ee') ? base.slice(0, -1) : base;
}

function stripSuffix(word: string): string {
  if (word.endsWith('ies') && word.length > 5) return word.slice(0, -3) + 'y';
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ing') && word.length > 6) return undouble(word.slice(0, -3));
  if (word.endsWith('ed') && word.length > 5) return undouble(word.slice(0, -2));
  if (word.endsWith('es') && /(?:ch|sh|x|ss|zz)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

function undouble(w: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w) ? w.slice(0, -1) : w;
}

const SPLIT = /[^\p{L}\p{N}]+/u;
const PIECES = /[\s/.,;:()[\]{}<>"'`|=!?*+#@&%^~\\]+/;
const PLAIN = /^[a-z0-9]+$/;
const CAMEL_A = /([a-z0-9])([A-Z])/g;
const CAMEL_B = /([A-Z]+)([A-Z][a-z])/g;
const NOT_WORD = /[^\p{L}\p{N}_-]/gu;

/** Raw words, lower-cased, with identifiers split into their parts (parts and the whole both kept). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.split(PIECES)) {
    if (!piece) continue;
    // Most words are plain lower-case: skip the identifier splitting for them (hot path).
    if (PLAIN.test(piece)) {
      out.push(piece);
      continue;
    }
    const parts = piece.replace(CAMEL_A, '$1 $2').replace(CAMEL_B, '$1 $2').split(SPLIT).filter(Boolean);
    for (const p of parts) out.push(p.toLowerCase());
    if (parts.length > 1) {
      const whole = piece.toLowerCase().replace(NOT_WORD, '');
      if (whole.length > 1 && whole.length < 40) out.push(whole);
    }
  }
  return out;
}

const stemCache = new Map<string, string>();

/** stem() memoised: vocabularies are small next to the text, so most calls are hits. */
function cachedStem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    if (stemCache.size > 200_000) stemCache.clear();
    s = stem(word);
    stemCache.set(word, s);
  }
  return s;
}

/** Search terms: words without stopwords, stemmed. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (w.length < 2 && !(w >= '0' && w <= '9')) continue;
    if (STOP.has(w)) continue;
    out.push(cachedStem(w));
  }
  return out;
}

/** A word as the lexical index stores it: lower-cased and stemmed; stopwords and 1-letter words (not digits) dropped. */
export function indexTerm(term: string): string | null {
  const t = term.toLowerCase();
  if ((t.length < 2 && !(t >= '0' && t <= '9')) || isStopword(t)) return null;
  return cachedStem(t);
}

/** Processed query terms, deduplicated, in order. */
export function queryTerms(text: string): string[] {
  const seen = new Set<string>();
  for (const w of words(text)) {
    const t = indexTerm(w);
    if (t) seen.add(t);
  }
  return [...seen];
}
