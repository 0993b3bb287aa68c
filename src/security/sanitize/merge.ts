import type { Redaction } from './types.js';

/**
 * Overlapping findings become one span covering all of them, typed after the widest
 * finding: a password inside a connection string that secretlint also flagged whole is one redaction.
 */
export function mergeRedactions(found: Redaction[]): Redaction[] {
  const sorted = found
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Array<Redaction & { width: number }> = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.start < last.end) {
      if (r.end - r.start > last.width) {
        last.type = r.type;
        last.width = r.end - r.start;
      }
      last.end = Math.max(last.end, r.end);
    } else {
      merged.push({ ...r, width: r.end - r.start });
    }
  }
  return merged.map(({ type, start, end }) => ({ type, start, end }));
}

function placeholderFor(type: string): string {
  return `[REDACTED:${type}]`;
}

/** Rebuilds the text with each (merged, sorted) span replaced by its typed placeholder. */
export function applyRedactions(text: string, redactions: Redaction[]): string {
  if (redactions.length === 0) return text;
  let out = '';
  let at = 0;
  for (const r of redactions) {
    out += text.slice(at, r.start) + placeholderFor(r.type);
    at = r.end;
  }
  return out + text.slice(at);
}

/** Drops findings that lie entirely inside one of the given spans (e.g. an embedded image). */
export function outside(found: Redaction[], spans: Array<[number, number]>): Redaction[] {
  if (spans.length === 0) return found;
  return found.filter((r) => !spans.some(([s, e]) => r.start >= s && r.end <= e));
}
