import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Embeddings } from '@langchain/core/embeddings';
import { DEFAULT_INDEX_PARAMS, efSearchFor, type IndexParams } from '../src/knowledge/index/index-params.js';
import { beginBuild, readIndexData, writeIndex } from '../src/knowledge/index/index-store.js';
import { LexicalBuilder } from '../src/knowledge/index/lexical-build.js';
import type { Chunk, ChunkDraft, TableInfo } from '../src/ports/chunk.js';
import { MANIFEST_VERSION, type Manifest, type SourceEntry } from '../src/knowledge/index/manifest.js';
import { childLogger } from '../src/log.js';
import { discoverSources, type SourceFile } from './discover.js';
import { loaderFor } from './loaders/index.js';
import { describeCause } from './loaders/parse-failed.js';
import { DeskmateError, ErrorCode } from '../src/errors.js';
import { addToReport, emptyReport, locateInSource, sanitize, sanitizeMany, type RedactionReport } from '../src/security/sanitize/index.js';
import { createProgress, type Progress } from './progress.js';
import { createGraphBuilder, type GraphBuilder } from './graph-builder.js';
import { VectorFeed } from './vector-feed.js';
import { appliedSqlTables } from './applied-schema.js';

const log = childLogger('ingest');

export interface IngestOptions {
  roots: string[];
  indexDir: string;
  embedder: { name: string; embeddings: Embeddings };
  params?: IndexParams;
  progress?: Progress;
  /** Chunks per embedding call (network embedders want batches). */
  batchSize?: number;
  /** Write an index even when the roots hold no file to index (otherwise that is an error). */
  allowEmpty?: boolean;
}

export interface IngestResult {
  files: number;
  added: string[];
  updated: string[];
  unchanged: string[];
  removed: string[];
  failed: Array<{ path: string; error: string }>;
  chunks: number;
  embedded: number;
  redactions: RedactionReport;
  /** An index existed but with another embedder, so everything was embedded again. */
  embedderChanged: boolean;
  ms: number;
}

function sha256(buf: Buffer): string {
  return crypto.createHash('sha256').update(buf).digest('hex');
}

/**
 * discover → hash → load → sanitize → embed → build HNSW → write, re-embedding only changed files.
 * One pass over the files in label order: each file's vectors go to the graph builder (a worker
 * thread, when built) while the next file is read, so on two cores the graph build is the critical path.
 */
export async function runIngest(options: IngestOptions): Promise<IngestResult> {
  const params = options.params ?? DEFAULT_INDEX_PARAMS;
  // Started first: the worker loads hnswlib while the files are discovered and read.
  const builder = createGraphBuilder({ m: params.m, efConstruction: params.efConstruction });
  try {
    return await ingest(options, params, builder);
  } catch (err) {
    await builder.abort();
    throw err;
  }
}

async function ingest(options: IngestOptions, params: IndexParams, builder: GraphBuilder): Promise<IngestResult> {
  const started = Date.now();
  const progress = options.progress ?? createProgress(process.stderr, true);
  const skipped: Array<{ path: string; error: string }> = [];
  const sources = discoverSources(options.roots, skipped); // sorted by path: labels follow this order
  if (!sources.length && !options.allowEmpty) {
    const why = skipped.length ? ` (${skipped.length} path(s) skipped: ${skipped.slice(0, 3).map((s) => `${s.path}: ${s.error}`).join('; ')})` : '';
    throw new DeskmateError(ErrorCode.SourceNotFound, `No file to index under ${options.roots.join(', ')}${why}. Supported: Markdown, OpenAPI, SQL, PDF, CSV, text. Pass --allow-empty to write an empty index anyway.`);
  }
  const previous = readIndexData(options.indexDir);
  const reusable = previous && previous.manifest.embedder.name === options.embedder.name ? previous : null;
  const prevByPath = new Map<string, { entry: SourceEntry; first: number }>();
  if (reusable) {
    let offset = 0;
    const firstOf = new Map<string, number>();
    for (let i = 0; i < reusable.chunks.length; i++) if (!firstOf.has(reusable.chunks[i].path)) firstOf.set(reusable.chunks[i].path, i);
    for (const [p, entry] of Object.entries(reusable.manifest.sources)) {
      prevByPath.set(p, { entry, first: firstOf.get(p) ?? offset });
      offset += entry.chunks;
    }
  }
  const result: IngestResult = { files: sources.length, added: [], updated: [], unchanged: [], removed: [], failed: [...skipped], chunks: 0, embedded: 0, redactions: emptyReport(), embedderChanged: Boolean(previous && !reusable), ms: 0 };
  // A first guess at the chunk count (the graph and buffers grow if it is short): the old index's, or ~8 a file.
  const hint = Math.max(reusable?.chunks.length ?? 0, sources.length * 8);
  const feed = new VectorFeed(options.embedder.embeddings, builder, options.batchSize ?? 256, hint, reusable?.manifest.embedder.dimensions ?? 0);
  const chunks: Chunk[] = [];
  // Postings grow with the chunks, on this thread, while the graph grows in the worker.
  const lexical = new LexicalBuilder();
  let tables: TableInfo[] = [];
  const manifestSources: Record<string, SourceEntry> = {};

  progress.start('ingest', sources.length);
  for (const file of sources) {
    let content: Buffer;
    try {
      content = fs.readFileSync(file.absPath);
    } catch (err) {
      // Gone or unreadable since discovery: reported and skipped, the rest is indexed.
      result.failed.push({ path: file.relPath, error: `unreadable (${(err as NodeJS.ErrnoException).code ?? describeCause(err)})` });
      progress.tick();
      continue;
    }
    const hash = sha256(content);
    const prev = prevByPath.get(file.relPath);
    if (prev && prev.entry.hash === hash) {
      const { entry, first } = prev;
      const dims = feed.dimensions;
      for (let i = 0; i < entry.chunks; i++) {
        const chunk = { ...reusable!.chunks[first + i], id: `${file.relPath}#${i}` };
        chunks.push(chunk);
        lexical.add(chunk);
      }
      if (entry.chunks) feed.addVectors(reusable!.vectors.subarray(first * dims, (first + entry.chunks) * dims));
      tables.push(...reusable!.tables.filter((t) => t.path === file.relPath));
      manifestSources[file.relPath] = { hash, chunks: entry.chunks };
      result.unchanged.push(file.relPath);
    } else {
      const loaded = await loadFile(file, content, result);
      if (loaded) {
        for (let i = 0; i < loaded.drafts.length; i++) {
          const d = loaded.drafts[i];
          const chunk = { ...d, id: `${file.relPath}#${i}`, path: file.relPath };
          chunks.push(chunk);
          lexical.add(chunk);
          await feed.addText(embedText(d));
        }
        tables.push(...loaded.tables);
        manifestSources[file.relPath] = { hash, chunks: loaded.drafts.length };
        (prev ? result.updated : result.added).push(file.relPath);
      }
    }
    await feed.maybeFlush();
    progress.tick();
  }
  await feed.flush();
  progress.stop();
  tables = await appliedSqlTables(sources, tables, new Set(Object.keys(manifestSources)));
  const present = new Set(sources.map((s) => s.relPath));
  for (const p of prevByPath.keys()) if (!present.has(p)) result.removed.push(p);
  result.chunks = chunks.length;
  result.embedded = feed.embedded;

  const manifest: Manifest = {
    version: MANIFEST_VERSION,
    embedder: { name: options.embedder.name, dimensions: feed.dimensions },
    params: options.params ? params : { ...params, efSearch: efSearchFor(chunks.length, params.efSearch) },
    builtAt: new Date().toISOString(),
    chunkCount: chunks.length,
    sources: manifestSources,
    roots: options.roots,
  };
  progress.start('index', 1);
  // The new build goes into its own directory; the old one answers until writeIndex switches the manifest.
  const build = beginBuild(options.indexDir);
  try {
    const vectors = feed.vectors();
    const graphDone = builder.finish(manifest, vectors, path.join(build.abs, 'hnswlib.index'));
    // Impacts are computed here while the worker finishes the graph on the other core.
    const postings = lexical.finish();
    const graph = await graphDone;
    writeIndex(options.indexDir, { manifest, chunks, vectors, tables }, { ...graph, build, lexical: postings });
  } catch (err) {
    fs.rmSync(build.abs, { recursive: true, force: true });
    throw err;
  }
  progress.tick();
  progress.stop();
  result.ms = Date.now() - started;
  log.info({ files: result.files, chunks: result.chunks, embedded: result.embedded, failed: result.failed.length, redactions: result.redactions.total, ms: result.ms }, 'ingest done');
  return result;
}

/** Loads and sanitizes one changed file; undefined when no loader takes it or it cannot be parsed. */
async function loadFile(file: SourceFile, content: Buffer, result: IngestResult): Promise<{ drafts: ChunkDraft[]; tables: TableInfo[] } | undefined> {
  const loader = loaderFor(file.relPath, content);
  if (!loader) return undefined;
  try {
    const loaded = await loader(content, file.relPath);
    const drafts = loaded.chunks.filter((c) => c.text.trim().length > 0);
    await sanitizeDrafts(drafts, loaded.tables ?? [], file.relPath, content.toString('utf8'), result.redactions);
    return { drafts, tables: (loaded.tables ?? []).map((t) => ({ ...t, path: file.relPath })) };
  } catch (err) {
    // Parser messages quote the offending line, which may hold a secret: sanitize before logging.
    const message = (await sanitize(((err as Error).message ?? String(err)).slice(0, 500))).text;
    result.failed.push({ path: file.relPath, error: message });
    log.warn({ path: file.relPath, err: message }, 'source skipped: cannot be parsed');
    return undefined;
  }
}

/** Sanitizes every string a chunk or table carries before anything is embedded or written. */
async function sanitizeDrafts(drafts: ChunkDraft[], tables: TableInfo[], relPath: string, source: string, report: RedactionReport): Promise<void> {
  const texts: string[] = [];
  const lines: Array<number | undefined> = [];
  for (const d of drafts) {
    texts.push(d.text, d.section, d.meta ? JSON.stringify(d.meta) : '');
    lines.push(d.line, d.line, d.line);
  }
  for (const t of tables) texts.push(JSON.stringify(t));
  const results = await sanitizeMany(texts);
  // The same secret shows up in a chunk's text, its meta and its table: report each source spot once.
  const found = new Map<string, { type: string; start: number; end: number }>();
  results.forEach((r, i) => {
    for (const m of locateInSource(source, texts[i], lines[i], r.redactions)) found.set(`${m.type}@${m.start}`, m);
  });
  if (found.size) addToReport(report, relPath, source, [...found.values()]);
  drafts.forEach((d, i) => {
    const [text, section, meta] = results.slice(i * 3, i * 3 + 3);
    d.text = text.text;
    d.section = section.text;
    if (d.meta && meta.redactions.length) d.meta = parseOrUndefined(meta.text) as Record<string, unknown> | undefined;
  });
  tables.forEach((t, i) => {
    const r = results[drafts.length * 3 + i];
    // A redaction that broke the JSON drops the table's structure rather than keep a secret.
    if (r.redactions.length) tables[i] = (parseOrUndefined(r.text) as TableInfo | undefined) ?? { ...t, columns: [], foreignKeys: [], indexes: [], comment: undefined };
  });
}

function parseOrUndefined(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

function embedText(d: ChunkDraft): string {
  return `${d.section}\n${d.text}`;
}
