import { parentPort } from 'node:worker_threads';
import { HierarchicalNSW } from 'hnswlib-node';

/**
 * Builds the HNSW graph on the second core while the main thread loads, sanitizes and embeds the
 * next files. Started before the first file is read (loading hnswlib overlaps discovery); messages
 * arrive in order: `init` once the dimensions are known, `add` batches in label order (their
 * buffers transferred, not copied), then `finish`.
 */
export type WorkerMessage =
  | { type: 'init'; dims: number; m: number; efConstruction: number; capacity: number }
  | { type: 'add'; vectors: Float32Array; first: number }
  | { type: 'finish'; file: string };

let index: HierarchicalNSW | undefined;
let dims = 0;
let row: number[] = [];

parentPort!.on('message', (msg: WorkerMessage) => {
  if (msg.type === 'init') {
    dims = msg.dims;
    row = new Array<number>(dims);
    index = new HierarchicalNSW('cosine', dims);
    index.initIndex(Math.max(msg.capacity, 1), msg.m, msg.efConstruction, 100);
    return;
  }
  if (!index) throw new Error(`hnsw worker: ${msg.type} before init`);
  if (msg.type === 'add') {
    const n = msg.vectors.length / dims;
    // The chunk count is unknown until the last file is loaded: grow by half again when full.
    const needed = msg.first + n;
    if (needed > index.getMaxElements()) index.resizeIndex(Math.max(needed, Math.ceil(index.getMaxElements() * 1.5)));
    const v = msg.vectors;
    for (let i = 0; i < n; i++) {
      const base = i * dims;
      for (let d = 0; d < dims; d++) row[d] = v[base + d];
      index.addPoint(row, msg.first + i);
    }
    return;
  }
  // Trim spare capacity so the file is what a build of exactly this many points writes.
  const count = index.getCurrentCount();
  if (index.getMaxElements() !== count) index.resizeIndex(Math.max(count, 1));
  index.writeIndexSync(msg.file);
  parentPort!.postMessage({ type: 'done', count });
});
