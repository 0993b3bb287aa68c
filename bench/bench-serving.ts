import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { HierarchicalNSW } from 'hnswlib-node';
import { configSchema } from '../src/config.js';
import { Asker } from '../src/knowledge/answer/ask.js';
import { buildPath, FILES } from '../src/knowledge/index/build-layout.js';
import { requireManifest } from '../src/knowledge/index/index-store.js';

/**
 * What a serving process costs, each figure from a fresh child process so nothing the bench itself
 * holds counts: the raw hnswlib index alone (readIndex, its RSS) against the whole asker (open, then
 * answering questions, then its RSS). Run as `node bench-serving.js raw|asker INDEX_DIR [QUESTIONS_JSON]`.
 */
export interface ServingFigures {
  rawOpenMs: number;
  rawRssMb: number;
  openMs: number;
  servingRssMb: number;
}

const mb = (n: number) => n / 1024 / 1024;

function probe(mode: 'raw' | 'asker', indexDir: string, questionsFile?: string): { openMs: number; rssMb: number } {
  const out = execFileSync(process.execPath, ['--expose-gc', __filename, mode, indexDir, ...(questionsFile ? [questionsFile] : [])], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' }, maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as { openMs: number; rssMb: number };
}

/** Raw first (so the file is in the page cache for both, as on a warm replica), then the asker. */
export function benchServing(indexDir: string, questionsFile: string): ServingFigures {
  probe('raw', indexDir); // warms the page cache: both measured opens read from memory
  const raw = probe('raw', indexDir);
  const asker = probe('asker', indexDir, questionsFile);
  return { rawOpenMs: raw.openMs, rawRssMb: raw.rssMb, openMs: asker.openMs, servingRssMb: asker.rssMb };
}

async function child(mode: string, indexDir: string, questionsFile?: string): Promise<void> {
  let openMs: number;
  if (mode === 'raw') {
    const manifest = requireManifest(indexDir);
    const started = performance.now();
    const index = new HierarchicalNSW(manifest.params.space, manifest.embedder.dimensions);
    index.readIndexSync(path.join(buildPath(indexDir, manifest), FILES.index));
    openMs = performance.now() - started;
    index.setEf(manifest.params.efSearch);
  } else {
    const started = performance.now();
    const asker = await Asker.open(configSchema.parse({}), indexDir);
    openMs = performance.now() - started;
    const questions = questionsFile ? (JSON.parse(fs.readFileSync(questionsFile, 'utf8')) as string[]) : [];
    for (const q of questions) await asker.ask(q);
  }
  global.gc?.();
  process.stdout.write(`${JSON.stringify({ openMs, rssMb: mb(process.memoryUsage().rss) })}\n`);
}

if (require.main === module) {
  const [mode, indexDir, questionsFile] = process.argv.slice(2);
  child(mode, indexDir, questionsFile).catch((err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  });
}
