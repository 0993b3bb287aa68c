import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { loadConfig } from '../src/config.js';
import { Asker } from '../src/knowledge/answer/ask.js';
import type { RetrievalMode } from '../src/knowledge/retrieval/retriever.js';
import { confidenceFeatures, type ConfidenceFeatures } from '../src/knowledge/retrieval/confidence.js';
import { LOCAL_EMBEDDER_NAME, LocalHashEmbeddings } from '../src/llm/local-embeddings.js';
import { runIngest } from '../ingest/pipeline.js';
import { readJsonl } from './corpus.js';

export interface QaRow {
  id: string;
  question: string;
  expected_sources: string[];
  must_mention: string[];
}

export type QaKind = 'markdown' | 'openapi' | 'schema';

/** One row's outcome: what the per-kind figures, the reliability table and the confidence fit are made of. */
export interface QaOutcome {
  id: string;
  question: string;
  kind: QaKind | 'unanswerable';
  hit1: boolean;
  hit5: boolean;
  /** Every must-mention string is in the answer text (false for an unanswerable question). */
  correct: boolean;
  escalated: boolean;
  confidence: number;
  features: ConfidenceFeatures;
  got: string[];
  missing: string[];
}

export interface QaFigures {
  total: number;
  recall_at_1: number;
  recall_at_5: number;
  must_mention: number;
  /** Answered (not escalated) without the key facts: the junior reads a wrong answer. */
  confident_wrong: number;
  /** Answered, with the key facts: a senior was not needed. */
  pings_averted: number;
  outcomes: QaOutcome[];
  misses: Array<{ id: string; question: string; got: string[]; missing: string[] }>;
}

/** Builds the corpus index (one folder, or several each prefixed by its name) offline in a temporary folder and returns an Asker over it. */
export async function corpusAsker(corpus: string | string[]): Promise<{ asker: Asker; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deskmate-eval-'));
  await runIngest({ roots: Array.isArray(corpus) ? corpus : [corpus], indexDir: dir, embedder: { name: LOCAL_EMBEDDER_NAME, embeddings: new LocalHashEmbeddings() } });
  const config = loadConfig({ env: {}, cwd: dir });
  return { asker: await Asker.open(config, dir), dir };
}

/** The kind of doc a question is about, from its first expected source. */
export function kindOf(row: QaRow): QaKind {
  const p = row.expected_sources[0] ?? '';
  if (/\.sql$/i.test(p)) return 'schema';
  if (/\.(ya?ml|json)$/i.test(p)) return 'openapi';
  return 'markdown';
}

export async function evalQaRows(asker: Asker, rows: QaRow[], mode: RetrievalMode = 'hybrid'): Promise<QaFigures> {
  const outcomes: QaOutcome[] = [];
  for (const row of rows) {
    const result = await asker.ask(row.question, { mode });
    const retrieval = await asker.retrieval.retrieve(row.question, 5, mode);
    const paths = result.sources.map((s) => s.path);
    const text = result.answer.toLowerCase();
    const missing = row.must_mention.filter((m) => !text.includes(m.toLowerCase()));
    const answerable = row.must_mention.length > 0;
    outcomes.push({
      id: row.id,
      question: row.question,
      kind: answerable ? kindOf(row) : 'unanswerable',
      hit1: row.expected_sources.includes(paths[0]),
      hit5: paths.slice(0, 5).some((p) => row.expected_sources.includes(p)),
      correct: answerable && !missing.length,
      escalated: result.escalate,
      confidence: result.confidence,
      features: confidenceFeatures(retrieval.hits),
      got: paths.slice(0, 3),
      missing,
    });
  }
  return figures(outcomes);
}

export function figures(outcomes: QaOutcome[]): QaFigures {
  const n = outcomes.length || 1;
  const count = (f: (o: QaOutcome) => boolean) => outcomes.filter(f).length / n;
  return {
    total: outcomes.length,
    recall_at_1: count((o) => o.hit1),
    recall_at_5: count((o) => o.hit5),
    must_mention: count((o) => o.correct),
    confident_wrong: count((o) => !o.escalated && !o.correct),
    pings_averted: count((o) => !o.escalated && o.correct),
    outcomes,
    misses: outcomes.filter((o) => o.kind !== 'unanswerable' && (!o.hit5 || o.missing.length)).map((o) => ({ id: o.id, question: o.question, got: o.got, missing: o.missing })),
  };
}

export async function evalQa(asker: Asker, evalDir: string, mode: RetrievalMode = 'hybrid'): Promise<QaFigures> {
  return evalQaRows(asker, readJsonl<QaRow>(path.join(evalDir, 'qa-dev.jsonl')), mode);
}

/** Confidence bucket → share of answers with the key facts: what a confidence of 0.8 really means. */
export function reliabilityTable(outcomes: QaOutcome[], edges = [0, 0.2, 0.4, 0.6, 0.8, 1.0001]): Array<{ bucket: string; n: number; correct: number }> {
  const rows = [];
  for (let b = 0; b + 1 < edges.length; b++) {
    const inside = outcomes.filter((o) => o.confidence >= edges[b] && o.confidence < edges[b + 1]);
    rows.push({ bucket: `${edges[b].toFixed(1)}–${Math.min(1, edges[b + 1]).toFixed(1)}`, n: inside.length, correct: inside.length ? inside.filter((o) => o.correct).length / inside.length : 0 });
  }
  return rows;
}
