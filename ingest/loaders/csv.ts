import { parse } from 'csv-parse/sync';
import type { ChunkDraft, LoadedSource } from '../../src/ports/chunk.js';
import { decodeText, describeCause, parseFailed } from './parse-failed.js';

const MAX_CHARS = 1500;
const MAX_ROWS_PER_CHUNK = 40;

/** The delimiter used most on the header line (comma, semicolon, tab or pipe). */
function guessDelimiter(firstLine: string): string {
  const counts = [',', ';', '\t', '|'].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** One row as "col: value; col: value", empty cells left out. */
function renderRow(header: string[], row: string[]): string {
  const cells = row.map((value, i) => [header[i] ?? `column ${i + 1}`, value.trim()] as const).filter(([, v]) => v !== '');
  return cells.map(([k, v]) => `${k}: ${v.replace(/\s+/g, ' ')}`).join('; ');
}

/** CSV (header row first) → chunks of up to 40 rows, each row spelled out with its header names. */
export async function loadCsv(content: Buffer, relPath: string): Promise<LoadedSource> {
  const text = decodeText(content, relPath);
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: guessDelimiter(text.split(/\r?\n/, 1)[0] ?? ''),
      relax_column_count: true,
      relax_quotes: false,
      skip_empty_lines: true,
    }) as string[][];
  } catch (err) {
    throw parseFailed(relPath, `invalid CSV: ${describeCause(err)}`, err);
  }
  const [header, ...rows] = records;
  if (!header || header.every((h) => !h.trim())) throw parseFailed(relPath, 'no header row');
  const names = header.map((h, i) => h.trim() || `column ${i + 1}`);
  const chunks: ChunkDraft[] = [];
  let group: string[] = [];
  let first = 1;
  let size = 0;
  const flush = (last: number): void => {
    if (!group.length) return;
    chunks.push({
      kind: 'csv',
      section: `rows ${first}-${last}`,
      text: group.join('\n'),
      line: first + 1, // row 1 is on line 2, after the header (exact unless cells span lines)
      meta: { columns: names, firstRow: first, lastRow: last },
    });
    group = [];
    size = 0;
  };
  rows.forEach((row, i) => {
    const line = renderRow(names, row);
    if (group.length && (group.length >= MAX_ROWS_PER_CHUNK || size + line.length > MAX_CHARS)) flush(i);
    if (!group.length) first = i + 1;
    group.push(line);
    size += line.length + 1;
  });
  flush(rows.length);
  if (!chunks.length) chunks.push({ kind: 'csv', section: 'header', text: `Columns: ${names.join(', ')}`, line: 1, meta: { columns: names } });
  return { chunks };
}
