import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runIngest } from '../ingest/pipeline.js';
import { loadConfig } from '../src/config.js';
import { Asker } from '../src/knowledge/answer/ask.js';
import { LOCAL_EMBEDDER_NAME, LocalHashEmbeddings } from '../src/llm/local-embeddings.js';
import { packageRoot } from '../src/paths.js';

interface DecisionQuestion {
  q: string;
  /** `<project>/<file>` of the record that answers it (or of each record that does), or null when none covers it. */
  record: string | string[] | null;
}

export interface DecisionFigures {
  covered: number;
  covered_answered: number;
  /** Covered why-questions answered from the right record (target ≥ 0.9). */
  covered_rate: number;
  uncovered: number;
  uncovered_escalated: number;
  /** Why-questions no record covers, still escalated (target ≥ 0.95). */
  uncovered_escalated_rate: number;
  misses: Array<{ q: string; expected: string | null; got: string }>;
}

/**
 * Decision records: real ADR folders (test/fixtures/adr) indexed together, then why-questions a
 * junior would ask — some covered by a record, some not — through the whole offline Asker.
 */
export async function evalDecisions(fixtures = path.join(packageRoot(), 'test/fixtures/adr')): Promise<DecisionFigures> {
  const docs = fs.mkdtempSync(path.join(os.tmpdir(), 'deskmate-adr-eval-'));
  for (const project of fs.readdirSync(fixtures).filter((p) => fs.statSync(path.join(fixtures, p)).isDirectory())) {
    fs.cpSync(path.join(fixtures, project), path.join(docs, 'docs/adr', project), { recursive: true });
  }
  const indexDir = path.join(docs, '.index');
  await runIngest({ roots: [path.join(docs, 'docs')], indexDir, embedder: { name: LOCAL_EMBEDDER_NAME, embeddings: new LocalHashEmbeddings() } });
  const asker = await Asker.open(loadConfig({ env: {}, cwd: docs }), indexDir);
  const questions = fs.readFileSync(path.join(fixtures, 'questions-dev.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as DecisionQuestion);
  const f: DecisionFigures = { covered: 0, covered_answered: 0, covered_rate: 0, uncovered: 0, uncovered_escalated: 0, uncovered_escalated_rate: 0, misses: [] };
  for (const { q, record } of questions) {
    const r = await asker.ask(q);
    const got = r.answeredBy === 'decision-record' ? `record ${r.sources[0]?.path}` : r.escalate ? 'escalated' : `answered from ${r.sources[0]?.path ?? 'nothing'}`;
    if (record) {
      f.covered += 1;
      const accepted = (Array.isArray(record) ? record : [record]).map((p) => `adr/${p}`);
      const ok = r.answeredBy === 'decision-record' && accepted.includes(r.sources[0]?.path ?? '');
      if (ok) f.covered_answered += 1;
      else f.misses.push({ q, expected: accepted.join(' | '), got });
    } else {
      f.uncovered += 1;
      if (r.escalate) f.uncovered_escalated += 1;
      else f.misses.push({ q, expected: null, got });
    }
  }
  f.covered_rate = f.covered ? f.covered_answered / f.covered : 0;
  f.uncovered_escalated_rate = f.uncovered ? f.uncovered_escalated / f.uncovered : 0;
  fs.rmSync(docs, { recursive: true, force: true });
  return f;
}
