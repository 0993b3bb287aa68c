/** A top-level token of a SQL fragment with its place in the source, so types and defaults keep their original spelling. */
export interface SqlToken {
  text: string;
  start: number;
  end: number;
}

/**
 * Tokens at parenthesis depth 0: a parenthesised group, a quoted string or identifier, a
 * comma, or a run of other characters. `numeric(4,2)` gives "numeric" and "(4,2)".
 */
export function topLevelTokens(src: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (ch === '(') {
      let depth = 0;
      while (i < src.length) {
        const c = src[i]!;
        if (c === "'" || c === '"') i = skipQuoted(src, i);
        else {
          if (c === '(') depth++;
          if (c === ')') depth--;
          i++;
          if (depth === 0) break;
        }
      }
    } else if (ch === "'" || ch === '"') {
      i = skipQuoted(src, i);
      // a qualified name like "Shop".orders or a cast like 'G'::mood stays one token
      while (i < src.length && /[^\s(),]/.test(src[i]!)) i = src[i] === '"' || src[i] === "'" ? skipQuoted(src, i) : i + 1;
    } else if (ch === ',') {
      i++;
    } else {
      while (i < src.length && /[^\s(),]/.test(src[i]!)) i = src[i] === '"' || src[i] === "'" ? skipQuoted(src, i) : i + 1;
    }
    tokens.push({ text: src.slice(start, i), start, end: i });
  }
  return tokens;
}

function skipQuoted(src: string, i: number): number {
  const q = src[i];
  let j = i + 1;
  while (j < src.length) {
    if (src[j] === q && src[j + 1] === q) j += 2;
    else if (src[j] === q) return j + 1;
    else j++;
  }
  return j;
}

/** Splits a fragment at top-level commas ("a int, b numeric(4,2)" → two parts). */
export function splitTopLevelCommas(src: string): string[] {
  const parts: string[] = [];
  let last = 0;
  for (const t of topLevelTokens(src)) {
    if (t.text === ',') {
      parts.push(src.slice(last, t.start).trim());
      last = t.end;
    }
  }
  parts.push(src.slice(last).trim());
  return parts.filter(Boolean);
}

/** "(a, \"B\")" → ["a", "\"B\""] (the names as written). */
export function parenList(group: string | undefined): string[] {
  if (!group || !group.startsWith('(')) return [];
  return splitTopLevelCommas(group.slice(1, -1));
}

export function isWord(token: SqlToken | undefined, ...words: string[]): boolean {
  return !!token && words.some((w) => token.text.toUpperCase() === w);
}
