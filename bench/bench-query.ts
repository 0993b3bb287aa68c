import path from 'node:path';
import { HierarchicalNSW } from 'hnswlib-node';
import { configSchema } from '../src/config.js';
import { Asker } from '../src/knowledge/answer/ask.js';
import { openIndex, readIndexData } from '../src/knowledge/index/index-store.js';
import { buildPath, FILES } from '../src/knowledge/index/build-layout.js';
import { LocalHashEmbeddings } from '../src/llm/local-embeddings.js';

export interface Latency {
  p50: number;
  p99: number;
}

export function percentiles(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99) };
}

/** Exact top-k by dot product; every vector here is L2-normalised, so that is cosine. */
export function exactTopK(vectors: Float32Array, dims: number, query: number[], k: number): Array<[number, number]> {
  const count = vectors.length / dims;
  const best: Array<[number, number]> = [];
  for (let i = 0; i < count; i++) {
    let dot = 0;
    const base = i * dims;
    for (let d = 0; d < dims; d++) dot += vectors[base + d] * query[d];
    if (best.length < k || dot > best[best.length - 1][1]) {
      best.push([i, dot]);
      best.sort((a, b) => b[1] - a[1]);
      if (best.length > k) best.pop();
    }
  }
  return best;
}

function recallAt(found: number[][], exact: Array<Array<[number, number]>>): number {
  let hit = 0;
  let total = 0;
  exact.forEach((truth, q) => {
    const got = new Set(found[q]);
    for (const [i] of truth) if (got.has(i)) hit++;
    total += truth.length;
  });
  return total ? hit / total : NaN;
}

/**
 * Recall that forgives ties: a returned neighbour counts when its exact similarity reaches the
 * true 10th best. Hashed embeddings of short questions tie often, and a tie is not a miss.
 */
function tieTolerantRecall(found: number[][], exact: Array<Array<[number, number]>>, vectors: Float32Array, dims: number, queries: number[][]): number {
  let hit = 0;
  let total = 0;
  exact.forEach((truth, q) => {
    const kth = truth[truth.length - 1]?.[1] ?? -Infinity;
    const seen = new Set<number>();
    for (const i of found[q]) {
      if (i < 0 || seen.has(i)) continue;
      seen.add(i);
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += vectors[i * dims + d] * queries[q][d];
      if (dot >= kth - 1e-6) hit++;
    }
    total += truth.length;
  });
  return total ? Math.min(1, hit / total) : NaN;
}

export interface VectorQueryFigures {
  chunks: number;
  efSearch: number;
  loadMs: number;
  ours: Latency;
  raw: Latency;
  oursRecall: number;
  rawRecall: number;
  /** Same, but a neighbour as similar as the true 10th counts (ties are not misses). */
  oursRecallTies: number;
  /** Raw searchKnn at other efSearch values: recall and p50, to find where recall reaches 0.95. */
  efSweep: Array<{ ef: number; recall: number; recallTies: number; p50: number }>;
}

const K = 10;

/** The project's store (LangChain HNSWLib over our graph) vs raw searchKnn on the same graph file. */
export async function benchVectorQueries(indexDir: string, queries: number[][], exactCount: number, sweep: number[]): Promise<VectorQueryFigures> {
  const started = performance.now();
  const loaded = await openIndex(indexDir, new LocalHashEmbeddings());
  const loadMs = performance.now() - started;
  const store = loaded.store;
  if (!store) throw new Error(`empty index in ${indexDir}`);
  const dims = loaded.manifest.embedder.dimensions;
  const efSearch = loaded.manifest.params.efSearch;
  // The exact baseline needs every vector; the serving index does not keep a copy of them.
  const vectors = readIndexData(indexDir)!.vectors;

  const raw = new HierarchicalNSW(loaded.manifest.params.space, dims);
  raw.readIndexSync(path.join(buildPath(indexDir, loaded.manifest), FILES.index));
  raw.setEf(efSearch);

  // Warm both paths so the first-call costs (JIT, page faults) stay out of the percentiles.
  for (const q of queries.slice(0, 20)) {
    await store.similaritySearchVectorWithScore(q, K);
    raw.searchKnn(q, K);
  }
  const oursTimes: number[] = [];
  const oursFound: number[][] = [];
  for (const q of queries) {
    const t = performance.now();
    const res = await store.similaritySearchVectorWithScore(q, K);
    oursTimes.push(performance.now() - t);
    oursFound.push(res.map(([doc]) => loaded.labelOf(doc)));
  }
  const rawRun = (): { times: number[]; found: number[][] } => {
    const times: number[] = [];
    const found: number[][] = [];
    for (const q of queries) {
      const t = performance.now();
      const res = raw.searchKnn(q, K);
      times.push(performance.now() - t);
      found.push(res.neighbors);
    }
    return { times, found };
  };
  const rawMain = rawRun();
  const exact = queries.slice(0, exactCount).map((q) => exactTopK(vectors, dims, q, K));
  const efSweep: VectorQueryFigures['efSweep'] = [];
  for (const ef of sweep) {
    raw.setEf(ef);
    const run = rawRun();
    efSweep.push({ ef, recall: recallAt(run.found.slice(0, exactCount), exact), recallTies: tieTolerantRecall(run.found.slice(0, exactCount), exact, vectors, dims, queries), p50: percentiles(run.times).p50 });
  }
  return {
    chunks: loaded.chunkCount,
    efSearch,
    loadMs,
    ours: percentiles(oursTimes),
    raw: percentiles(rawMain.times),
    oursRecall: recallAt(oursFound.slice(0, exactCount), exact),
    rawRecall: recallAt(rawMain.found.slice(0, exactCount), exact),
    oursRecallTies: tieTolerantRecall(oursFound.slice(0, exactCount), exact, vectors, dims, queries),
    efSweep,
  };
}

export interface AnswerFigures {
  loadMs: number;
  latency: Latency;
  escalated: number;
  asked: number;
}

/** The whole offline answer (hybrid retrieval, intent, extraction) as the bot runs it; load timed apart. */
export async function benchAnswers(indexDir: string, questions: string[]): Promise<AnswerFigures> {
  const config = configSchema.parse({});
  global.gc?.();
  const started = performance.now();
  const asker = await Asker.open(config, indexDir);
  const loadMs = performance.now() - started;
  for (const q of questions.slice(0, 10)) await asker.ask(q);
  const times: number[] = [];
  let escalated = 0;
  for (const q of questions) {
    const t = performance.now();
    const r = await asker.ask(q);
    times.push(performance.now() - t);
    if (r.escalate) escalated++;
  }
  return { loadMs, latency: percentiles(times), escalated, asked: questions.length };
}
