import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { loaderFor } from '../ingest/loaders/index.js';
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

interface RedTeamEntry { secrets: string[]; pii: string[]; keep: string[] }

export interface RedTeamEval {
  secrets_total: number;
  secrets_leaked: number;
  pii_total: number;
  pii_leaked: number;
  keep_total: number;
  keep_kept: number;
  leaked: string[];
  dropped: string[];
}

/**
 * Texts a file yields on its way to the index or to Slack: the whole file (a paste, an upload of
 * plain text) and, when an ingest loader takes the file, every chunk text, section, meta and table.
 */
async function outputsOf(file: string, relPath: string): Promise<string[]> {
  const content = await readFile(file);
  const texts = [content.toString('utf8')];
  const loader = loaderFor(relPath, content);
  if (loader) {
    const loaded = await loader(content, relPath);
    for (const c of loaded.chunks) texts.push(c.text, c.section, c.meta ? JSON.stringify(c.meta) : '');
    for (const t of loaded.tables ?? []) texts.push(JSON.stringify(t));
  }
  return (await sanitizeMany(texts)).map((r) => r.text);
}

/**
 * The red-team fixtures (`manifest.json` names each file's planted secrets, PII and look-alikes): a
 * value leaks when it survives in any sanitized output of its file; a look-alike is kept when the
 * whole-file output still holds it.
 */
export async function evalRedTeam(dir: string): Promise<RedTeamEval> {
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, RedTeamEntry>;
  const r: RedTeamEval = { secrets_total: 0, secrets_leaked: 0, pii_total: 0, pii_leaked: 0, keep_total: 0, keep_kept: 0, leaked: [], dropped: [] };
  for (const [relPath, entry] of Object.entries(manifest)) {
    const outputs = await outputsOf(path.join(dir, relPath), relPath);
    const leaks = (v: string) => outputs.some((o) => o.includes(v));
    for (const s of entry.secrets) {
      r.secrets_total++;
      if (leaks(s)) (r.secrets_leaked++, r.leaked.push(`${relPath} secret ${s}`));
    }
    for (const p of entry.pii) {
      r.pii_total++;
      if (leaks(p)) (r.pii_leaked++, r.leaked.push(`${relPath} pii ${p}`));
    }
    for (const k of entry.keep) {
      r.keep_total++;
      if (outputs[0].includes(k)) r.keep_kept++;
      else r.dropped.push(`${relPath} ${k}`);
    }
  }
  return r;
}

// Usage: node dist/bench/eval-sanitize.js [evalDir]   |   --throughput <dir>   |   --redteam [fixtureDir]
if (require.main === module) {
  const [flag, arg] = process.argv.slice(2);
  const run: Promise<unknown> =
    flag === '--throughput'
      ? sanitizeThroughput(arg ?? path.resolve(__dirname, '../../../shared/corpus'))
      : flag === '--redteam'
        ? evalRedTeam(arg ?? path.resolve(__dirname, '../../test/fixtures/sanitize-redteam'))
        : evalSanitizer(flag ?? path.resolve(__dirname, '../../../shared/eval'));
  run
    .then((r) => console.log(JSON.stringify(r, null, 2)))
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
}
