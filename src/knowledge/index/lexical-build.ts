import type { Chunk } from '../../ports/chunk.js';
import { indexTerm, words } from '../../text/tokenize.js';

/**
 * Builds the lexical index's postings: for every term, the chunks that hold it with a precomputed
 * BM25+ impact (MiniSearch's formula, summed over the boosted fields), sorted by impact so a query
 * reads only the best postings of a term, never its whole list. Rebuilt at every ingest (the field
 * averages and IDFs belong to the whole corpus), which keeps incremental ingest exact.
 * `df` stays exact (every chunk holding the term) even where the postings are cut.
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

const FIELDS = ['section', 'struct', 'path', 'text'] as const;
const FIELD_BOOST = [2.5, 2, 0.6, 1];
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

/** Terms are processed as everywhere else (src/text): one tokenizer for the index, queries and coverage. */
export const processTerm = indexTerm;

function fieldsOf(c: Chunk): string[] {
  return [c.section, structureText(c), c.path.replace(/\.[a-z]+$/i, ''), c.text];
}

/**
 * Best postings kept per term. A query reads at most these, so its cost does not grow with the
 * index; the rest of a very common term's list would only add tiny scores to chunks that other
 * query terms must rank anyway.
 */
export const POSTINGS_PER_TERM = 2000;

/** Per-field term frequencies packed in one number: 8 bits a field (capped at 255). */
const UNIT = [1, 256, 65536, 16777216];
const tfOf = (packed: number, f: number) => Math.floor(packed / UNIT[f]) % 256;

class Grow<T extends Uint32Array | Float64Array> {
  data: T;
  length = 0;
  constructor(private readonly make: (n: number) => T) {
    this.data = make(1024);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

function grown<T extends Uint8Array | Uint32Array>(a: T): T {
  const next = new (a.constructor as new (n: number) => T)(a.length * 2);
  next.set(a);
  return next;
}

/**
 * Collects postings chunk by chunk (ingest calls `add` as files are loaded, overlapping the graph
 * build on the other core) and computes impacts once the corpus is complete.
 */
export class LexicalBuilder {
  private n = 0;
  private readonly terms: string[] = [];
  private readonly termId = new Map<string, number>();
  /**
   * Raw token → its number (distinct raw tokens give MiniSearch's field length) and its term id
   * (-1: not indexed), so each distinct token is processed once; per-chunk counting then runs on
   * typed arrays indexed by those numbers, with stamps instead of clearing.
   */
  private readonly tokenIds = new Map<string, { raw: number; term: number }>();
  private rawSeen = new Uint32Array(1024);
  private termSeen = new Uint32Array(1024);
  private tf: Uint8Array[] = FIELDS.map(() => new Uint8Array(1024));
  private readonly touched: number[] = [];
  private readonly entryTerm = new Grow((n) => new Uint32Array(n));
  private readonly entryDoc = new Grow((n) => new Uint32Array(n));
  private readonly entryTf = new Grow((n) => new Float64Array(n));
  private readonly fieldLen = new Grow((n) => new Uint32Array(n));
  private stamp = 0;

  add(chunk: Chunk): void {
    const doc = this.n++;
    const fields = fieldsOf(chunk);
    const touched = this.touched;
    touched.length = 0;
    const docStamp = ++this.stamp;
    for (let f = 0; f < FIELDS.length; f++) {
      const fieldStamp = ++this.stamp;
      let len = 0;
      for (const tok of words(fields[f])) {
        let ids = this.tokenIds.get(tok);
        if (ids === undefined) {
          const t = processTerm(tok);
          ids = { raw: this.tokenIds.size, term: t === null ? -1 : this.idOf(t) };
          this.tokenIds.set(tok, ids);
          if (ids.raw >= this.rawSeen.length) this.rawSeen = grown(this.rawSeen);
        }
        if (this.rawSeen[ids.raw] !== fieldStamp) {
          this.rawSeen[ids.raw] = fieldStamp;
          len++;
        }
        const id = ids.term;
        if (id < 0) continue;
        if (this.termSeen[id] !== docStamp) {
          this.termSeen[id] = docStamp;
          for (const arr of this.tf) arr[id] = 0;
          touched.push(id);
        }
        // Read through this.tf each time: a new term may have just grown the arrays.
        const counts = this.tf[f];
        if (counts[id] < 255) counts[id]++;
      }
      this.fieldLen.push(len);
    }
    for (const id of touched) {
      this.entryTerm.push(id);
      this.entryDoc.push(doc);
      this.entryTf.push(this.tf[0][id] + this.tf[1][id] * UNIT[1] + this.tf[2][id] * UNIT[2] + this.tf[3][id] * UNIT[3]);
    }
  }

  private idOf(term: string): number {
    let id = this.termId.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.termId.set(term, id);
      if (id >= this.termSeen.length) {
        this.termSeen = grown(this.termSeen);
        this.tf = this.tf.map(grown);
      }
    }
    return id;
  }

  finish(): LexicalData {
    const n = this.n;
    const F = FIELDS.length;
    const T = this.terms.length;
    const E = this.entryTerm.length;
    const lens = this.fieldLen.data;
    const avg = FIELDS.map((_, f) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += lens[i * F + f];
      return n ? s / n : 0;
    });
    // Group entries by term (counting sort; doc order kept within a term).
    const start = new Uint32Array(T + 1);
    for (let e = 0; e < E; e++) start[this.entryTerm.data[e] + 1]++;
    for (let t = 0; t < T; t++) start[t + 1] += start[t];
    const fill = start.slice(0, T);
    const gDoc = new Uint32Array(E);
    const gTf = new Float64Array(E);
    for (let e = 0; e < E; e++) {
      const at = fill[this.entryTerm.data[e]]++;
      gDoc[at] = this.entryDoc.data[e];
      gTf[at] = this.entryTf.data[e];
    }
    const order = Array.from({ length: T }, (_, i) => i).sort((a, b) => (this.terms[a] < this.terms[b] ? -1 : this.terms[a] > this.terms[b] ? 1 : 0));
    const df = new Uint32Array(T);
    const offsets = new Uint32Array(T + 1);
    let kept = 0;
    for (let t = 0; t < T; t++) kept += Math.min(POSTINGS_PER_TERM, start[t + 1] - start[t]);
    const docs = new Uint32Array(kept);
    const impacts = new Float32Array(kept);
    const idf = new Float64Array(F);
    let out = 0;
    order.forEach((t, rank) => {
      const s = start[t];
      const e = start[t + 1];
      idf.fill(0);
      let inContent = 0;
      for (let j = s; j < e; j++) {
        for (let f = 0; f < F; f++) if (tfOf(gTf[j], f)) idf[f]++;
        if (tfOf(gTf[j], 0) || tfOf(gTf[j], 1) || tfOf(gTf[j], 3)) inContent++;
      }
      for (let f = 0; f < F; f++) idf[f] = Math.log(1 + (n - idf[f] + 0.5) / (idf[f] + 0.5));
      const scores = new Float64Array(e - s);
      for (let j = s; j < e; j++) {
        let score = 0;
        let packed = gTf[j];
        for (let f = 0; f < F; f++) {
          const tf = packed % 256;
          packed = (packed - tf) / 256;
          if (!tf) continue;
          const len = lens[gDoc[j] * F + f];
          score += FIELD_BOOST[f] * idf[f] * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * len) / (avg[f] || 1))));
        }
        scores[j - s] = score;
      }
      const idx = bestFirst(scores, gDoc.subarray(s, e));
      df[rank] = inContent;
      offsets[rank] = out;
      for (let i = 0; i < Math.min(POSTINGS_PER_TERM, idx.length); i++) {
        docs[out] = gDoc[s + idx[i]];
        impacts[out++] = scores[idx[i]];
      }
    });
    offsets[T] = out;
    return { size: n, terms: order.map((t) => this.terms[t]), df, offsets, docs, impacts };
  }
}

/** Positions of the best POSTINGS_PER_TERM scores, best first (ties: lower chunk first). */
function bestFirst(scores: Float64Array, docs: Uint32Array): number[] {
  let floor = -Infinity;
  if (scores.length > POSTINGS_PER_TERM) {
    // A native numeric sort of a copy finds the cut; only what passes it is sorted with a comparator.
    const sorted = Float64Array.from(scores).sort();
    floor = sorted[scores.length - POSTINGS_PER_TERM];
  }
  const idx: number[] = [];
  for (let i = 0; i < scores.length; i++) if (scores[i] >= floor) idx.push(i);
  idx.sort((a, b) => scores[b] - scores[a] || docs[a] - docs[b]);
  if (idx.length > POSTINGS_PER_TERM) idx.length = POSTINGS_PER_TERM;
  return idx;
}

export function buildLexical(chunks: Chunk[]): LexicalData {
  const builder = new LexicalBuilder();
  for (const c of chunks) builder.add(c);
  return builder.finish();
}
