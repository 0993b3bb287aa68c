import fs from 'node:fs';
import path from 'node:path';
import { HierarchicalNSW } from 'hnswlib-node';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { SynchronousInMemoryDocstore } from '@langchain/community/stores/doc/in_memory';
import { Document } from '@langchain/core/documents';
import type { Embeddings } from '@langchain/core/embeddings';
import { DeskmateError, ErrorCode } from '../../errors.js';
import type { Chunk, TableInfo } from '../../ports/chunk.js';
import { MANIFEST_FILE, MANIFEST_VERSION, type Manifest } from './manifest.js';

/**
 * The docs-index on disk: LangChain's HNSWLib save format (hnswlib.index, args.json,
 * docstore.json, whose documents carry our chunks) plus vectors.f32 for incremental
 * re-ingest, schema-graph.json for SQL structure, and manifest.json written last.
 */
const FILES = { index: 'hnswlib.index', args: 'args.json', docstore: 'docstore.json', vectors: 'vectors.f32', graph: 'schema-graph.json' };

export interface IndexData {
  manifest: Manifest;
  chunks: Chunk[];
  /** One vector per chunk, same order; flat row-major. */
  vectors: Float32Array;
  tables: TableInfo[];
}

export function readManifest(dir: string): Manifest | null {
  const file = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(file)) return null;
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  } catch (err) {
    throw corrupt(dir, 'its manifest.json is not valid JSON', err);
  }
  if (manifest?.version !== MANIFEST_VERSION || typeof manifest.embedder?.name !== 'string' || typeof manifest.sources !== 'object') {
    throw corrupt(dir, 'its manifest.json is from another version or incomplete');
  }
  return manifest;
}

function corrupt(dir: string, what: string, cause?: unknown): DeskmateError {
  return new DeskmateError(ErrorCode.IndexCorrupt, `The index in ${dir} is unusable: ${what}. Rebuild it with \`deskmate ingest\` (add --index ${dir} if that is not the default).`, { cause });
}

export function requireManifest(dir: string): Manifest {
  const manifest = readManifest(dir);
  if (!manifest) {
    throw new DeskmateError(ErrorCode.IndexMissing, `No docs index in ${dir}. Build one with \`npx deskmate ingest\` (the bundled sample docs) or \`npx deskmate ingest PATH...\` (your docs)${dir === 'docs-index' ? '' : `, adding --index ${dir}`}.`);
  }
  return manifest;
}

function chunkToDocument(chunk: Chunk): Document {
  const { text, ...rest } = chunk;
  return new Document({ pageContent: text, metadata: rest as Record<string, unknown> });
}

function documentToChunk(doc: { pageContent: string; metadata: Record<string, unknown> }): Chunk {
  return { ...(doc.metadata as Omit<Chunk, 'text'>), text: doc.pageContent };
}

/** Reads everything an incremental ingest or a query needs; null when no index exists. */
export function readIndexData(dir: string): IndexData | null {
  const manifest = readManifest(dir);
  if (!manifest) return null;
  try {
    const entries = JSON.parse(fs.readFileSync(path.join(dir, FILES.docstore), 'utf8')) as Array<[string, { pageContent: string; metadata: Record<string, unknown> }]>;
    const chunks = new Array<Chunk>(entries.length);
    for (const [label, doc] of entries) chunks[Number(label)] = documentToChunk(doc);
    const buf = fs.readFileSync(path.join(dir, FILES.vectors));
    const vectors = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
    if (chunks.length !== manifest.chunkCount || vectors.length !== chunks.length * manifest.embedder.dimensions) {
      throw new Error(`expected ${manifest.chunkCount} chunks of ${manifest.embedder.dimensions} dimensions, found ${chunks.length} chunks and ${vectors.length} numbers`);
    }
    const graphFile = path.join(dir, FILES.graph);
    const tables = fs.existsSync(graphFile) ? (JSON.parse(fs.readFileSync(graphFile, 'utf8')) as { tables: TableInfo[] }).tables : [];
    return { manifest, chunks, vectors: new Float32Array(vectors), tables };
  } catch (err) {
    if (err instanceof DeskmateError) throw err;
    throw corrupt(dir, (err as Error).message, err);
  }
}

/** Builds the HNSW graph for the given vectors with the manifest's parameters. */
export function buildHnsw(manifest: Manifest, vectors: Float32Array): HierarchicalNSW {
  const dims = manifest.embedder.dimensions;
  const count = dims ? vectors.length / dims : 0;
  const index = new HierarchicalNSW(manifest.params.space, dims);
  index.initIndex(Math.max(count, 1), manifest.params.m, manifest.params.efConstruction, 100);
  const row = new Array<number>(dims);
  for (let i = 0; i < count; i++) {
    const base = i * dims;
    for (let d = 0; d < dims; d++) row[d] = vectors[base + d];
    index.addPoint(row, i);
  }
  index.setEf(manifest.params.efSearch);
  return index;
}

function writeAtomic(file: string, data: string | Buffer): void {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

/**
 * Writes the index; the manifest goes last so a reader that watches it never sees a half-written build.
 * The graph may come built (an instance, or an index file a worker wrote); otherwise it is built here.
 */
export function writeIndex(dir: string, data: IndexData, built: { hnsw?: HierarchicalNSW; file?: string } = {}): void {
  fs.mkdirSync(dir, { recursive: true });
  if (built.file) fs.renameSync(built.file, path.join(dir, FILES.index));
  else {
    const index = built.hnsw ?? buildHnsw(data.manifest, data.vectors);
    const tmpIndex = path.join(dir, `${FILES.index}.tmp-${process.pid}`);
    index.writeIndexSync(tmpIndex);
    fs.renameSync(tmpIndex, path.join(dir, FILES.index));
  }
  writeAtomic(path.join(dir, FILES.args), JSON.stringify({ space: data.manifest.params.space, numDimensions: data.manifest.embedder.dimensions }));
  writeAtomic(path.join(dir, FILES.docstore), JSON.stringify(data.chunks.map((c, i) => [String(i), chunkToDocument(c)])));
  writeAtomic(path.join(dir, FILES.vectors), Buffer.from(data.vectors.buffer, data.vectors.byteOffset, data.vectors.byteLength));
  writeAtomic(path.join(dir, FILES.graph), JSON.stringify({ tables: data.tables }));
  writeAtomic(path.join(dir, MANIFEST_FILE), JSON.stringify(data.manifest, null, 2));
}

export interface LoadedIndex {
  manifest: Manifest;
  chunks: Chunk[];
  tables: TableInfo[];
  /** Chunk vectors, row-major, for exact re-scoring of lexical candidates. */
  vectors: Float32Array;
  /** LangChain's store over our graph; null for an index with no chunks. */
  store: HNSWLib | null;
}

/** Opens an index for querying, with LangChain's HNSWLib over the saved graph. */
export async function openIndex(dir: string, embeddings: Embeddings): Promise<LoadedIndex> {
  const manifest = requireManifest(dir);
  const data = readIndexData(dir);
  if (!data) throw corrupt(dir, 'files are missing');
  if (data.chunks.length === 0) return { manifest, chunks: [], tables: data.tables, vectors: data.vectors, store: null };
  const index = new HierarchicalNSW(manifest.params.space, manifest.embedder.dimensions);
  try {
    index.readIndexSync(path.join(dir, FILES.index));
  } catch (err) {
    throw corrupt(dir, 'hnswlib.index cannot be read', err);
  }
  if (index.getCurrentCount() !== data.chunks.length) throw corrupt(dir, 'hnswlib.index and docstore.json disagree');
  index.setEf(manifest.params.efSearch);
  const docstore = new SynchronousInMemoryDocstore(new Map(data.chunks.map((c, i) => [String(i), chunkToDocument(c)])));
  const store = new HNSWLib(embeddings, { space: manifest.params.space, numDimensions: manifest.embedder.dimensions, index, docstore });
  return { manifest, chunks: data.chunks, tables: data.tables, vectors: data.vectors, store };
}

/** Changes whenever a new build lands (the manifest is written last): what hot reload watches. */
export function manifestStamp(dir: string): string {
  try {
    const st = fs.statSync(path.join(dir, MANIFEST_FILE));
    return `${st.mtimeMs}:${st.size}`;
  } catch {
    return 'missing';
  }
}
