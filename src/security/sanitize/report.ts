import type { Redaction } from './types.js';

/** What was redacted where, for the ingest summary. Holds types and positions only, never values. */
export interface RedactionReport {
  total: number;
  byType: Record<string, number>;
  locations: Array<{ path: string; line: number; type: string }>;
}

export function emptyReport(): RedactionReport {
  return { total: 0, byType: {}, locations: [] };
}

/** 1-based line number of `offset` in `text`. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  const limit = Math.min(Math.max(offset, 0), text.length);
  for (let i = text.indexOf('\n'); i >= 0 && i < limit; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Adds one file's redactions; `source` is the original text the offsets point into. */
export function addToReport(report: RedactionReport, path: string, source: string, redactions: Redaction[]): void {
  for (const r of redactions) {
    report.total++;
    report.byType[r.type] = (report.byType[r.type] ?? 0) + 1;
    report.locations.push({ path, line: lineOf(source, r.start), type: r.type });
  }
}

/** Human-readable summary: counts by type (most frequent first), then `path:line type` entries. */
export function formatReport(report: RedactionReport, maxLocations = 50): string {
  if (report.total === 0) return 'Redactions: none.';
  const lines = [`Redactions: ${report.total}`];
  const types = Object.entries(report.byType).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const [type, count] of types) lines.push(`  ${type}: ${count}`);
  const shown = report.locations.slice(0, Math.max(0, maxLocations));
  if (shown.length > 0) lines.push('Locations:');
  for (const loc of shown) lines.push(`  ${loc.path}:${loc.line} ${loc.type}`);
  const hidden = report.locations.length - shown.length;
  if (hidden > 0) lines.push(`  … and ${hidden} more`);
  return lines.join('\n');
}

/** Offset where 1-based `line` starts in `text` (the end of the text past its last line). */
function offsetOfLine(text: string, line: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return text.length;
    at = nl + 1;
  }
  return at;
}

/**
 * Maps redactions found in a chunk (offsets into `chunkText`) to offsets in the source file, for
 * file:line reports. A value is looked for from the chunk's own first line on, and the k-th
 * occurrence in the chunk maps to the k-th from there: a secret repeated earlier in the file (the
 * same password in two sections) is not reported at its first mention. A value the loader rendered
 * differently (not found verbatim) is reported at the chunk's first line rather than at line 1.
 */
export function locateInSource(source: string, chunkText: string, chunkLine: number | undefined, redactions: Redaction[]): Redaction[] {
  const from = chunkLine ? offsetOfLine(source, chunkLine) : 0;
  return redactions.map((r) => {
    const value = chunkText.slice(r.start, r.end);
    let k = 0;
    for (let i = chunkText.indexOf(value); i >= 0 && i < r.start; i = chunkText.indexOf(value, i + 1)) k++;
    let at = source.indexOf(value, from);
    for (let n = 0; n < k && at >= 0; n++) at = source.indexOf(value, at + 1);
    if (at < 0) at = source.lastIndexOf(value, from);
    if (at < 0) at = from;
    return { type: r.type, start: at, end: at + (r.end - r.start) };
  });
}
