import fs from 'node:fs';
import path from 'node:path';
import { HierarchicalNSW } from 'hnswlib-node';
import type { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import type { Embeddings } from '@langchain/core/embeddings';
import { DeskmateError, ErrorCode } from '../../errors.js';
import type { Chunk, TableInfo } from '../../ports/chunk.js';
import { MANIFEST_FILE, MANIFEST_VERSION, type Manifest } from './manifest.js';
import { FILES, buildPath, newBuildDir, removeStaleBuilds, switchTo } from './build-layout.js';
import { ChunkStore, documentToChunk, readAllChunks, writeChunkFiles } from './chunk-store.js';
import { buildLexical, type LexicalData } from './lexical-build.js';
import { writeLexicalFile } from './lexical-file.js';
import { LexicalIndex } from './lexical-index.js';
import { openServing, tableChunkMap, type LoadedIndex } from './serving-index.js';

export type { LoadedIndex };

/**
 * The docs-index on disk: manifest.json names a build directory (build-layout.ts) holding
 * LangChain's HNSWLib save format (hnswlib.index, args.json, docstore.json, whose documents carry
 * our chunks) plus docstore.offsets and lexical.bin for opening without parsing (chunk-store.ts,
 * lexical-file.ts), vectors.f32 for incremental re-ingest, schema-graph.json for SQL structure and
 * catalog.json (which chunks describe which table).
 */
export interface IndexData {
  manifest: Manifest;
  chunks: Chunk[];
  /** One vector per chunk, same order; flat row-major (empty when read without vectors). */
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

/** Reads everything an incremental ingest or a whole-index command needs; null when no index exists. */
export function readIndexData(dir: string, options: { vectors?: boolean } = {}): IndexData | null {
  const manifest = readManifest(dir);
  if (!manifest) return null;
  const build = buildPath(dir, manifest);
  try {
    const chunks = readAllChunks(path.join(build, FILES.docstore), path.join(build, FILES.offsets), manifest.chunkCount);
    let vectors = new Float32Array(0);
    if (options.vectors !== false) {
      const buf = fs.readFileSync(path.join(build, FILES.vectors));
      vectors = new Float32Array(new Uint8Array(buf).buffer);
      if (vectors.length !== chunks.length * manifest.embedder.dimensions) throw new Error(`expected ${chunks.length} vectors of ${manifest.embedder.dimensions} dimensions, found ${vectors.length} numbers`);
    }
    return { manifest, chunks, vectors, tables: readTables(build) };
  } catch (err) {
    if (err instanceof DeskmateError) throw err;
    throw corrupt(dir, (err as Error).message, err);
  }
}

function readTables(build: string): TableInfo[] {
  const graphFile = path.join(build, FILES.graph);
  return fs.existsSync(graphFile) ? (JSON.parse(fs.readFileSync(graphFile, 'utf8')) as { tables: TableInfo[] }).tables : [];
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

/**
 * Starts a build: removes what earlier runs left (the replaced build, a killed run's files) and
 * returns a fresh directory to write into. Nothing the current manifest names is touched.
 */
export function beginBuild(dir: string): { rel: string; abs: string } {
  fs.mkdirSync(dir, { recursive: true });
  let current: string | undefined;
  try {
    current = readManifest(dir)?.build;
  } catch {
    current = undefined; // a corrupt manifest names nothing worth keeping
  }
  removeStaleBuilds(dir, current);
  return newBuildDir(dir);
}

export interface WriteOptions {
  /** The graph, built (an instance) or written by a worker (a file inside the build directory). */
  hnsw?: HierarchicalNSW;
  file?: string;
  /** From beginBuild; a new one when absent. */
  build?: { rel: string; abs: string };
  /** Postings built while the graph was finishing; built here when absent. */
  lexical?: LexicalData;
}

/**
 * Writes a complete build into its own directory, then switches manifest.json to it with one
 * rename: until that rename every reader keeps the previous build, after it every reader gets this one.
 */
export function writeIndex(dir: string, data: IndexData, options: WriteOptions = {}): void {
  const build = options.build ?? beginBuild(dir);
  const at = (name: string) => path.join(build.abs, name);
  if (options.file) {
    if (path.resolve(options.file) !== at(FILES.index)) fs.renameSync(options.file, at(FILES.index));
  } else (options.hnsw ?? buildHnsw(data.manifest, data.vectors)).writeIndexSync(at(FILES.index));
  fs.writeFileSync(at(FILES.args), JSON.stringify({ space: data.manifest.params.space, numDimensions: data.manifest.embedder.dimensions }));
  writeChunkFiles(at(FILES.docstore), at(FILES.offsets), data.chunks);
  fs.writeFileSync(at(FILES.vectors), Buffer.from(data.vectors.buffer, data.vectors.byteOffset, data.vectors.byteLength));
  fs.writeFileSync(at(FILES.graph), JSON.stringify({ tables: data.tables }));
  writeLexicalFile(at(FILES.lexical), options.lexical ?? buildLexical(data.chunks));
  fs.writeFileSync(at(FILES.catalog), JSON.stringify({ tableChunks: Object.fromEntries(tableChunkMap(data.chunks)) }));
  const manifest: Manifest = { ...data.manifest, build: build.rel };
  // The build's own copy marks it finished (see removeStaleBuilds); the top-level one is the switch.
  fs.writeFileSync(at(MANIFEST_FILE), JSON.stringify(manifest, null, 2));
  switchTo(dir, manifest);
}

/** Opens an index for querying: the graph is read, chunks and postings are read on demand. */
export async function openIndex(dir: string, embeddings: Embeddings): Promise<LoadedIndex> {
  const manifest = requireManifest(dir);
  try {
    return openServing(buildPath(dir, manifest), manifest, embeddings);
  } catch (err) {
    if (err instanceof DeskmateError) throw err;
    throw corrupt(dir, (err as Error).message, err);
  }
}

/** Changes whenever a new build lands (the manifest is switched last): what hot reload watches. */
export function manifestStamp(dir: string): string {
  try {
    const st = fs.statSync(path.join(dir, MANIFEST_FILE));
    return `${st.mtimeMs}:${st.size}:${st.ino}`;
  } catch {
    return 'missing';
  }
}
