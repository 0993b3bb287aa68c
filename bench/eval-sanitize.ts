import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sanitizeMany } from '../src/security/sanitize/index.js';

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

/**
 * Throughput of sanitizeMany over ~600-character chunks of every text file under `dir` (the ingest
 * target is ≥ 10,000 chunks/s on one core). CPU time is reported too: on a shared machine wall time
 * also counts other processes.
 */
export async function sanitizeThroughput(dir: string, rounds = 3): Promise<{ chunks: number; chunksPerSecond: number; chunksPerCpuSecond: number }> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && /\.(md|mdx|txt|ya?ml|json|sql|csv)$/i.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
  const chunks: string[] = [];
  for (const f of files) {
    const text = await readFile(f, 'utf8');
    for (let i = 0; i < text.length; i += 600) chunks.push(text.slice(i, i + 600));
  }
  await sanitizeMany(chunks.slice(0, 200)); // load secretlint and warm up the regexes
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) await sanitizeMany(chunks);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const done = chunks.length * rounds;
  return {
    chunks: chunks.length,
    chunksPerSecond: Math.round(done / wall),
    chunksPerCpuSecond: Math.round(done / ((cpu.user + cpu.system) / 1e6)),
  };
}

// Usage: node dist/bench/eval-sanitize.js [evalDir]   |   node dist/bench/eval-sanitize.js --throughput <dir>
if (require.main === module) {
  const [flag, arg] = process.argv.slice(2);
  const run =
    flag === '--throughput'
      ? sanitizeThroughput(arg ?? path.resolve(__dirname, '../../../shared/corpus'))
      : evalSanitizer(flag ?? path.resolve(__dirname, '../../../shared/eval'));
  run
    .then((r) => console.log(JSON.stringify(r, null, 2)))
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
}
