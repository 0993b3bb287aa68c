import type { Chunk } from './chunk.js';
import { cachedStem, isStopword, words } from '../../text/tokenize.js';

/**
 * Builds the lexical index's postings: for every term, the chunks that hold it with a precomputed
 * BM25+ impact (MiniSearch's formula, summed over the boosted fields), sorted by impact so a query
 * reads only the best postings of a term, never its whole list. Rebuilt at every ingest (the field
 * averages and IDFs belong to the whole corpus), which keeps incremental ingest exact.
 */
export interface LexicalData {
  /** Chunks indexed. */
  size: number;
  /** Distinct processed terms, sorted by UTF-16 code units (binary search, prefix ranges). */
  terms: string[];
  /** Chunks whose text, heading or structure (not path) hold the term: the coverage IDF. */
  df: Uint32Array;
  /** Postings of term t are [offsets[t], offsets[t+1]). */
  offsets: Uint32Array;
  docs: Uint32Array;
  impacts: Float32Array;
}

export const FIELDS = ['section', 'struct', 'path', 'text'] as const;
export const FIELD_BOOST = [2.5, 2, 0.6, 1];
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

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

export function processTerm(term: string): string | null {
  const t = term.toLowerCase();
  if ((t.length < 2 && !(t >= '0' && t <= '9')) || isStopword(t)) return null;
  return cachedStem(t);
}

function fieldsOf(c: Chunk): string[] {
  return [c.section, structureText(c), c.path.replace(/\.[a-z]+$/i, ''), c.text];
}

export function buildLexical(chunks: Chunk[]): LexicalData {
  const n = chunks.length;
  const F = FIELDS.length;
  // Per term, per field: flat [doc, tf, doc, tf, …] in doc order.
  const postings = new Map<string, number[][]>();
  const fieldLen = new Uint32Array(n * F);
  const totalLen = new Float64Array(F);
  for (let i = 0; i < n; i++) {
    const fields = fieldsOf(chunks[i]);
    for (let f = 0; f < F; f++) {
      const tokens = words(fields[f]);
      // MiniSearch's field length: distinct raw tokens.
      const len = new Set(tokens).size;
      fieldLen[i * F + f] = len;
      totalLen[f] += len;
      const tf = new Map<string, number>();
      for (const tok of tokens) {
        const t = processTerm(tok);
        if (t) tf.set(t, (tf.get(t) ?? 0) + 1);
      }
      for (const [t, count] of tf) {
        let per = postings.get(t);
        if (!per) postings.set(t, (per = Array.from({ length: F }, () => [])));
        per[f].push(i, count);
      }
    }
  }
  const avg = Array.from(totalLen, (s) => (n ? s / n : 0));
  const terms = [...postings.keys()].sort();
  const df = new Uint32Array(terms.length);
  const offsets = new Uint32Array(terms.length + 1);
  let total = 0;
  const perTerm: Array<{ docs: number[]; impacts: number[] }> = [];
  for (let ti = 0; ti < terms.length; ti++) {
    const per = postings.get(terms[ti])!;
    const impact = new Map<number, number>();
    const inContent = new Set<number>();
    for (let f = 0; f < F; f++) {
      const list = per[f];
      const matching = list.length / 2;
      const idf = Math.log(1 + (n - matching + 0.5) / (matching + 0.5));
      for (let j = 0; j < list.length; j += 2) {
        const doc = list[j];
        const tf = list[j + 1];
        const len = fieldLen[doc * F + f];
        const s = idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * len) / (avg[f] || 1))));
        impact.set(doc, (impact.get(doc) ?? 0) + FIELD_BOOST[f] * s);
        if (FIELDS[f] !== 'path') inContent.add(doc);
      }
    }
    df[ti] = inContent.size;
    const order = [...impact.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    perTerm.push({ docs: order.map((e) => e[0]), impacts: order.map((e) => e[1]) });
    offsets[ti] = total;
    total += order.length;
    postings.delete(terms[ti]);
  }
  offsets[terms.length] = total;
  const docs = new Uint32Array(total);
  const impacts = new Float32Array(total);
  perTerm.forEach((p, ti) => {
    docs.set(p.docs, offsets[ti]);
    impacts.set(p.impacts, offsets[ti]);
  });
  return { size: n, terms, df, offsets, docs, impacts };
}
