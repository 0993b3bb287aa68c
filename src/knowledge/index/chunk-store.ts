import fs from 'node:fs';
import { Document } from '@langchain/core/documents';
import type { Chunk } from '../../ports/chunk.js';

/**
 * Chunks on disk: docstore.json stays LangChain's HNSWLib docstore format (a JSON array of
 * [label, {pageContent, metadata}]), and docstore.offsets (f64 byte offsets, one per entry plus the
 * end) lets a query read the one entry it needs with pread, so opening an index parses no chunk and
 * a serving process holds none it has not used.
 */
export function chunkToDocument(chunk: Chunk): Document {
  const { text, ...rest } = chunk;
  return new Document({ pageContent: text, metadata: rest as Record<string, unknown> });
}

export function documentToChunk(doc: { pageContent: string; metadata: Record<string, unknown> }): Chunk {
  return { ...(doc.metadata as Omit<Chunk, 'text'>), text: doc.pageContent };
}

/** Writes docstore.json and its offsets; both files are new (a build directory), so no rename here. */
export function writeChunkFiles(docstoreFile: string, offsetsFile: string, chunks: Chunk[]): void {
  // offsets[i] is where entry i starts; offsets[n] is one past the closing bracket, so entry i
  // spans offsets[i] .. offsets[i+1] - 1 (the comma or bracket after it excluded) for every i.
  const offsets = new Float64Array(chunks.length + 1);
  const fd = fs.openSync(docstoreFile, 'w');
  try {
    const write = (s: string) => {
      const buf = Buffer.from(s, 'utf8');
      let done = 0;
      while (done < buf.length) done += fs.writeSync(fd, buf, done, buf.length - done);
    };
    let pos = 1;
    // Written in slices: one JSON string of a million chunks would not fit in a V8 string.
    let pending: string[] = ['['];
    let pendingBytes = 0;
    for (let i = 0; i < chunks.length; i++) {
      const json = JSON.stringify([String(i), chunkToDocument(chunks[i])]);
      if (i) {
        pending.push(',');
        pos += 1;
      }
      offsets[i] = pos;
      const bytes = Buffer.byteLength(json, 'utf8');
      pos += bytes;
      pending.push(json);
      pendingBytes += bytes;
      if (pendingBytes > 4 << 20) {
        write(pending.join(''));
        pending = [];
        pendingBytes = 0;
      }
    }
    pending.push(']');
    write(pending.join(''));
    offsets[chunks.length] = pos + 1;
  } finally {
    fs.closeSync(fd);
  }
  fs.writeFileSync(offsetsFile, Buffer.from(offsets.buffer));
}

const closer = new FinalizationRegistry<number>((fd) => {
  try {
    fs.closeSync(fd);
  } catch {
    // already closed
  }
});

/** Random access to the chunks of one build; a small cache keeps the ones queries keep returning to. */
export class ChunkStore {
  private readonly cache = new Map<number, Chunk>();

  private constructor(private readonly fd: number, private readonly offsets: Float64Array) {
    closer.register(this, fd);
  }

  static open(docstoreFile: string, offsetsFile: string, expected: number): ChunkStore {
    const raw = fs.readFileSync(offsetsFile);
    if (raw.byteLength !== (expected + 1) * 8) throw new Error(`docstore.offsets holds ${raw.byteLength / 8 - 1} entries, expected ${expected}`);
    const offsets = new Float64Array(new Uint8Array(raw).buffer);
    const fd = fs.openSync(docstoreFile, 'r');
    if (fs.fstatSync(fd).size !== offsets[expected]) {
      fs.closeSync(fd);
      throw new Error('docstore.json and docstore.offsets disagree');
    }
    return new ChunkStore(fd, offsets);
  }

  get length(): number {
    return this.offsets.length - 1;
  }

  get(i: number): Chunk {
    const hit = this.cache.get(i);
    if (hit) return hit;
    const chunk = this.read(i);
    if (this.cache.size >= 4096) this.cache.delete(this.cache.keys().next().value as number);
    this.cache.set(i, chunk);
    return chunk;
  }

  /** One entry from disk, not cached (a full read must not churn the query cache). */
  read(i: number): Chunk {
    const start = this.offsets[i];
    const len = this.offsets[i + 1] - start - 1;
    const buf = Buffer.allocUnsafe(len);
    let done = 0;
    while (done < len) done += fs.readSync(this.fd, buf, done, len - done, start + done);
    const [, doc] = JSON.parse(buf.toString('utf8')) as [string, { pageContent: string; metadata: Record<string, unknown> }];
    return documentToChunk(doc);
  }
}

/**
 * Every chunk of a build, in label order. With docstore.offsets each entry is parsed on its own: a
 * million-chunk docstore.json is larger than the longest string V8 can hold, so it is never read
 * whole. Builds written before the offsets file existed are parsed whole, as before.
 */
export function readAllChunks(docstoreFile: string, offsetsFile: string, expected: number): Chunk[] {
  if (fs.existsSync(offsetsFile)) {
    const store = ChunkStore.open(docstoreFile, offsetsFile, expected);
    const chunks = new Array<Chunk>(expected);
    for (let i = 0; i < expected; i++) chunks[i] = store.read(i);
    return chunks;
  }
  const entries = JSON.parse(fs.readFileSync(docstoreFile, 'utf8')) as Array<[string, { pageContent: string; metadata: Record<string, unknown> }]>;
  const chunks = new Array<Chunk>(entries.length);
  for (const [label, doc] of entries) chunks[Number(label)] = documentToChunk(doc);
  if (chunks.length !== expected) throw new Error(`docstore.json holds ${chunks.length} chunks, the manifest ${expected}`);
  return chunks;
}
