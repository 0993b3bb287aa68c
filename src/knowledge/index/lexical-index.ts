import MiniSearch from 'minisearch';
import type { Chunk } from '../../ports/chunk.js';
import { indexTerm as processTerm, queryTerms, words } from '../../text/tokenize.js';
import { synonymsOf } from '../retrieval/synonyms.js';

/**
 * BM25 ranking (MiniSearch) over chunk text, headings, structure (endpoints, operation paths,
 * table and column names) and source path, tokenized like the embedder so identifiers match.
 */
export interface LexicalHit {
  index: number;
  score: number;
}

interface LexDoc {
  id: number;
  section: string;
  struct: string;
  path: string;
  text: string;
}

export function structureText(chunk: Chunk): string {
  const meta = chunk.meta ?? {};
  const parts: string[] = [];
  const endpoints = meta.endpoints;
  if (Array.isArray(endpoints)) parts.push(...endpoints.map(String));
  if (typeof meta.method === 'string' && typeof meta.path === 'string') parts.push(`${meta.method} ${meta.path}`);
  if (typeof meta.operationId === 'string') parts.push(meta.operationId);
  if (typeof meta.table === 'string') parts.push(meta.table);
  if (Array.isArray(meta.tags)) parts.push(...meta.tags.map(String));
  return parts.join(' ');
}


export class LexicalIndex {
  private readonly search: MiniSearch<LexDoc>;
  /** Document frequency per processed term, for IDF-weighted coverage. */
  readonly df = new Map<string, number>();
  readonly size: number;
  private readonly current = new Set<string>();

  constructor(chunks: Chunk[]) {
    this.size = chunks.length;
    this.search = new MiniSearch<LexDoc>({
      fields: ['section', 'struct', 'path', 'text'],
      tokenize: (text) => words(text),
      processTerm: (term, field) => {
        const t = processTerm(term);
        if (t && field && field !== 'path') this.current.add(t);
        return t;
      },
      searchOptions: { boost: { section: 2.5, struct: 2, path: 0.6, text: 1 }, combineWith: 'OR' },
    });
    // Document frequencies are collected while MiniSearch tokenizes, so each chunk is tokenized once.
    for (let i = 0; i < chunks.length; i++) {
      const c = chunks[i];
      this.current.clear();
      this.search.add({ id: i, section: c.section, struct: structureText(c), path: c.path.replace(/\.[a-z]+$/i, ''), text: c.text });
      for (const t of this.current) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    }
    this.current.clear();
  }

  idf(term: string): number {
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  query(text: string, k: number): LexicalHit[] {
    if (!text.trim()) return [];
    // Terms in most chunks rank nothing but cost a walk over their whole posting list: leave them out
    // on large indexes (the coverage score still sees them).
    const common = (t: string) => this.size > 2000 && (this.df.get(t) ?? 0) > this.size * 0.2;
    const asked = queryTerms(text);
    const base = asked.filter((t) => !common(t));
    const extra = base.flatMap((t) => synonymsOf(t)).filter((t) => !base.includes(t) && !common(t));
    const terms = [...base, ...extra];
    if (!terms.length) return [];
    // Terms are already processed; MiniSearch processes them again, which is idempotent for stems.
    const hits = this.search.search(terms.join(' '), {
      // Fuzzy matching walks the whole term tree and cost 60 ms a query at 20k chunks; prefixes
      // (follow → followers) and the stemmer cover word forms at a fraction of that.
      prefix: (term) => term.length >= 5,
      // Synonyms widen recall but must not outrank the words actually asked.
      boostTerm: (term) => (extra.includes(term) && !base.includes(term) ? 0.35 : 1),
    });
    return hits.slice(0, k).map((h) => ({ index: h.id as number, score: h.score }));
  }
}
