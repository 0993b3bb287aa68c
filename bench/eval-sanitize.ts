import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sanitizeMany } from '../ingest/sanitize/index.js';

/**
 * Sanitizer quality on the eval sets: every listed secret must be gone from the sanitized text
 * (0 leaked is the target) and every harmless look-alike must survive (≥ 97 % kept).
 */
export interface SanitizerEval {
  secrets_total: number;
  secrets_leaked: number;
  keep_total: number;
  keep_kept: number;
  keep_rate: number;
  leaked_ids: string[];
  dropped_ids: string[];
}

interface SecretCase { id: string; text: string; secrets: string[] }
interface KeepCase { id: string; text: string; keep: string[] }

async function readJsonl<T>(file: string): Promise<T[]> {
  const raw = await readFile(file, 'utf8');
  return raw.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as T);
}

export async function evalSanitizer(evalDir: string): Promise<SanitizerEval> {
  const secretCases = await readJsonl<SecretCase>(path.join(evalDir, 'secrets-dev.jsonl'));
  const keepCases = await readJsonl<KeepCase>(path.join(evalDir, 'clean-dev.jsonl'));
  const secretResults = await sanitizeMany(secretCases.map((c) => c.text));
  const keepResults = await sanitizeMany(keepCases.map((c) => c.text));

  let secretsTotal = 0;
  let leaked = 0;
  const leakedIds: string[] = [];
  secretCases.forEach((c, i) => {
    const leaks = c.secrets.filter((s) => secretResults[i].text.includes(s));
    secretsTotal += c.secrets.length;
    leaked += leaks.length;
    if (leaks.length > 0) leakedIds.push(c.id);
  });

  let keepTotal = 0;
  let kept = 0;
  const droppedIds: string[] = [];
  keepCases.forEach((c, i) => {
    const survived = c.keep.filter((k) => keepResults[i].text.includes(k));
    keepTotal += c.keep.length;
    kept += survived.length;
    if (survived.length < c.keep.length) droppedIds.push(c.id);
  });

  return {
    secrets_total: secretsTotal,
    secrets_leaked: leaked,
    keep_total: keepTotal,
    keep_kept: kept,
    keep_rate: keepTotal === 0 ? 1 : kept / keepTotal,
    leaked_ids: leakedIds,
    dropped_ids: droppedIds,
  };
}

if (require.main === module) {
  const dir = process.argv[2] ?? path.resolve(__dirname, '../../../shared/eval');
  evalSanitizer(dir)
    .then((r) => console.log(JSON.stringify(r, null, 2)))
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
}
