import type { ChunkDraft } from '../../src/ports/chunk.js';
import { normalizeName, qualifiedName } from './sql-facts.js';
import { unquoteLiteral } from './sql-fallback.js';
import type { SqlStatement } from './sql-statements.js';
import { parenList, topLevelTokens } from './sql-tokens.js';

/**
 * INSERT … VALUES rows in a schema or migration usually seed settings, roles, plans or lookup
 * values: facts people ask about ("what is the default retry limit?"). They become row chunks
 * like the CSV loader's ("key: max_retries; value: 5"). INSERT … SELECT and bulk data past a
 * cap are left out: a dump's data is not documentation.
 */
const ROWS_PER_CHUNK = 40;
const MAX_ROWS_PER_TABLE = 80;
const MAX_VALUE_CHARS = 200;

const INSERT = /^INSERT\s+(?:IGNORE\s+)?INTO\s+((?:"(?:[^"]|"")*"|`[^`]*`|[\w$]+)(?:\.(?:"(?:[^"]|"")*"|`[^`]*`|[\w$]+))?)\s*(\([^)]*\))?\s*VALUES\s*([\s\S]+)$/i;

function cell(raw: string): string {
  const t = raw.trim();
  const text = unquoteLiteral(t.replace(/::[\w ]+$/, '')) ?? t;
  return text.replace(/\s+/g, ' ').slice(0, MAX_VALUE_CHARS);
}

const KEY_COLUMN = /^(name|key|setting|option|param|parameter|config_key|setting_name|property)$/i;
const VALUE_COLUMN = /^(value|val|setting_value|config_value|property_value)$/i;

/**
 * One row as "column: value; …". A key/value settings row ("name: smtp_password; value: …") is
 * written as "smtp_password: …", so the value sits under its real name: that is what the reader
 * asks about, and what the sanitizer judges a secret by.
 */
function rowLine(columns: string[], values: string[]): string {
  const keyAt = columns.findIndex((c) => KEY_COLUMN.test(c));
  const valueAt = columns.findIndex((c) => VALUE_COLUMN.test(c));
  const pairs = values.map((v, i) => [columns[i] ?? `column ${i + 1}`, v] as const);
  const named = keyAt >= 0 && valueAt >= 0 && values[keyAt] && /^[\w.-]{1,80}$/.test(values[keyAt]) ? [[values[keyAt], values[valueAt]] as const] : [];
  const rest = named.length ? pairs.filter((_, i) => i !== keyAt && i !== valueAt) : pairs;
  return [...named, ...rest].map(([k, v]) => `${k}: ${v}`).filter((p) => !/: (NULL|)$/i.test(p)).join('; ');
}

/** Row chunks for the INSERT … VALUES statements of one script; `columnsOf` supplies names when the INSERT omits them. */
export function seedChunks(statements: SqlStatement[], columnsOf: (table: string) => string[]): ChunkDraft[] {
  const rows = new Map<string, { line: number; lines: string[] }>();
  for (const st of statements) {
    const m = INSERT.exec(st.sql);
    if (!m) continue;
    const table = qualifiedName(m[1]!.replace(/`([^`]*)`/g, '"$1"')).name;
    const columns = m[2] ? parenList(m[2]).map((c) => normalizeName(c.replace(/^`|`$/g, '"'))) : columnsOf(table);
    const entry = rows.get(table) ?? { line: st.line, lines: [] };
    rows.set(table, entry);
    for (const token of topLevelTokens(m[3]!)) {
      if (token.text === ',') continue;
      if (!token.text.startsWith('(')) break; // ON CONFLICT …, RETURNING …
      if (entry.lines.length >= MAX_ROWS_PER_TABLE) break;
      const values = parenList(token.text).map(cell);
      const line = rowLine(columns, values);
      if (line) entry.lines.push(line);
    }
  }
  const chunks: ChunkDraft[] = [];
  for (const [table, { line, lines }] of rows) {
    for (let i = 0; i < lines.length; i += ROWS_PER_CHUNK) {
      const part = lines.slice(i, i + ROWS_PER_CHUNK);
      chunks.push({
        kind: 'csv',
        section: `rows of ${table} (seed data)`,
        text: `Rows the SQL inserts into table ${table}:\n${part.join('\n')}`,
        line,
        meta: { table, seed: true, rows: part.length },
      });
    }
  }
  return chunks;
}
