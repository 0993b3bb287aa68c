import type { ChunkDraft, LoadedSource, TableInfo } from '../../src/ports/chunk.js';
import { childLogger } from '../../src/log.js';
import { decodeText, parseFailed } from './parse-failed.js';
import { astFacts } from './sql-ast.js';
import { changeFacts, isSchemaChange } from './sql-changes.js';
import { fallbackFacts } from './sql-fallback.js';
import { SchemaModel } from './sql-model.js';
import { renderTable } from './sql-render.js';
import { seedChunks } from './sql-seeds.js';
import { splitSqlStatements, type SqlStatement } from './sql-statements.js';

const log = childLogger('ingest.sql');

/** Statements that can change a table's shape; everything else (functions, views, grants…) is skipped. */
const TABLE_SHAPING = /^(CREATE\s+(?:(?:GLOBAL|LOCAL)\s+)?(?:TEMP(?:ORARY)?\s+|UNLOGGED\s+)?TABLE|ALTER\s+TABLE|CREATE\s+(?:UNIQUE\s+)?INDEX|COMMENT\s+ON\s+(?:TABLE|COLUMN)|DROP\s+(?:TABLE|INDEX)|RENAME\s+TABLE)\b/i;
/** node-sql-parser is slow on very long statements and gains nothing over the fallback there. */
const MAX_AST_STATEMENT = 20_000;

/** Reads one script's table-shaping statements into the model; `file` is recorded as their origin. */
export function applySqlScript(model: SchemaModel, script: string, file: string): { statements: SqlStatement[]; viaParser: number; viaFallback: number } {
  const statements = splitSqlStatements(script);
  let viaParser = 0;
  let viaFallback = 0;
  for (const st of statements) {
    if (!TABLE_SHAPING.test(st.sql)) continue;
    // The AST reader skips DROP/RENAME actions: statements holding one go to the change reader.
    const change = isSchemaChange(st.sql);
    const parsed = !change && st.sql.length <= MAX_AST_STATEMENT ? astFacts(st.sql) : undefined;
    const facts = parsed ?? (change ? changeFacts(st.sql, fallbackFacts) : fallbackFacts(st.sql));
    if (parsed) viaParser++;
    else if (facts.length) viaFallback++;
    for (const fact of facts) model.apply(fact, st.line, file);
  }
  return { statements, viaParser, viaFallback };
}

/**
 * SQL DDL → one chunk per table and the tables as structured data (columns, keys, indexes,
 * comments, partitions). Each statement is read with node-sql-parser when its grammar
 * accepts it, else with the fallback reader; a statement neither understands is skipped.
 */
export async function loadSql(content: Buffer, relPath: string): Promise<LoadedSource> {
  const script = decodeText(content, relPath);
  const model = new SchemaModel();
  const { statements, viaParser, viaFallback } = applySqlScript(model, script, relPath);
  if (statements.length === 0) throw parseFailed(relPath, 'no SQL statements found');
  const tables = model.result();
  if (tables.length === 0 && !statements.some((s) => /^[A-Z]+\b/i.test(s.sql))) {
    throw parseFailed(relPath, 'does not look like SQL (no statement starts with a keyword)');
  }
  log.debug({ path: relPath, statements: statements.length, viaParser, viaFallback, tables: tables.length }, 'sql loaded');
  const chunks: ChunkDraft[] = tables.map((t) => ({
    kind: 'sql-table',
    section: `table ${t.name}`,
    text: renderTable(t, tables),
    line: t.line,
    meta: {
      table: t.name,
      schema: t.schema,
      columns: t.columns.map((c) => c.name),
      primaryKey: t.primaryKey,
      references: [...new Set(t.foreignKeys.map((fk) => fk.refTable))],
      partitionOf: t.partitionOf,
    },
  }));
  chunks.push(...seedChunks(statements, (name) => tables.find((t) => t.name === name)?.columns.map((c) => c.name) ?? []));
  const infos: TableInfo[] = tables.map(({ line: _line, partitionOf: _p, partitions: _ps, ...info }) => info);
  return { chunks, tables: infos };
}
