/**
 * Python counterpart of the JS scanner: which lines start at column 0 outside brackets,
 * strings (including triple-quoted docstrings) and comments — the top-level statements.
 */
export function pythonTopLevelStarts(source: string): boolean[] {
  const lines = source.split('\n');
  const starts = new Array<boolean>(lines.length).fill(false);
  let depth = 0;
  let quote: string | null = null; // ', ", ''' or """
  let continued = false; // backslash continuation
  for (let n = 0; n < lines.length; n++) {
    const text = lines[n];
    starts[n] = quote === null && depth === 0 && !continued && /^\S/.test(text) && !text.startsWith('#');
    continued = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (quote) {
        if (ch === '\\') i++;
        else if (text.startsWith(quote, i)) {
          i += quote.length - 1;
          quote = null;
        }
        continue;
      }
      if (ch === '#') break;
      if (ch === '"' || ch === "'") {
        quote = text.startsWith(ch.repeat(3), i) ? ch.repeat(3) : ch;
        i += quote.length - 1;
      } else if ('([{'.includes(ch)) depth++;
      else if (')]}'.includes(ch)) depth = Math.max(0, depth - 1);
      else if (ch === '\\' && i === text.length - 1) continued = true;
    }
    // A single-quoted string cannot span lines; an unclosed one is a syntax error, not a reason to lose the file.
    if (quote === '"' || quote === "'") quote = null;
  }
  return starts;
}

/** Module names a Python import statement brings in: `from .models import X` → `.models`; `import os, a.b as c` → `os`, `a.b`. */
export function pythonImportSpecifiers(statement: string): string[] {
  const flat = statement.replace(/\\\n/g, ' ').replace(/\s+/g, ' ').trim();
  const from = /^from\s+(\.*[\w.]*)\s+import\b/.exec(flat);
  if (from) return [from[1]];
  const imp = /^import\s+(.+)$/.exec(flat);
  if (!imp) return [];
  return imp[1]
    .split(',')
    .map((p) => p.trim().split(/\s+as\s+/)[0].trim())
    .filter((p) => /^[\w.]+$/.test(p));
}
