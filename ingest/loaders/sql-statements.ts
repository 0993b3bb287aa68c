/** One SQL statement with comments removed, and the 1-based line it starts on. */
export interface SqlStatement {
  sql: string;
  line: number;
}

/**
 * Splits a SQL script at top-level semicolons. Semicolons inside 'strings', "identifiers",
 * $tag$ dollar-quoted bodies (PostgreSQL functions), -- line comments and nested block
 * comments do not end a statement. Comments are dropped from the returned text.
 */
export function splitSqlStatements(script: string): SqlStatement[] {
  const out: SqlStatement[] = [];
  let buf = '';
  let line = 1;
  let start = 1;
  let i = 0;
  const n = script.length;
  const emit = (): void => {
    const sql = buf.trim();
    if (sql) out.push({ sql, line: start });
    buf = '';
  };
  const copyUntil = (end: number): void => {
    const piece = script.slice(i, end);
    for (const ch of piece) if (ch === '\n') line++;
    buf += piece;
    i = end;
  };
  while (i < n) {
    const ch = script[i]!;
    if (!buf.trim() && !/\s/.test(ch)) start = line;
    if (ch === '-' && script[i + 1] === '-') {
      const end = script.indexOf('\n', i);
      i = end < 0 ? n : end; // the newline itself is copied next round
      continue;
    }
    if (ch === '/' && script[i + 1] === '*') {
      let depth = 0;
      let j = i;
      while (j < n) {
        if (script.startsWith('/*', j)) (depth++, (j += 2));
        else if (script.startsWith('*/', j)) {
          depth--;
          j += 2;
          if (depth === 0) break;
        } else {
          if (script[j] === '\n') line++;
          j++;
        }
      }
      buf += ' ';
      i = j;
      continue;
    }
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      while (j < n) {
        if (script[j] === ch && script[j + 1] === ch) j += 2; // doubled quote escapes itself
        else if (script[j] === '\\' && ch === "'" && /[eE]/.test(script[i - 1] ?? '')) j += 2; // E'\''
        else if (script[j] === ch) break;
        else j++;
      }
      copyUntil(Math.min(n, j + 1));
      continue;
    }
    if (ch === '$') {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(script.slice(i, i + 64))?.[0];
      if (tag && !/[A-Za-z0-9_]/.test(script[i - 1] ?? '')) {
        const close = script.indexOf(tag, i + tag.length);
        copyUntil(close < 0 ? n : close + tag.length);
        continue;
      }
    }
    if (ch === ';') {
      emit();
      i++;
      continue;
    }
    if (ch === '\n') line++;
    buf += ch;
    i++;
  }
  emit();
  return out;
}
