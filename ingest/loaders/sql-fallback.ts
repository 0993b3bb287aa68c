import { normalizeName, qualifiedName, type ColumnFact, type ConstraintFact, type SchemaFact } from './sql-facts.js';
import { isWord, parenList, splitTopLevelCommas, topLevelTokens, type SqlToken } from './sql-tokens.js';

/**
 * Reads the DDL statements that shape tables with a small token walker. It is the fallback
 * for what node-sql-parser rejects (schema-qualified types, GENERATED columns, ATTACH
 * PARTITION, REFERENCES without a column list…), and it never throws: an unknown statement
 * yields no facts.
 */

const COLUMN_CONSTRAINT_WORDS = ['CONSTRAINT', 'NOT', 'NULL', 'DEFAULT', 'PRIMARY', 'REFERENCES', 'UNIQUE', 'CHECK', 'GENERATED', 'COLLATE'];

function sliceOf(src: string, tokens: SqlToken[]): string {
  return tokens.length ? src.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end).replace(/\s+/g, ' ') : '';
}

/** "REFERENCES t (cols) ON DELETE CASCADE …" starting at tokens[i] (the REFERENCES word). */
function readReferences(tokens: SqlToken[], i: number, columns: string[], name?: string): { fk: ConstraintFact; next: number } {
  const fk: ConstraintFact = { type: 'foreign', name, columns, refTable: qualifiedName(tokens[i + 1]?.text ?? ''), refColumns: [] };
  let j = i + 2;
  if (tokens[j]?.text.startsWith('(')) fk.refColumns = parenList(tokens[j++]!.text).map(normalizeName);
  while (j < tokens.length) {
    if (isWord(tokens[j], 'ON') && isWord(tokens[j + 1], 'DELETE', 'UPDATE')) {
      const two = isWord(tokens[j + 2], 'SET', 'NO');
      const action = tokens.slice(j + 2, j + (two ? 4 : 3)).map((t) => t.text.toUpperCase()).join(' ');
      if (isWord(tokens[j + 1], 'DELETE')) fk.onDelete = action;
      j += two ? 4 : 3;
    } else if (isWord(tokens[j], 'MATCH')) j += 2;
    else if (isWord(tokens[j], 'DEFERRABLE', 'INITIALLY', 'DEFERRED', 'IMMEDIATE', 'NOT')) j++;
    else break;
  }
  return { fk, next: j };
}

/** A table-level constraint ("CONSTRAINT x FOREIGN KEY (a) REFERENCES t(b)"), or undefined for CHECK/EXCLUDE/other. */
function parseTableConstraint(src: string): ConstraintFact | undefined {
  const tokens = topLevelTokens(src);
  let i = 0;
  let name: string | undefined;
  if (isWord(tokens[0], 'CONSTRAINT')) {
    name = normalizeName(tokens[1]?.text ?? '');
    i = 2;
  }
  if (isWord(tokens[i], 'PRIMARY') && isWord(tokens[i + 1], 'KEY')) {
    return { type: 'primary', name, columns: parenList(tokens[i + 2]?.text).map(normalizeName) };
  }
  if (isWord(tokens[i], 'UNIQUE')) {
    const group = tokens.slice(i + 1).find((t) => t.text.startsWith('('));
    return { type: 'unique', name, columns: parenList(group?.text).map(normalizeName) };
  }
  if (isWord(tokens[i], 'FOREIGN') && isWord(tokens[i + 1], 'KEY') && isWord(tokens[i + 3], 'REFERENCES')) {
    return readReferences(tokens, i + 3, parenList(tokens[i + 2]?.text).map(normalizeName), name).fk;
  }
  return undefined;
}

function isTableConstraint(src: string): boolean {
  return /^(CONSTRAINT|PRIMARY\s+KEY|FOREIGN\s+KEY|UNIQUE\s*\(|CHECK\s*\(|EXCLUDE|LIKE)\b/i.test(src) || /^UNIQUE\s*\(/i.test(src);
}

function parseColumn(src: string): ColumnFact | undefined {
  const tokens = topLevelTokens(src);
  if (tokens.length < 2) return undefined;
  const name = normalizeName(tokens[0]!.text);
  let i = 1;
  while (i < tokens.length && !isWord(tokens[i], ...COLUMN_CONSTRAINT_WORDS)) i++;
  const column: ColumnFact = { name, type: sliceOf(src, tokens.slice(1, i)), nullable: true, constraints: [] };
  let constraintName: string | undefined;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (isWord(t, 'CONSTRAINT')) {
      constraintName = normalizeName(tokens[i + 1]?.text ?? '');
      i += 2;
      continue;
    }
    if (isWord(t, 'NOT') && isWord(tokens[i + 1], 'NULL')) (column.nullable = false), (i += 2);
    else if (isWord(t, 'PRIMARY') && isWord(tokens[i + 1], 'KEY')) {
      column.constraints.push({ type: 'primary', name: constraintName, columns: [name] });
      column.nullable = false;
      i += 2;
    } else if (isWord(t, 'UNIQUE')) (column.constraints.push({ type: 'unique', name: constraintName, columns: [name] }), i++);
    else if (isWord(t, 'REFERENCES')) {
      const { fk, next } = readReferences(tokens, i, [name], constraintName);
      column.constraints.push(fk);
      i = next;
    } else if (isWord(t, 'DEFAULT', 'GENERATED')) {
      let j = i + 1;
      while (j < tokens.length && !isWord(tokens[j], ...COLUMN_CONSTRAINT_WORDS.filter((w) => w !== 'NULL'))) j++;
      const expr = sliceOf(src, tokens.slice(i + 1, j));
      if (isWord(t, 'DEFAULT')) column.default = expr;
      else column.default = `generated ${expr}`;
      i = j;
    } else i++; // NULL, CHECK (...), COLLATE x: nothing the schema graph needs
    constraintName = undefined;
  }
  return column;
}

function createTable(sql: string): SchemaFact[] {
  const m = /^CREATE\s+(?:(?:GLOBAL|LOCAL)\s+)?(?:TEMP(?:ORARY)?\s+|UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?((?:"(?:[^"]|"")*"|[\w$]+)(?:\.(?:"(?:[^"]|"")*"|[\w$]+))?)\s*([\s\S]*)$/i.exec(sql);
  if (!m) return [];
  const table = qualifiedName(m[1]!);
  const rest = m[2] ?? '';
  const partitionOf = /^PARTITION\s+OF\s+("(?:[^"]|"")*"|[\w$.]+)/i.exec(rest);
  const body = topLevelTokens(rest).find((t) => t.text.startsWith('('));
  const columns: ColumnFact[] = [];
  const constraints: ConstraintFact[] = [];
  for (const element of body && !/^AS\b/i.test(rest) ? parenList(body.text) : []) {
    if (isTableConstraint(element)) {
      const c = parseTableConstraint(element);
      if (c) constraints.push(c);
    } else {
      const col = parseColumn(element);
      if (col) columns.push(col);
    }
  }
  const fact: SchemaFact = { kind: 'table', table, columns, constraints };
  if (partitionOf) fact.partitionOf = qualifiedName(partitionOf[1]!);
  return [fact];
}

function alterTable(sql: string): SchemaFact[] {
  const m = /^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?((?:"(?:[^"]|"")*"|[\w$]+)(?:\.(?:"(?:[^"]|"")*"|[\w$]+))?)\s+([\s\S]*)$/i.exec(sql);
  if (!m) return [];
  const table = qualifiedName(m[1]!);
  const facts: SchemaFact[] = [];
  for (const action of splitTopLevelCommas(m[2] ?? '')) {
    const attach = /^ATTACH\s+PARTITION\s+("(?:[^"]|"")*"|[\w$.]+)/i.exec(action);
    if (attach) facts.push({ kind: 'partition', parent: table, child: qualifiedName(attach[1]!) });
    const add = /^ADD\s+([\s\S]*)$/i.exec(action);
    if (!add) continue;
    const what = add[1]!;
    if (isTableConstraint(what)) {
      const constraint = parseTableConstraint(what);
      if (constraint) facts.push({ kind: 'constraint', table, constraint });
    } else {
      const column = parseColumn(what.replace(/^COLUMN\s+(IF\s+NOT\s+EXISTS\s+)?/i, ''));
      if (column) facts.push({ kind: 'add-column', table, column });
    }
  }
  return facts;
}

function createIndex(sql: string): SchemaFact[] {
  const m = /^CREATE\s+(UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(?:("(?:[^"]|"")*"|[\w$.]+)\s+)?ON\s+(?:ONLY\s+)?("(?:[^"]|"")*"|[\w$."]+)\s*(?:USING\s+\w+\s*)?(\([\s\S]*)$/i.exec(sql);
  if (!m) return [];
  const group = topLevelTokens(m[4]!)[0]?.text;
  const columns = parenList(group).map((c) => (/^"?[\w$]+"?$/.test(c) ? normalizeName(c) : c.replace(/\s+/g, ' ')));
  return [{ kind: 'index', table: qualifiedName(m[3]!), name: m[2] ? qualifiedName(m[2]).name : '(unnamed)', columns, unique: !!m[1] }];
}

/** The text of a SQL string literal: 'it''s', E'a\'b', $$…$$ or $tag$…$tag$. */
export function unquoteLiteral(raw: string): string | undefined {
  const t = raw.trim();
  const dollar = /^\$(\w*)\$([\s\S]*)\$\1\$$/.exec(t);
  if (dollar) return dollar[2];
  const quoted = /^[eE]?'([\s\S]*)'$/.exec(t);
  if (!quoted) return undefined;
  return /^[eE]/.test(t) ? quoted[1]!.replace(/\\(.)/g, '$1').replace(/''/g, "'") : quoted[1]!.replace(/''/g, "'");
}

function commentOn(sql: string): SchemaFact[] {
  const m = /^COMMENT\s+ON\s+(TABLE|COLUMN)\s+([\s\S]+?)\s+IS\s+([\s\S]+)$/i.exec(sql);
  if (!m) return [];
  const text = unquoteLiteral(m[3]!);
  if (text === undefined) return [];
  if (m[1]!.toUpperCase() === 'TABLE') return [{ kind: 'comment', table: qualifiedName(m[2]!), text }];
  const parts = m[2]!.match(/"(?:[^"]|"")*"|[^.]+/g) ?? [];
  const column = normalizeName(parts.pop() ?? '');
  return [{ kind: 'comment', table: qualifiedName(parts.join('.')), column, text }];
}

/** The schema facts in one statement, or none when it is not a table-shaping statement we read. */
export function fallbackFacts(sql: string): SchemaFact[] {
  if (/^CREATE\s+(?:(?:GLOBAL|LOCAL)\s+)?(?:TEMP(?:ORARY)?\s+|UNLOGGED\s+)?TABLE\b/i.test(sql)) return createTable(sql);
  if (/^ALTER\s+TABLE\b/i.test(sql)) return alterTable(sql);
  if (/^CREATE\s+(UNIQUE\s+)?INDEX\b/i.test(sql)) return createIndex(sql);
  if (/^COMMENT\s+ON\s+(TABLE|COLUMN)\b/i.test(sql)) return commentOn(sql);
  return [];
}
