import { parentPort, workerData } from 'node:worker_threads';
import { HierarchicalNSW } from 'hnswlib-node';

/**
 * Builds the HNSW graph on the second core while the main thread loads, sanitizes and embeds the
 * next files. Messages arrive in order: `add` batches with their first label, then `finish`.
 */
interface Init {
  dims: number;
  m: number;
  efConstruction: number;
  capacity: number;
}

const { dims, m, efConstruction, capacity } = workerData as Init;
const index = new HierarchicalNSW('cosine', dims);
index.initIndex(Math.max(capacity, 1), m, efConstruction, 100);
const row = new Array<number>(dims);

parentPort!.on('message', (msg: { type: 'add'; vectors: Float32Array; first: number } | { type: 'finish'; file: string }) => {
  if (msg.type === 'add') {
    const n = msg.vectors.length / dims;
    for (let i = 0; i < n; i++) {
      for (let d = 0; d < dims; d++) row[d] = msg.vectors[i * dims + d];
      index.addPoint(row, msg.first + i);
    }
    return;
  }
  index.writeIndexSync(msg.file);
  parentPort!.postMessage({ type: 'done', count: index.getCurrentCount() });
});
