/**
 * What a team knows is safe (`sanitize.allow` in the config): literal strings, and regular
 * expressions written `/pattern/flags`. A redaction whose text an entry matches, or that lies inside
 * an allowed literal, is dropped. Set once at start-up from the config; empty by default.
 */
interface Allowlist {
  literals: string[];
  patterns: RegExp[];
}

let current: Allowlist = { literals: [], patterns: [] };

/** Parses the entries; a malformed pattern is reported by the config schema before we get here. */
export function parseAllowEntry(entry: string): string | RegExp {
  const m = /^\/(.+)\/([a-z]*)$/s.exec(entry);
  if (!m) return entry;
  // Flags that would make `test` stateful or change what a match means are not ours to take.
  return new RegExp(m[1], m[2].replace(/[gy]/g, ''));
}

export function configureSanitizer(options: { allow?: string[] }): void {
  const literals: string[] = [];
  const patterns: RegExp[] = [];
  for (const entry of options.allow ?? []) {
    if (entry.length === 0) continue;
    const parsed = parseAllowEntry(entry);
    if (typeof parsed === 'string') literals.push(parsed);
    else patterns.push(parsed);
  }
  current = { literals, patterns };
}

/** True when the redacted text itself is allowed: equal to a literal, or wholly matched by a pattern. */
export function isAllowed(value: string): boolean {
  if (current.literals.includes(value)) return true;
  return current.patterns.some((p) => {
    const m = p.exec(value);
    return m !== null && m.index === 0 && m[0].length === value.length;
  });
}

/** Spans of the text taken by allowed literals, so a finding inside one is dropped too. */
export function allowedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const lit of current.literals) {
    for (let at = text.indexOf(lit); at >= 0; at = text.indexOf(lit, at + lit.length)) spans.push([at, at + lit.length]);
  }
  return spans;
}
