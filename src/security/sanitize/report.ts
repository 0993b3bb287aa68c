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
