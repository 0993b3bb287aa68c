import type { Chunk } from '../../ports/chunk.js';
import { queryTerms, words } from '../../text/tokenize.js';
import { synonymsOf } from '../retrieval/synonyms.js';
import { buildLexical, POSTINGS_PER_TERM, processTerm, structureText } from './lexical-build.js';
import { inMemoryDictionary, openLexicalFile, type LexicalDictionary } from './lexical-file.js';

export { structureText };

/**
 * BM25 ranking over chunk text, headings, structure (endpoints, operation paths, table and column
 * names) and source path, tokenized like the embedder so identifiers match. Scores follow
 * MiniSearch's (BM25+ per field, boosted, prefix relatives weighted down, times the number of
 * query terms matched), over impact-ordered postings: a query term reads at most POSTINGS_PER_TERM
 * of its best postings, so a query costs the same at 10k chunks as at 1M.
 */
export interface LexicalHit {
  index: number;
  score: number;
}

/** Dictionary terms a query word may expand to by prefix. */
const MAX_PREFIX_TERMS = 16;
const PREFIX_WEIGHT = 0.375;

export class LexicalIndex {
  private readonly dict: LexicalDictionary;

  /** Built in memory from chunks, or over a persisted dictionary (see lexical-file.ts). */
  constructor(source: Chunk[] | LexicalDictionary) {
    this.dict = Array.isArray(source) ? inMemoryDictionary(buildLexical(source)) : source;
  }

  static open(file: string): LexicalIndex {
    return new LexicalIndex(openLexicalFile(file));
  }

  get size(): number {
    return this.dict.size;
  }

  /** Chunks holding the term in text, heading or structure. */
  docFreq(term: string): number {
    const t = this.find(term);
    return t < 0 ? 0 : this.dict.df[t];
  }

  idf(term: string): number {
    const df = this.docFreq(term);
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  query(text: string, k: number): LexicalHit[] {
    if (!text.trim() || !this.size) return [];
    // Terms in most chunks rank nothing: leave them out on large indexes (the coverage score still sees them).
    const common = (t: string) => this.size > 2000 && this.docFreq(t) > this.size * 0.2;
    const asked = queryTerms(text);
    const base = asked.filter((t) => !common(t));
    const extra = base.flatMap((t) => synonymsOf(t)).filter((t) => !base.includes(t) && !common(t));
    const seen = new Set<string>();
    const terms = [...base, ...extra].map((t) => processTerm(t)).filter((t): t is string => !!t && !seen.has(t) && Boolean(seen.add(t)));
    if (!terms.length) return [];
    const scores = new Map<number, { score: number; matched: number }>();
    terms.forEach((term, qi) => {
      // Synonyms widen recall but must not outrank the words actually asked.
      const boost = extra.includes(term) && !base.includes(term) ? 0.35 : 1;
      const bit = 2 ** Math.min(qi, 30);
      for (const [t, weight] of this.expand(term)) {
        // Prefix relatives weigh ≤ 0.375 of the word itself: their best quarter is what can still rank.
        const { docs, impacts } = this.dict.read(t, weight === 1 ? POSTINGS_PER_TERM : POSTINGS_PER_TERM / 4);
        const w = weight * boost;
        for (let j = 0; j < docs.length; j++) {
          const s = scores.get(docs[j]);
          if (s) {
            s.score += w * impacts[j];
            s.matched |= bit;
          } else scores.set(docs[j], { score: w * impacts[j], matched: bit });
        }
      }
    });
    const hits: LexicalHit[] = [];
    for (const [index, s] of scores) hits.push({ index, score: s.score * popcount(s.matched) });
    hits.sort((a, b) => b.score - a.score || a.index - b.index);
    return hits.slice(0, k);
  }

  /** The term itself and, for words of 5+ characters, its prefix relatives (follow → followers), weighted down. */
  private expand(term: string): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    const terms = this.dict.terms;
    let t = lowerBound(terms, term);
    if (terms[t] === term) out.push([t++, 1]);
    if (term.length < 5) return out;
    for (; t < terms.length && out.length < MAX_PREFIX_TERMS && terms[t].startsWith(term); t++) {
      const distance = terms[t].length - term.length;
      out.push([t, (PREFIX_WEIGHT * terms[t].length) / (terms[t].length + 0.3 * distance)]);
    }
    return out;
  }

  private find(term: string): number {
    const t = lowerBound(this.dict.terms, term);
    return this.dict.terms[t] === term ? t : -1;
  }
}

function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function popcount(x: number): number {
  let n = 0;
  while (x) {
    n += x & 1;
    x = Math.floor(x / 2);
  }
  return n;
}
