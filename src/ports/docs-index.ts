import type { Chunk, TableInfo } from './chunk.js';

/** One retrieved section with its calibrated 0..1 score. */
export interface DocsHit {
  chunk: Chunk;
  score: number;
}

/** The tables the index holds and the chunks that define them (what schema review cites). */
export interface SchemaView {
  tables: TableInfo[];
  chunks: Chunk[];
}

/** What scaffold checks imports against: declared packages and the indexed code paths. */
export interface ImportUniverse {
  declared: Set<string>;
  knownModules: Set<string>;
}

/**
 * The team's docs index, as every capability sees it: one instance per process, shared by
 * answering, release copy's docs context, scaffold and schema review, and reloaded when a new
 * build appears, so none of them serves a stale copy. hnswlib + lexical is one implementation;
 * a worker-thread proxy is another.
 */
export interface DocsIndex {
  /** The k best sections for a query, best first. */
  search(query: string, k: number): Promise<DocsHit[]>;
  /** Code chunks for a request, best first (scaffold's exemplars). */
  codeExemplars(query: string, k: number): Promise<Chunk[]>;
  schema(): Promise<SchemaView>;
  importUniverse(): Promise<ImportUniverse>;
  /** Reloads when a new build has appeared on disk; true when it did. A broken build keeps the old one. */
  reloadIfChanged(): Promise<boolean>;
}
