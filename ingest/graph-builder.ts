import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { HierarchicalNSW } from 'hnswlib-node';
import { buildHnsw } from '../src/knowledge/index-store.js';
import type { Manifest } from '../src/knowledge/manifest.js';
import { childLogger } from '../src/log.js';

const log = childLogger('ingest');

/**
 * Receives vectors in label order while ingest goes on. In the built package the graph grows in a
 * worker thread, so building overlaps embedding; elsewhere (ts-jest) it is built at the end.
 */
export interface GraphBuilder {
  add(vectors: Float32Array, first: number): void;
  /** The graph, or the path of an index file the worker wrote. */
  finish(manifest: Manifest, all: Float32Array, tmpFile: string): Promise<{ hnsw?: HierarchicalNSW; file?: string }>;
}

const WORKER_FILE = path.join(__dirname, 'hnsw-worker.js');

export function createGraphBuilder(params: { dims: number; m: number; efConstruction: number; capacity: number }): GraphBuilder {
  if (!__filename.endsWith('.js') || !fs.existsSync(WORKER_FILE) || params.dims === 0 || params.capacity === 0) return inThread();
  let failed: Error | undefined;
  const worker = new Worker(WORKER_FILE, { workerData: params });
  worker.on('error', (err) => {
    failed = err;
  });
  return {
    add(vectors, first) {
      if (!failed) worker.postMessage({ type: 'add', vectors, first });
    },
    async finish(manifest, all, tmpFile) {
      try {
        if (failed) throw failed;
        await new Promise<void>((resolve, reject) => {
          worker.once('message', () => resolve());
          worker.once('error', reject);
          worker.postMessage({ type: 'finish', file: tmpFile });
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
  };
}

function inThread(): GraphBuilder {
  return {
    add() {},
    async finish(manifest, all) {
      return { hnsw: all.length ? buildHnsw(manifest, all) : undefined };
    },
  };
}
