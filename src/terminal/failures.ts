import fs from 'node:fs';
import path from 'node:path';
import { DeskmateError, ErrorCode } from '../errors.js';

/**
 * Turns the failures a new user meets first (a folder they cannot write, a server that does not
 * answer) into messages that say what to do, instead of a stack trace. Adapters call these; the
 * original error stays the `cause` for the log.
 */

const FS_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  ENOSPC: 'the disk is full',
  EEXIST: 'a file with that name is in the way',
  EDQUOT: 'the disk quota is exhausted',
};

function isFsWriteError(err: unknown): err is NodeJS.ErrnoException {
  return typeof (err as NodeJS.ErrnoException)?.code === 'string' && (err as NodeJS.ErrnoException).code! in FS_REASONS;
}

function indexFolderError(dir: string, err: NodeJS.ErrnoException): DeskmateError {
  const reason = FS_REASONS[err.code ?? ''] ?? err.message;
  return new DeskmateError(
    ErrorCode.StoreFailed,
    `Cannot write the index folder ${dir}: ${reason}${err.path && path.resolve(err.path) !== dir ? ` (${err.path})` : ''}. Pick a folder you can write with --index DIR (or index.dir in the config, DESKMATE_INDEX_DIR), or fix its permissions.`,
    { cause: err },
  );
}

/** Fails early, before any embedding work, when the index folder cannot be created or written. */
export function ensureWritableIndexDir(dir: string): void {
  const probe = path.join(dir, `.deskmate-write-test-${process.pid}`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    // access(W_OK) says yes to root on a read-only mount: only a real write tells.
    fs.writeFileSync(probe, '');
    fs.rmSync(probe, { force: true });
  } catch (err) {
    if (isFsWriteError(err)) throw indexFolderError(dir, err);
    throw err;
  }
}

/** True for "could not connect" failures of fetch-based clients (OpenAI SDK, undici), at any depth of `cause`. */
export function isConnectionError(err: unknown): boolean {
  for (let e = err as { name?: string; code?: string; message?: string; cause?: unknown } | undefined, i = 0; e && i < 6; e = e.cause as typeof e, i++) {
    if (/APIConnection(Timeout)?Error|ConnectTimeoutError/.test(e.name ?? '') || /APIConnection/.test((e as object).constructor?.name ?? '')) return true;
    if (/^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|UND_ERR_CONNECT_TIMEOUT)$/.test(e.code ?? '')) return true;
    if (/^(Connection error|fetch failed|Request timed out)/i.test(e.message ?? '')) return true;
  }
  return false;
}

function statusOf(err: unknown): number | undefined {
  const s = (err as { status?: unknown })?.status;
  return typeof s === 'number' ? s : undefined;
}

/** An ingest failure as a message: the embeddings server unreachable or refusing, or the index folder unwritable. */
export function explainIngestFailure(err: unknown, ctx: { indexDir: string; embedder: string; baseUrl?: string }): unknown {
  if (err instanceof DeskmateError) return err;
  if (isFsWriteError(err)) return indexFolderError(ctx.indexDir, err);
  if (ctx.embedder !== 'local') {
    const where = ctx.baseUrl ?? 'the OpenAI API';
    const status = statusOf(err);
    if (isConnectionError(err)) {
      return new DeskmateError(
        ErrorCode.EmbedderFailed,
        `Cannot reach the embeddings server (${where}; OPENAI_BASE_URL). The index was not changed. Retry when the server is up, or index offline with \`--embedder local\`.`,
        { cause: err },
      );
    }
    if (status === 401 || status === 403) {
      return new DeskmateError(ErrorCode.EmbedderFailed, `The embeddings server (${where}) refused the API key (HTTP ${status}). Check OPENAI_API_KEY, or index offline with \`--embedder local\`.`, { cause: err });
    }
    if (status !== undefined) {
      return new DeskmateError(ErrorCode.EmbedderFailed, `The embeddings server (${where}) answered HTTP ${status}. The index was not changed. Retry later, or index offline with \`--embedder local\`.`, { cause: err });
    }
  }
  return err;
}
