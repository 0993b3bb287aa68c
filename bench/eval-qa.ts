import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { loadConfig } from '../src/config.js';
import { Asker } from '../src/knowledge/answer/ask.js';
import type { RetrievalMode } from '../src/knowledge/retrieval/retriever.js';
import { LOCAL_EMBEDDER_NAME, LocalHashEmbeddings } from '../src/llm/local-embeddings.js';
import { runIngest } from '../ingest/pipeline.js';
import { readJsonl } from './corpus.js';

interface QaRow {
  id: string;
  question: string;
  expected_sources: string[];
  must_mention: string[];
}

export interface QaFigures {
  total: number;
  recall_at_1: number;
  recall_at_5: number;
  must_mention: number;
  misses: Array<{ id: string; question: string; got: string[]; missing: string[] }>;
}

/** Builds the corpus index offline in a temporary folder and returns an Asker over it. */
export async function corpusAsker(corpusDir: string): Promise<{ asker: Asker; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deskmate-eval-'));
  await runIngest({ roots: [corpusDir], indexDir: dir, embedder: { name: LOCAL_EMBEDDER_NAME, embeddings: new LocalHashEmbeddings() } });
  const config = loadConfig({ env: {}, cwd: dir });
  return { asker: await Asker.open(config, dir), dir };
}

export async function evalQa(asker: Asker, evalDir: string, mode: RetrievalMode = 'hybrid'): Promise<QaFigures> {
  const rows = readJsonl<QaRow>(path.join(evalDir, 'qa-dev.jsonl'));
  let r1 = 0;
  let r5 = 0;
  let mm = 0;
  const misses: QaFigures['misses'] = [];
  for (const row of rows) {
    const result = await asker.ask(row.question, { mode });
    const paths = result.sources.map((s) => s.path);
    const hit1 = row.expected_sources.includes(paths[0]);
    const hit5 = paths.slice(0, 5).some((p) => row.expected_sources.includes(p));
    const text = result.answer.toLowerCase();
    const missing = row.must_mention.filter((m) => !text.includes(m.toLowerCase()));
    if (hit1) r1++;
    if (hit5) r5++;
    if (!missing.length) mm++;
    if (!hit5 || missing.length) misses.push({ id: row.id, question: row.question, got: paths.slice(0, 3), missing });
  }
  const n = rows.length || 1;
  return { total: rows.length, recall_at_1: r1 / n, recall_at_5: r5 / n, must_mention: mm / n, misses };
}
