import type { IndexParams } from './index-params.js';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_VERSION = 1;

export interface SourceEntry {
  /** sha256 of the file's bytes. */
  hash: string;
  /** Number of chunks the file produced (0 when it produced none). */
  chunks: number;
}

export interface Manifest {
  version: number;
  embedder: { name: string; dimensions: number };
  params: IndexParams;
  builtAt: string;
  chunkCount: number;
  /** Keyed by stored source path. */
  sources: Record<string, SourceEntry>;
  /** Roots the index was built from, so a re-index can repeat the same ingest. */
  roots: string[];
  /** The build directory holding this manifest's files, relative to the index (see build-layout.ts); absent in flat indexes from before. */
  build?: string;
}
