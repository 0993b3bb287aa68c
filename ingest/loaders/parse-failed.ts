import { DeskmateError, ErrorCode } from '../../src/errors.js';

/** The one error a loader throws for a file it cannot read; the pipeline reports it and skips the file. */
export function parseFailed(relPath: string, what: string, cause?: unknown): DeskmateError {
  return new DeskmateError(ErrorCode.ParseFailed, `${relPath}: ${what}`, { cause });
}

/** A short, single-line description of a thrown value, for the "what is wrong" part of a message. */
export function describeCause(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const firstLine = text.split('\n')[0] ?? '';
  return firstLine.length > 200 ? `${firstLine.slice(0, 200)}…` : firstLine;
}

/**
 * Decodes bytes as UTF-8 text and refuses binary content: a NUL byte or many replacement
 * characters mean the file is not text, and indexing it would only add noise.
 */
export function decodeText(content: Buffer, relPath: string): string {
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) throw parseFailed(relPath, 'binary content (NUL bytes), not a text file');
  const replacements = text.match(/\uFFFD/g)?.length ?? 0;
  if (replacements > 8 && replacements > text.length / 100) {
    throw parseFailed(relPath, 'not valid UTF-8 text');
  }
  return text;
}
