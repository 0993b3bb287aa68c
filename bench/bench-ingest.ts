import { HierarchicalNSW } from 'hnswlib-node';
import { runIngest } from '../ingest/pipeline.js';
import { createProgress } from '../ingest/progress.js';
import { sanitizeMany } from '../src/security/sanitize/index.js';
import { DEFAULT_INDEX_PARAMS, type IndexParams } from '../src/knowledge/index/index-params.js';
import { buildHnsw, readIndexData } from '../src/knowledge/index/index-store.js';
import { LOCAL_EMBEDDER_NAME, LocalHashEmbeddings } from '../src/llm/local-embeddings.js';

/** Samples RSS every 50 ms; the peak is what a user's machine must have free. */
export function startRssSampler(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return peak / 1024 / 1024;
    },
  };
}

export interface IngestFigures {
  files: number;
  chunks: number;
  ms: number;
  chunksPerS: number;
  peakRssMb: number;
}

/** End to end through runIngest (load, sanitize, embed, HNSW build, write) with the offline embedder. */
export async function benchIngest(roots: string[], indexDir: string): Promise<IngestFigures> {
  global.gc?.();
  const sampler = startRssSampler();
  const started = performance.now();
  const result = await runIngest({
    roots,
    indexDir,
    embedder: { name: LOCAL_EMBEDDER_NAME, embeddings: new LocalHashEmbeddings() },
    progress: createProgress(process.stderr, true),
  });
  const ms = performance.now() - started;
  const peakRssMb = sampler.stop();
  return { files: result.files, chunks: result.chunks, ms, chunksPerS: result.chunks / (ms / 1000), peakRssMb };
}

export interface BuildFigures {
  count: number;
  dims: number;
  rawMs: number;
  rawPerS: number;
  /** The project's buildHnsw on the same vectors: isolates graph building from the rest of ingest. */
  oursMs: number;
  oursPerS: number;
}

/** Raw hnswlib-node build vs the project's buildHnsw, same vectors, same M/efConstruction. */
export function benchBuild(indexDir: string, params: IndexParams = DEFAULT_INDEX_PARAMS): BuildFigures {
  const data = readIndexData(indexDir);
  if (!data) throw new Error(`no index in ${indexDir}`);
  const dims = data.manifest.embedder.dimensions;
  const count = data.chunks.length;
  // Rows as plain arrays up front, so the raw figure is hnswlib's work alone.
  const rows: number[][] = new Array(count);
  for (let i = 0; i < count; i++) rows[i] = Array.from(data.vectors.subarray(i * dims, (i + 1) * dims));
  global.gc?.();
  let started = performance.now();
  const raw = new HierarchicalNSW(params.space, dims);
  raw.initIndex(count, params.m, params.efConstruction, 100);
  for (let i = 0; i < count; i++) raw.addPoint(rows[i], i);
  const rawMs = performance.now() - started;
  global.gc?.();
  started = performance.now();
  buildHnsw({ ...data.manifest, params }, data.vectors);
  const oursMs = performance.now() - started;
  return { count, dims, rawMs, rawPerS: count / (rawMs / 1000), oursMs, oursPerS: count / (oursMs / 1000) };
}

export interface PhaseFigures {
  sample: number;
  embedPerS: number;
  sanitizePerS: number;
}

/**
 * Where ingest time goes besides the graph: the offline embedder and the sanitizer, each run on
 * (up to) the first `sample` chunks of a built index, the way runIngest calls them (per file).
 */
export async function benchPhases(indexDir: string, sample = 10_000): Promise<PhaseFigures> {
  const data = readIndexData(indexDir);
  if (!data) throw new Error(`no index in ${indexDir}`);
  const chunks = data.chunks.slice(0, sample);
  const embedder = new LocalHashEmbeddings();
  let started = performance.now();
  for (let i = 0; i < chunks.length; i += 256) await embedder.embedDocuments(chunks.slice(i, i + 256).map((c) => `${c.section}\n${c.text}`));
  const embedMs = performance.now() - started;
  const byPath = new Map<string, string[]>();
  for (const c of chunks) {
    const texts = byPath.get(c.path) ?? [];
    texts.push(c.text, c.section, c.meta ? JSON.stringify(c.meta) : '');
    byPath.set(c.path, texts);
  }
  started = performance.now();
  for (const texts of byPath.values()) await sanitizeMany(texts);
  const sanitizeMs = performance.now() - started;
  return { sample: chunks.length, embedPerS: chunks.length / (embedMs / 1000), sanitizePerS: chunks.length / (sanitizeMs / 1000) };
}
