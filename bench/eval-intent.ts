/**
 * Intent accuracy on a labelled JSONL set (`intent-dev.jsonl`: {question, label}).
 * Run directly (`node dist/bench/eval-intent.js [evalDir]`) to print the figure and the misses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyIntent, type Intent } from '../src/knowledge/intent/intent.js';

export interface IntentEvalResult {
  total: number;
  correct: number;
  accuracy: number;
  errors: Array<{ question: string; expected: string; got: string }>;
}

interface IntentRow {
  question: string;
  label: Intent;
}

function readRows(file: string): IntentRow[] {
  const rows: IntentRow[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as Partial<IntentRow>;
    if (typeof row.question !== 'string' || (row.label !== 'answer' && row.label !== 'escalate')) {
      throw new Error(`${file}: row without a question and an answer/escalate label: ${line.slice(0, 120)}`);
    }
    rows.push({ question: row.question, label: row.label });
  }
  return rows;
}

export function evalIntent(evalDir: string): IntentEvalResult {
  const rows = readRows(join(evalDir, 'intent-dev.jsonl'));
  const errors: IntentEvalResult['errors'] = [];
  for (const row of rows) {
    const got = classifyIntent(row.question).intent;
    if (got !== row.label) errors.push({ question: row.question, expected: row.label, got });
  }
  const correct = rows.length - errors.length;
  return { total: rows.length, correct, accuracy: rows.length ? correct / rows.length : 0, errors };
}

if (require.main === module) {
  const result = evalIntent(process.argv[2] ?? 'eval');
  console.log(`intent accuracy ${result.correct}/${result.total} = ${result.accuracy.toFixed(3)}`);
  for (const e of result.errors) console.log(`  expected ${e.expected}, got ${e.got}: ${e.question}`);
}
