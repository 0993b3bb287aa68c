import type { Embeddings } from '@langchain/core/embeddings';
import type { Chunk } from '../../ports/chunk.js';
import type { LoadedIndex } from '../index/index-store.js';
import { type LexicalIndex, structureText } from '../index/lexical-index.js';
import { queryTerms } from '../../text/tokenize.js';
import { SchemaGraph } from '../../schema/schema-graph.js';
import { stem, words } from '../../text/tokenize.js';
import { termMatch } from './term-match.js';
import { questionShape } from '../intent/question-shape.js';

/**
 * Hybrid retrieval: HNSW vector search (through LangChain's HNSWLib) and BM25 (MiniSearch)
 * propose candidates; each is then scored on an absolute 0..1 scale from IDF-weighted term
 * coverage (body and heading), vector similarity, rank fusion and the structure ingest kept
 * (endpoints, tables named in the question, join tables between them).
 */
export type RetrievalMode = 'hybrid' | 'bm25' | 'vector' | 'hybrid-no-structure';

export interface Hit {
  index: number;
  chunk: Chunk;
  score: number;
  coverage: number;
  headingCoverage: number;
  similarity: number;
}

export interface Retrieval {
  hits: Hit[];
  terms: string[];
  tablesMentioned: string[];
  /** Join tables linking two tables the question names ("which table links films to actors"). */
  linkingTables: string[];
}

/**
 * Scoring parameters. The score is an absolute 0..1 scale so that one number means the same
 * across questions; the confidence model (confidence.ts) is fitted on features built from it.
 */
const SCORING = {
  /** Candidates each of BM25 and the vector search propose before scoring. */
  candidates: 40,
  /** Reciprocal-rank-fusion constant (the usual 60: rank 0 is worth 1/60). */
  rrfK: 60,
  /** A vector-search rank counts this much of a BM25 rank in the fusion: hashed vectors are weaker evidence. */
  vectorRankWeight: 0.8,
  /** Weights of the combined score; they sum to 1 so a perfect chunk scores 1 before structure boosts. */
  weights: { coverage: 0.42, headingCoverage: 0.23, similarity: 0.2, fusion: 0.15 },
  /** A term matched only through a prefix relative or a synonym ("rename" → "update") earns this share of its IDF. */
  relativeMatchCredit: 0.6,
  /** "How do I …" is answered by an operation, not by an entity's attribute list. */
  proceduralOperationBoost: 0.06,
  /** Structure: the table that links two tables the question names; the first-named table; any other named table. */
  linkingTableBoost: 0.25,
  firstTableBoost: 0.15,
  namedTableBoost: 0.08,
  /** An endpoint path written in the question ("/api/v1/lists") found in the chunk's structure. */
  pathBoost: 0.2,
  /** "What does X look like?" is answered by a section that shows an example (a code block). */
  exampleBoost: 0.05,
  /** A partitioned table's parent ranks just above its best partition. */
  partitionParentLead: 0.02,
} as const;

const CANDIDATES = SCORING.candidates;
const RRF_K = SCORING.rrfK;
/** Fusion is normalised by its maximum (rank 0 in both lists) so it spans 0..1. */
const FUSION_MAX = (1 + SCORING.vectorRankWeight) / RRF_K;
/**
 * efSearch for the vector candidates. The manifest's grows with the index (pure vector search keeps
 * recall@10 ≥ 0.95 that way), but these candidates are only re-scored with coverage and fused with
 * BM25's: a constant ef keeps their cost flat as the index grows.
 */
const CANDIDATE_EF = 256;

export class HybridRetriever {
  readonly lexical: LexicalIndex;
  readonly graph: SchemaGraph;
  private readonly dims: number;

  constructor(private readonly index: LoadedIndex, private readonly embeddings: Embeddings) {
    this.lexical = index.lexical;
    this.graph = new SchemaGraph(index.tables);
    this.dims = index.manifest.embedder.dimensions;
  }

  /** Every chunk (read from disk on first use: schema review, scaffold). */
  get chunks(): Chunk[] {
    return this.index.allChunks();
  }

  get chunkCount(): number {
    return this.index.chunkCount;
  }

  async retrieve(question: string, k = 5, mode: RetrievalMode = 'hybrid'): Promise<Retrieval> {
    const { compounds, verbs } = this.compoundTerms(question);
    // The phrasal verb's meaning is the compound: "log" alone would also match "logged-in" prose.
    const terms = [...new Set([...queryTerms(question).filter((t) => !verbs.includes(t)), ...compounds])];
    const useStructure = mode === 'hybrid';
    const tablesMentioned = useStructure && this.graph.size ? this.graph.mentioned(question).filter((t) => namesTable(question, t)) : [];
    const linkingTables: string[] = [];
    for (let i = 0; i < tablesMentioned.length; i++) {
      for (let j = i + 1; j < tablesMentioned.length; j++) {
        for (const t of this.graph.linking(tablesMentioned[i], tablesMentioned[j])) if (!linkingTables.includes(t.name)) linkingTables.push(t.name);
      }
    }
    if (!this.index.chunkCount || (!terms.length && mode !== 'vector')) return { hits: [], terms, tablesMentioned, linkingTables };

    const lexRanks = new Map<number, number>();
    if (mode !== 'vector') {
      this.lexical.query(compounds.length ? `${question} ${compounds.join(' ')}` : question, CANDIDATES).forEach((h, r) => {
        lexRanks.set(h.index, r);
      });
    }
    const vecRanks = new Map<number, number>();
    let queryVec: number[] | null = null;
    if (mode !== 'bm25' && this.index.store) {
      queryVec = await this.embeddings.embedQuery(question);
      const results = await this.index.nearest(queryVec, CANDIDATES, CANDIDATE_EF);
      results.forEach(([doc], r) => {
        const idx = this.index.labelOf(doc);
        if (idx >= 0) vecRanks.set(idx, r);
      });
    }
    const candidates = new Set<number>([...lexRanks.keys(), ...vecRanks.keys()]);
    if (useStructure) for (const name of [...tablesMentioned, ...linkingTables]) for (const i of this.tableChunks(name)) candidates.add(i);

    const procedural = /^\s*(?:how\s+(?:do|can|would|should)\s+(?:i|we|you)|how\s+to|is\s+there\s+(?:a|an)\s+(?:way|endpoint|api))\b/i.test(question);
    const wantsExample = questionShape(question) === 'example';
    const idfTotal = terms.reduce((s, t) => s + this.lexical.idf(t), 0) || 1;
    const hits: Hit[] = [];
    for (const i of candidates) {
      const chunk = this.index.chunk(i);
      const { body, heading } = this.termsOf(i);
      let cov = 0;
      let head = 0;
      for (const t of terms) {
        const w = this.lexical.idf(t);
        const inHeading = termMatch(t, heading);
        const relative = w * SCORING.relativeMatchCredit;
        if (inHeading || termMatch(t, body)) cov += inHeading === 1 || termMatch(t, body) === 1 ? w : relative;
        if (inHeading) head += inHeading === 1 ? w : relative;
      }
      const coverage = cov / idfTotal;
      const headingCoverage = head / idfTotal;
      const similarity = queryVec ? Math.max(0, this.cosine(queryVec, i)) : 0;
      const rrf = (lexRanks.has(i) ? 1 / (RRF_K + lexRanks.get(i)!) : 0) + (vecRanks.has(i) ? SCORING.vectorRankWeight / (RRF_K + vecRanks.get(i)!) : 0);
      let score: number;
      if (mode === 'bm25') score = lexRanks.has(i) ? 1 / (1 + lexRanks.get(i)!) : 0;
      else if (mode === 'vector') score = similarity;
      else {
        const w = SCORING.weights;
        score = w.coverage * coverage + w.headingCoverage * headingCoverage + w.similarity * similarity + w.fusion * (rrf / FUSION_MAX);
      }
      if (useStructure) score += this.structureBoost(chunk, question, tablesMentioned, linkingTables);
      if (useStructure && procedural && isOperation(chunk)) score += SCORING.proceduralOperationBoost;
      if (useStructure && wantsExample && chunk.text.includes('```')) score += SCORING.exampleBoost;
      hits.push({ index: i, chunk, score: Math.min(1, score), coverage, headingCoverage, similarity });
    }
    if (useStructure) this.promotePartitionParents(hits);
    hits.sort((a, b) => b.score - a.score || a.index - b.index);
    return { hits: distinct(hits, k), terms, tablesMentioned, linkingTables };
  }

  /**
   * Phrasal verbs the docs write as one word: "log a user in" → login, "sign up" → signup, "set up" →
   * setup. A particle joins any of the three words before it; the joined word is kept only when
   * the corpus uses it.
   */
  private compoundTerms(question: string): { compounds: string[]; verbs: string[] } {
    const ws = words(question.toLowerCase());
    const unseen = this.lexical.idf('\u0000');
    const compounds: string[] = [];
    const verbs: string[] = [];
    ws.forEach((w, i) => {
      if (!PARTICLES.has(w)) return;
      for (let j = Math.max(0, i - COMPOUND_WINDOW); j < i; j++) {
        for (const t of queryTerms(`${ws[j]}${w}`)) {
          if (this.lexical.idf(t) >= unseen || compounds.includes(t)) continue;
          compounds.push(t);
          verbs.push(...queryTerms(ws[j]!));
        }
      }
    });
    return { compounds, verbs };
  }

  /** A partition stands for its parent table: the parent inherits its best partition's score. */
  private promotePartitionParents(hits: Hit[]): void {
    const best = new Map<string, Hit>();
    for (const h of hits) {
      const parent = h.chunk.meta?.partitionOf;
      if (typeof parent === 'string' && (!best.has(parent) || best.get(parent)!.score < h.score)) best.set(parent, h);
    }
    for (const [parent, child] of best) {
      for (const i of this.tableChunks(parent)) {
        const existing = hits.find((h) => h.index === i);
        const score = Math.min(1, child.score + SCORING.partitionParentLead);
        if (existing) existing.score = Math.max(existing.score, score);
        else hits.push({ ...child, index: i, chunk: this.index.chunk(i), score });
      }
    }
  }

  private structureBoost(chunk: Chunk, question: string, tables: string[], linking: string[]): number {
    let boost = 0;
    const table = typeof chunk.meta?.table === 'string' ? chunk.meta.table.toLowerCase() : chunk.kind === 'sql-table' ? chunk.section.replace(/^table\s+/i, '').toLowerCase() : '';
    if (table) {
      if (linking.includes(table)) boost += SCORING.linkingTableBoost;
      else if (tables[0] === table) boost += SCORING.firstTableBoost;
      else if (tables.includes(table)) boost += SCORING.namedTableBoost;
    }
    // An endpoint path written in the question ("/api/v1/lists") pins the operation that serves it.
    const paths = question.match(/\/[\w{}:./-]+/g);
    if (paths) {
      const own = structureText(chunk).toLowerCase();
      if (paths.some((p) => own.includes(p.toLowerCase()))) boost += SCORING.pathBoost;
    }
    return boost;
  }

  private readonly termCache = new Map<number, { body: string[]; heading: string[] }>();

  /** Chunk terms for coverage scoring, cached: popular chunks come back query after query. */
  private termsOf(i: number): { body: string[]; heading: string[] } {
    let t = this.termCache.get(i);
    if (!t) {
      const chunk = this.index.chunk(i);
      // A chunk that holds several short subsections is found by any of their headings.
      const headings = Array.isArray(chunk.meta?.headings) ? chunk.meta.headings.join(' ') : '';
      t = { body: queryTerms(`${chunk.text} ${chunk.path}`), heading: queryTerms(`${chunk.section} ${headings} ${structureText(chunk)}`) };
      if (this.termCache.size >= 20_000) this.termCache.delete(this.termCache.keys().next().value as number);
      this.termCache.set(i, t);
    }
    return t;
  }

  private tableChunks(name: string): number[] {
    return this.index.tableChunks(name);
  }

  /** Exact similarity from the graph's own copy of the vector (the index keeps vectors once). */
  private cosine(q: number[], i: number): number {
    const v = this.index.vectorOf(i);
    if (!v) return 0;
    let dot = 0;
    let nq = 0;
    let nv = 0;
    for (let d = 0; d < this.dims; d++) {
      dot += q[d] * v[d];
      nq += q[d] * q[d];
      nv += v[d] * v[d];
    }
    return dot / (Math.sqrt(nq * nv) || 1);
  }
}

const PARTICLES = new Set(['in', 'out', 'up', 'down', 'on', 'off', 'over', 'back']);
/** How many words before a particle may be its verb ("log a user in"). */
const COMPOUND_WINDOW = 3;

/** Words that make a question about the schema: then a table-like word is taken as a table. */
const SCHEMA_CUE = /\b(?:tables?|columns?|schema|foreign keys?|fks?|primary keys?|references?|referenced|joins?|indexe?s|indices|sql|database|db|rows?|fields?|stored|stores?|holds?|keeps?)\b/i;
/** The slot of the main verb: "how do I list …", "I want to list …", "can you list …". */
const VERB_SLOT = /(?:^|\b(?:how\s+(?:do|can|should|would|could)\s+(?:i|we|you)|how\s+to|(?:want|need|trying|going|way)\s+to|can\s+(?:i|we|you)|please|to))\s+$/i;

/**
 * Does the question really name this table, or only use an ordinary word that happens to be
 * its name ("how do I list subscribers?" is not about a `lists` table)? A table is named by its
 * exact identifier, or by a word outside the verb slot, or by any word when the question is
 * about the schema.
 */
export function namesTable(question: string, table: string): boolean {
  const name = table.toLowerCase();
  // A compound name written as one identifier or as its words in order ("film actor").
  if (name.includes('_') && new RegExp(`\\b${name.split('_').map((p) => p.replace(/[^\w]/g, '')).join('\\w*[\\s_-]+')}`, 'i').test(question)) return true;
  if (SCHEMA_CUE.test(question)) return true;
  const stemmed = stem(name);
  const ws = question.toLowerCase().split(/[^\p{L}\p{N}_]+/u);
  let offset = 0;
  const lower = question.toLowerCase();
  for (const w of ws) {
    const at = lower.indexOf(w, offset);
    offset = at + w.length;
    if (!w || (w !== name && stem(w) !== stemmed)) continue;
    if (!VERB_SLOT.test(lower.slice(0, at))) return true;
  }
  return false;
}

function isOperation(chunk: Chunk): boolean {
  return chunk.kind === 'openapi-operation' || (Array.isArray(chunk.meta?.endpoints) && chunk.meta.endpoints.length > 0);
}

/** At most k hits, one per (path, section). */
function distinct(hits: Hit[], k: number): Hit[] {
  const seen = new Set<string>();
  const out: Hit[] = [];
  for (const h of hits) {
    const key = `${h.chunk.path}#${h.chunk.section}`;
    // Near-duplicates that differ only in numbers (monthly partitions, versioned copies) count once.
    const shape = `${h.chunk.path}#${h.chunk.text.slice(0, 300).replace(/\d+/g, '#')}`;
    const parent = typeof h.chunk.meta?.partitionOf === 'string' ? `${h.chunk.path}#table ${h.chunk.meta.partitionOf}` : '';
    if (seen.has(key) || seen.has(shape) || (parent && seen.has(parent))) continue;
    seen.add(key);
    seen.add(shape);
    if (parent) seen.add(parent);
    out.push(h);
    if (out.length >= k) break;
  }
  return out;
}

function wordsOf(text: string): string[] {
  return words(text);
}
