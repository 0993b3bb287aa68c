import fs from 'node:fs';
import path from 'node:path';
import { HierarchicalNSW } from 'hnswlib-node';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { SynchronousInMemoryDocstore } from '@langchain/community/stores/doc/in_memory';
import type { Document } from '@langchain/core/documents';
import type { Embeddings } from '@langchain/core/embeddings';
import type { Chunk, TableInfo } from '../../ports/chunk.js';
import type { Manifest } from './manifest.js';
import { FILES } from './build-layout.js';
import { ChunkStore, chunkToDocument, documentToChunk, readAllChunks } from './chunk-store.js';
import { LexicalIndex } from './lexical-index.js';

/**
 * An index opened for answering. Opening reads the HNSW graph (hnswlib's own readIndex), the
 * lexical dictionary and the chunk offsets; chunks and postings are read when a query needs them.
 * Vectors live once, inside hnswlib: exact similarity of a lexical candidate asks the graph for its
 * point instead of keeping a second copy (vectors.f32 is for incremental ingest only).
 */
export interface LoadedIndex {
  manifest: Manifest;
  tables: TableInfo[];
  chunkCount: number;
  chunk(i: number): Chunk;
  /** Every chunk, read on first call (schema review, scaffold's import universe). */
  allChunks(): Chunk[];
  /** Chunks describing a table (lower-cased name). */
  tableChunks(name: string): number[];
  lexical: LexicalIndex;
  /** The stored vector of chunk i (normalised by hnswlib for cosine), or null for an empty index. */
  vectorOf(i: number): number[] | null;
  /** LangChain's store over our graph; null for an index with no chunks. */
  store: HNSWLib | null;
  /** The chunk number of a document the store returned. */
  labelOf(doc: Document): number;
  /**
   * The store's k nearest at a given efSearch (the manifest's stays for every other search):
   * candidates that are re-scored need a constant ef, not one that grows with the index.
   */
  nearest(query: number[], k: number, ef: number): Promise<Array<[Document, number]>>;
}

export function tableChunkMap(chunks: Chunk[]): Map<string, number[]> {
  const byTable = new Map<string, number[]>();
  chunks.forEach((c, i) => {
    if (c.kind !== 'sql-table') return;
    const table = (typeof c.meta?.table === 'string' ? c.meta.table : c.section.replace(/^table\s+/i, '')).toLowerCase();
    byTable.set(table, [...(byTable.get(table) ?? []), i]);
  });
  return byTable;
}

const labels = new WeakMap<Document, number>();

/** LangChain's docstore interface over our chunk store: documents are made when a search returns them. */
class LazyDocstore extends SynchronousInMemoryDocstore {
  constructor(private readonly chunk: (i: number) => Chunk) {
    super(new Map());
  }

  override search(id: string): Document {
    const i = Number(id);
    const doc = chunkToDocument(this.chunk(i));
    labels.set(doc, i);
    return doc;
  }
}

export function openServing(build: string, manifest: Manifest, embeddings: Embeddings): LoadedIndex {
  const at = (name: string) => path.join(build, name);
  const tables = fs.existsSync(at(FILES.graph)) ? (JSON.parse(fs.readFileSync(at(FILES.graph), 'utf8')) as { tables: TableInfo[] }).tables : [];
  const count = manifest.chunkCount;
  // Indexes written before docstore.offsets and lexical.bin existed are parsed and indexed whole, as before.
  let all: Chunk[] | null = null;
  const readAll = (): Chunk[] => {
    all ??= readAllChunks(at(FILES.docstore), at(FILES.offsets), count);
    return all;
  };
  const store = fs.existsSync(at(FILES.offsets)) ? ChunkStore.open(at(FILES.docstore), at(FILES.offsets), count) : null;
  if (!store) readAll();
  const chunk = store ? (i: number) => store.get(i) : (i: number) => readAll()[i];
  const lexical = fs.existsSync(at(FILES.lexical)) ? LexicalIndex.open(at(FILES.lexical)) : new LexicalIndex(readAll());
  if (lexical.size !== count) throw new Error(`lexical.bin indexes ${lexical.size} chunks, the manifest ${count}`);
  const catalog = fs.existsSync(at(FILES.catalog)) ? new Map(Object.entries((JSON.parse(fs.readFileSync(at(FILES.catalog), 'utf8')) as { tableChunks: Record<string, number[]> }).tableChunks)) : null;
  let byTable = catalog;
  const base = {
    manifest,
    tables,
    chunkCount: count,
    chunk,
    allChunks: () => (store ? (all ??= Array.from({ length: count }, (_, i) => store.get(i))) : readAll()),
    tableChunks: (name: string) => (byTable ??= tableChunkMap(readAll())).get(name.toLowerCase()) ?? [],
    lexical,
    labelOf: (doc: Document) => labels.get(doc) ?? -1,
  };
  if (count === 0) return { ...base, store: null, vectorOf: () => null, nearest: async () => [] };
  const index = new HierarchicalNSW(manifest.params.space, manifest.embedder.dimensions);
  try {
    index.readIndexSync(at(FILES.index));
  } catch (err) {
    throw new Error(`hnswlib.index cannot be read (${(err as Error).message})`);
  }
  if (index.getCurrentCount() !== count) throw new Error('hnswlib.index and docstore.json disagree');
  index.setEf(manifest.params.efSearch);
  const hnsw = new HNSWLib(embeddings, { space: manifest.params.space, numDimensions: manifest.embedder.dimensions, index, docstore: new LazyDocstore(chunk) });
  const nearest = (query: number[], k: number, ef: number) => {
    index.setEf(Math.max(k, Math.min(ef, manifest.params.efSearch)));
    try {
      // HNSWLib searches synchronously inside this call (no await before searchKnn), so the ef applies to this search only.
      return hnsw.similaritySearchVectorWithScore(query, Math.min(k, count));
    } finally {
      index.setEf(manifest.params.efSearch);
    }
  };
  return { ...base, store: hnsw, vectorOf: (i: number) => index.getPoint(i), nearest };
}
