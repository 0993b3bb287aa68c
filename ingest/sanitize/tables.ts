import { isCodeLike, isPlaceholder } from './lookalikes.js';
import type { Redaction } from './types.js';

/**
 * Markdown tables whose header names a credential column (`| Service | Login | Password |`): the
 * value sits rows below its label, out of reach of `key: value` rules, so redact that column's cells.
 */
const SECRET_HEADER =
  /^(?:[\w-]+[ _-])*(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[ _-]?key|access[ _-]?key|secret[ _-]?key|private[ _-]?key|account[ _-]?key|credentials?)s?$/i;
const SEPARATOR_ROW = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

function cells(line: string, lineStart: number): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let i = line.indexOf('|');
  if (i < 0) return out;
  while (i < line.length) {
    const next = line.indexOf('|', i + 1);
    if (next < 0) break;
    out.push({ text: line.slice(i + 1, next), start: lineStart + i + 1 });
    i = next;
  }
  return out;
}

export function findTableSecrets(text: string): Redaction[] {
  const out: Redaction[] = [];
  if (!text.includes('|')) return out;
  const lines = text.split('\n');
  const starts: number[] = [];
  let pos = 0;
  for (const l of lines) {
    starts.push(pos);
    pos += l.length + 1;
  }
  for (let h = 0; h + 1 < lines.length; h++) {
    if (!lines[h].includes('|') || !SEPARATOR_ROW.test(lines[h + 1])) continue;
    const header = cells(lines[h], starts[h]);
    const secretCols = header.map((c, i) => (SECRET_HEADER.test(c.text.trim().replace(/[*_`]/g, '')) ? i : -1)).filter((i) => i >= 0);
    if (secretCols.length === 0) continue;
    for (let r = h + 2; r < lines.length && lines[r].includes('|'); r++) {
      const row = cells(lines[r], starts[r]);
      for (const col of secretCols) {
        const cell = row[col];
        if (!cell) continue;
        const lead = cell.text.length - cell.text.trimStart().length;
        const value = cell.text.trim().replace(/^`(.*)`$/, '$1');
        if (value.length < 4 || /\s/.test(value) || isPlaceholder(value) || isCodeLike(value)) continue;
        const start = cell.start + lead + cell.text.trim().indexOf(value);
        out.push({ type: /pass|pwd/i.test(header[col].text) ? 'password' : 'secret', start, end: start + value.length });
      }
    }
  }
  return out;
}
