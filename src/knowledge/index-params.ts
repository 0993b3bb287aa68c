/**
 * HNSW parameters, recorded in the manifest so a reader searches the graph the way it was built.
 * M=12 / efConstruction=64 keeps the build ~3x faster than hnswlib's defaults (16/200); the
 * recall lost is bought back at query time with a larger efSearch (see npm run bench).
 */
export interface IndexParams {
  space: 'cosine';
  m: number;
  efConstruction: number;
  efSearch: number;
}

export const DEFAULT_INDEX_PARAMS: IndexParams = { space: 'cosine', m: 12, efConstruction: 64, efSearch: 128 };
