import path from 'node:path';
import type { Config } from '../config.js';
import { DeskmateError, ErrorCode } from '../errors.js';
import type { Chunk, TableInfo } from '../knowledge/index/chunk.js';
import { manifestStamp, readIndexData } from '../knowledge/index/index-store.js';
import { LexicalIndex } from '../knowledge/index/lexical-index.js';

/**
 * The index as data for commands that need all of it (schema review, scaffold exemplars), read
 * from disk on first use and again after a rebuild. The answering Asker may live in a worker
 * thread, so commands do not borrow its retriever.
 */
export interface IndexSnapshot {
  chunks: Chunk[];
  tables: TableInfo[];
  /** Code chunks only, searchable by words: exemplars for /scaffold. */
  code: { chunks: Chunk[]; lexical: LexicalIndex };
}

const cache = new Map<string, { stamp: string; snapshot: IndexSnapshot }>();

export function indexSnapshot(config: Pick<Config, 'index'>): IndexSnapshot {
  const dir = path.resolve(config.index.dir);
  const stamp = manifestStamp(dir);
  const hit = cache.get(dir);
  if (hit && hit.stamp === stamp) return hit.snapshot;
  const data = readIndexData(dir);
  if (!data) throw new DeskmateError(ErrorCode.IndexMissing, 'There is no docs index yet. An admin can build one with `/deskmate reindex` or `deskmate ingest`.');
  const code = data.chunks.filter((c) => c.kind === 'code');
  const snapshot: IndexSnapshot = { chunks: data.chunks, tables: data.tables, code: { chunks: code, lexical: new LexicalIndex(code) } };
  cache.set(dir, { stamp, snapshot });
  return snapshot;
}
