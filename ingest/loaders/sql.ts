import type { ChunkDraft, LoadedSource, TableInfo } from '../../src/ports/chunk.js';
import { childLogger } from '../../src/log.js';
import { decodeText, parseFailed } from './parse-failed.js';
import { astFacts } from './sql-ast.js';
import { fallbackFacts } from './sql-fallback.js';
import { SchemaModel } from './sql-model.js';
import { renderTable } from './sql-render.js';
import { splitSqlStatements } from './sql-statements.js';

const log = childLogger('ingest.sql');

/** Statements that can change a table's shape; everything else (functions, views, grants…) is skipped. */
const TABLE_SHAPING = /^(CREATE\s+(?:(?:GLOBAL|LOCAL)\s+)?(?:TEMP(?:ORARY)?\s+|UNLOGGED\s+)?TABLE|ALTER\s+TABLE|CREATE\s+(?:UNIQUE\s+)?INDEX|COMMENT\s+ON\s+(?:TABLE|COLUMN))\b/i;
/** node-sql-parser is slow on very long statements and gains nothing over the fallback there. */
const MAX_AST_STATEMENT = 20_000;

/**
 * SQL DDL → one chunk per table and the tables as structured data (columns, keys, indexes,
 * comments, partitions). Each statement is read with node-sql-parser when its grammar
 * accepts it, else with the fallback reader; a statement neither understands is skipped.
 */
export async function loadSql(content: Buffer, relPath: string): Promise<LoadedSource> {
  const statements = splitSqlStatements(decodeText(content, relPath));
  if (statements.length === 0) throw parseFailed(relPath, 'no SQL statements found');
  const model = new SchemaModel();
  let viaParser = 0;
  let viaFallback = 0;
  for (const st of statements) {
    if (!TABLE_SHAPING.test(st.sql)) continue;
    const parsed = st.sql.length <= MAX_AST_STATEMENT ? astFacts(st.sql) : undefined;
    const facts = parsed ?? fallbackFacts(st.sql);
    if (parsed) viaParser++;
    else if (facts.length) viaFallback++;
    for (const fact of facts) model.apply(fact, st.line);
  }
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
  const infos: TableInfo[] = tables.map(({ line: _line, partitionOf: _p, partitions: _ps, ...info }) => info);
  return { chunks, tables: infos };
}
