import { parse } from 'smol-toml';
import type { ChunkDraft, LoadedSource } from '../../src/ports/chunk.js';
import { decodeText, describeCause, parseFailed } from './parse-failed.js';

const MAX_CHARS = 1500;

/**
 * TOML (Cargo.toml, pyproject.toml, app configs) → one chunk per table (`[server]`, `[[bin]]`), its
 * own lines kept as written, comments included: they are the documentation of each setting, and
 * the sanitizer judges each `key = value` by its key. The file must parse (smol-toml, TOML 1.0);
 * a file that does not is reported and skipped like any other unreadable source.
 */
export async function loadToml(content: Buffer, relPath: string): Promise<LoadedSource> {
  const text = decodeText(content, relPath);
  try {
    parse(text);
  } catch (err) {
    throw parseFailed(relPath, `not valid TOML: ${describeCause(err)}`, err);
  }
  const file = relPath.split('/').pop() ?? relPath;
  const lines = text.split(/\r?\n/);
  const chunks: ChunkDraft[] = [];
  let section = file;
  let start = 0;
  const flush = (end: number) => {
    const body = lines.slice(start, end);
    if (body.some((l) => l.trim() !== '' && !l.trim().startsWith('#'))) pushSplit(chunks, section, body, start + 1);
  };
  lines.forEach((line, i) => {
    // A table header opens a new section; a header inside a multi-line string is not one, but
    // such strings rarely start a line with `[name]`, and the split then only moves a boundary.
    const header = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/.exec(line);
    if (!header) return;
    flush(i);
    section = `${file} > ${header[1].replace(/\s*\.\s*/g, '.')}`;
    start = i;
  });
  flush(lines.length);
  return { chunks };
}

/** Packs a section's lines into chunks of at most MAX_CHARS, breaking only between lines. */
function pushSplit(chunks: ChunkDraft[], section: string, body: string[], firstLine: number): void {
  let piece: string[] = [];
  let pieceLine = firstLine;
  let size = 0;
  body.forEach((line, i) => {
    if (size + line.length + 1 > MAX_CHARS && piece.length > 0) {
      chunks.push({ kind: 'text', section, text: piece.join('\n').trim(), line: pieceLine });
      piece = [];
      size = 0;
      pieceLine = firstLine + i;
    }
    piece.push(line);
    size += line.length + 1;
  });
  if (piece.join('').trim() !== '') chunks.push({ kind: 'text', section, text: piece.join('\n').trim(), line: pieceLine });
}
