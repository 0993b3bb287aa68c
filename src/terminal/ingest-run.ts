/** Running an ingest at a terminal, shared by `deskmate ingest` and the local console: progress, errors as messages, the summary. */
import fs from 'node:fs';
import path from 'node:path';
import { defaultEmbedderProvider, loadConfig } from '../config.js';
import { DeskmateError, ErrorCode } from '../errors.js';
import { embedderSpecFor, embeddingsFor } from '../llm/models.js';
import { readIndexData, readManifest } from '../knowledge/index/index-store.js';
import { bundledSamplesDir, teamUploadsDir } from '../paths.js';
import { runIngest, type IngestResult } from '../../ingest/pipeline.js';
import { ensureWritableIndexDir, explainIngestFailure } from './failures.js';
import { createProgress } from '../../ingest/progress.js';
import { formatReport } from '../security/sanitize/index.js';

export interface IngestFlags {
  index?: string;
  embedder?: string;
  json?: boolean;
  quiet?: boolean;
  allowEmpty?: boolean;
}


export async function ingestCommand(paths: string[], flags: IngestFlags): Promise<IngestResult> {
  const config = loadConfig();
  const indexDir = path.resolve(flags.index ?? config.index.dir);
  if (flags.embedder && flags.embedder !== 'local' && flags.embedder !== 'openai') {
    throw new DeskmateError(ErrorCode.UsageError, `--embedder must be local or openai, not ${flags.embedder}.`);
  }
  // Without --embedder an existing index keeps its embedder: switching is always explicit.
  const existing = readManifest(indexDir);
  const provider = (flags.embedder as 'local' | 'openai' | undefined) ?? (existing ? (existing.embedder.name.startsWith('openai:') ? 'openai' : 'local') : defaultEmbedderProvider(config));
  const spec = embedderSpecFor(provider, config);
  const embeddings = embeddingsFor(spec, config);
  const uploads = teamUploadsDir(config.dataDir);
  // Files an admin added from a DM (see /slack/uploads) join the configured sources on every re-index.
  const roots = paths.length ? paths : [...(config.index.sources.length ? config.index.sources : [bundledSamplesDir()]), ...(fs.existsSync(uploads) ? [uploads] : [])];
  ensureWritableIndexDir(indexDir);
  try {
    return await runIngest({
      roots,
      indexDir,
      embedder: { name: spec.name, embeddings },
      progress: createProgress(process.stderr, Boolean(flags.quiet || flags.json)),
      allowEmpty: Boolean(flags.allowEmpty),
    });
  } catch (err) {
    throw explainIngestFailure(asUserError(err, indexDir), { indexDir, embedder: provider, baseUrl: config.openai.baseUrl });
  }
}

/** A file-system failure the pipeline did not turn into a skip (the index folder, a root) as a message, not a stack. */
function asUserError(err: unknown, indexDir: string): unknown {
  const e = err as NodeJS.ErrnoException;
  if (err instanceof DeskmateError || typeof e?.code !== 'string' || !e.syscall) return err;
  const where = e.path ?? indexDir;
  const what = e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : e.code === 'ENOSPC' ? 'no space left on the device' : e.code === 'ELOOP' ? 'symlink loop' : e.code;
  return new DeskmateError(ErrorCode.SourceNotFound, `Ingest stopped: cannot ${e.syscall} ${where} (${what}). Check the path and its permissions.`, { cause: err });
}

/** Placeholders in the stored chunks: a re-ingest finds no new secrets in unchanged files, but the index still holds their redactions. */
export function redactionsInIndex(indexDir: string): number {
  const data = readIndexData(indexDir);
  let n = 0;
  for (const c of data?.chunks ?? []) n += c.text.match(/\[REDACTED:[\w-]+\]/g)?.length ?? 0;
  return n;
}

export function summarize(r: IngestResult, inIndex = 0): string {
  const lines = [
    `Indexed ${r.files} file(s) into ${r.chunks} chunks in ${(r.ms / 1000).toFixed(1)} s: ${r.added.length} added, ${r.updated.length} updated, ${r.unchanged.length} unchanged, ${r.removed.length} removed; ${r.embedded} chunks embedded.`,
  ];
  if (r.embedderChanged) lines.push('The embedder changed, so every file was embedded again.');
  for (const f of r.failed) lines.push(`skipped ${f.path}: ${f.error}`);
  if (r.redactions.total) lines.push(formatReport(r.redactions) + (inIndex > r.redactions.total ? `\n${inIndex} redacted values in the index in all.` : ''));
  else lines.push(inIndex ? `Redactions: none new; ${inIndex} in the index.` : 'Redactions: none needed.');
  return lines.join('\n') + '\n';
}
