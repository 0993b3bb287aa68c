import fs from 'node:fs';
import type { TableInfo } from '../src/ports/chunk.js';
import { sanitizeMany } from '../src/security/sanitize/index.js';
import type { SourceFile } from './discover.js';
import { applyMigrations } from './loaders/sql-migrations.js';

/**
 * The tables answers use, when the docs hold several SQL files: the files applied in migration
 * order to one model (schema review does the same), so a column dropped in 005 is not listed
 * and a foreign key added in 002 is known. Each file's own chunks are unchanged. The applied
 * tables are rebuilt from the sources, so they are sanitized again like every loaded table.
 */
export async function appliedSqlTables(sources: SourceFile[], tables: TableInfo[], indexed: Set<string>): Promise<TableInfo[]> {
  const sql = sources.filter((s) => /\.sql$/i.test(s.relPath) && indexed.has(s.relPath));
  if (sql.length < 2) return tables;
  const applied = applyMigrations(sql.map((s) => ({ path: s.relPath, content: fs.readFileSync(s.absPath) })));
  const results = await sanitizeMany(applied.tables.map((t) => JSON.stringify(t)));
  const clean = applied.tables.map((t, i) => {
    if (!results[i].redactions.length) return t;
    try {
      return JSON.parse(results[i].text) as TableInfo;
    } catch {
      // A redaction that broke the JSON drops the table's structure rather than keep a secret.
      return { ...t, columns: [], foreignKeys: [], indexes: [], comment: undefined };
    }
  });
  const fromSql = new Set(sql.map((s) => s.relPath));
  return [...tables.filter((t) => !t.path || !fromSql.has(t.path)), ...clean];
}
