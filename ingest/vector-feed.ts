import type { Embeddings } from '@langchain/core/embeddings';
import type { GraphBuilder } from './graph-builder.js';

/**
 * Collects every chunk's vector in label order — embedded in batches, or reused from the previous
 * index — and hands each contiguous run of finished rows to the graph builder as soon as it is
 * complete, so the graph grows while later files are still being loaded and embedded.
 */
export class VectorFeed {
  private store = new Float32Array(0);
  private dims = 0;
  private count = 0;
  private posted = 0;
  private pending: Array<{ text: string; slot: number }> = [];
  /** Chunks embedded so far (reused ones excluded). */
  embedded = 0;

  constructor(
    private readonly embeddings: Embeddings,
    private readonly builder: GraphBuilder,
    private readonly batchSize: number,
    /** Chunks expected, a first guess for the buffers (they grow when it is short). */
    private capacityHint: number,
    /** Known up front when vectors are reused from an index; otherwise from the first embedding. */
    dims = 0,
  ) {
    if (dims) this.setDims(dims);
  }

  get size(): number {
    return this.count;
  }

  get dimensions(): number {
    return this.dims;
  }

  /** Queues a chunk's text to embed; its vector takes the next label. */
  async addText(text: string): Promise<void> {
    this.pending.push({ text, slot: this.count++ });
    if (this.pending.length >= this.batchSize) await this.flush();
  }

  /** Appends vectors reused from the previous index (rows of the index's dimensions). */
  addVectors(rows: Float32Array): void {
    const n = rows.length / this.dims;
    this.reserve(this.count + n);
    this.store.set(rows, this.count * this.dims);
    this.count += n;
  }

  /** Embeds what is queued and sends finished rows to the graph once a batch's worth is ready. */
  async maybeFlush(): Promise<void> {
    if (this.count - this.posted >= this.batchSize) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length) {
      const batch = this.pending;
      this.pending = [];
      const vecs = await this.embeddings.embedDocuments(batch.map((b) => b.text));
      if (!this.dims) this.setDims(vecs[0].length);
      this.reserve(this.count);
      vecs.forEach((v, j) => {
        if (v.length !== this.dims) throw new Error(`embedder returned ${v.length} dimensions where the index has ${this.dims}: re-ingest with --embedder to rebuild`);
        this.store.set(v, batch[j].slot * this.dims);
      });
      this.embedded += batch.length;
    }
    if (this.count > this.posted && this.dims) {
      // A copy of the finished rows, whose buffer moves to the worker without another copy.
      this.builder.add(this.store.slice(this.posted * this.dims, this.count * this.dims), this.posted);
      this.posted = this.count;
    }
  }

  /** All vectors, row-major, exactly `size` rows (call after the last flush). */
  vectors(): Float32Array {
    return this.store.subarray(0, this.count * this.dims);
  }

  private setDims(dims: number): void {
    this.dims = dims;
    this.builder.init(dims, Math.max(this.capacityHint, this.count, 1));
  }

  private reserve(rows: number): void {
    if (!this.dims || rows * this.dims <= this.store.length) return;
    const next = new Float32Array(Math.max(rows, this.capacityHint, Math.ceil((this.store.length / this.dims) * 1.5)) * this.dims);
    next.set(this.store);
    this.store = next;
  }
}
