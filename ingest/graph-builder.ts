import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { HierarchicalNSW } from 'hnswlib-node';
import { buildHnsw } from '../src/knowledge/index/index-store.js';
import type { Manifest } from '../src/knowledge/index/manifest.js';
import { childLogger } from '../src/log.js';
import type { WorkerMessage } from './hnsw-worker.js';

const log = childLogger('ingest');

/**
 * Receives vectors in label order while ingest goes on. In the built package the graph grows in a
 * worker thread as batches arrive, so building overlaps loading, sanitizing and embedding (on two
 * cores the build is then the whole critical path); elsewhere (ts-jest) it is built at the end.
 */
export interface GraphBuilder {
  /** Once, before the first `add`: the dimensions and a first guess at the point count. */
  init(dims: number, capacityHint: number): void;
  /** Rows for labels first, first+1, …; the buffer is handed over (transferred) and must not be reused. */
  add(vectors: Float32Array, first: number): void;
  /** The graph, or the path of an index file the worker wrote. */
  finish(manifest: Manifest, all: Float32Array, tmpFile: string): Promise<{ hnsw?: HierarchicalNSW; file?: string }>;
  /** Stops the worker without a graph (a failed or empty ingest). */
  abort(): Promise<void>;
}

const WORKER_FILE = path.join(__dirname, 'hnsw-worker.js');

export function createGraphBuilder(params: { m: number; efConstruction: number }): GraphBuilder {
  if (!__filename.endsWith('.js') || !fs.existsSync(WORKER_FILE)) return inThread();
  let failed: Error | undefined;
  let started = false;
  const worker = new Worker(WORKER_FILE);
  worker.on('error', (err) => {
    failed = err;
  });
  const send = (msg: WorkerMessage, transfer?: ArrayBuffer[]) => {
    if (!failed) worker.postMessage(msg, transfer);
  };
  return {
    init(dims, capacityHint) {
      started = dims > 0;
      if (started) send({ type: 'init', dims, m: params.m, efConstruction: params.efConstruction, capacity: capacityHint });
    },
    add(vectors, first) {
      send({ type: 'add', vectors, first }, [vectors.buffer as ArrayBuffer]);
    },
    async finish(manifest, all, tmpFile) {
      try {
        if (!started || all.length === 0) return {};
        if (failed) throw failed;
        await new Promise<void>((resolve, reject) => {
          worker.once('message', () => resolve());
          worker.once('error', reject);
          worker.once('exit', (code) => reject(new Error(`graph worker exited (code ${code}) before writing the index`)));
          worker.postMessage({ type: 'finish', file: tmpFile } satisfies WorkerMessage);
        });
        return { file: tmpFile };
      } catch (err) {
        // The vectors are all here: a failed worker costs time, never the build.
        log.warn({ err: (err as Error).message }, 'graph worker failed; building in-thread');
        return { hnsw: buildHnsw(manifest, all) };
      } finally {
        await worker.terminate();
      }
    },
    async abort() {
      await worker.terminate();
    },
  };
}

function inThread(): GraphBuilder {
  return {
    init() {},
    add() {},
    async finish(manifest, all) {
      return { hnsw: all.length ? buildHnsw(manifest, all) : undefined };
    },
    async abort() {},
  };
}
