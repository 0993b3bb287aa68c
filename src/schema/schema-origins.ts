/**
 * Which migration file made each part of a schema, so a review across files can say where a
 * finding came from. Keys are lower-case table names; a foreign key is `table(cols)->refTable`.
 */
export interface SchemaOrigins {
  /** The file whose CREATE TABLE (or first mention) made the table. */
  tables: Record<string, string>;
  /** The file that added each foreign key. */
  foreignKeys: Record<string, string>;
  /** For a table without a primary key: the file that created it without one, or dropped it. */
  primaryKeys: Record<string, string>;
}

export function foreignKeyKey(table: string, columns: string[], refTable: string): string {
  const k = (n: string) => (n.split('.').pop() ?? n).replace(/^["`[]|["`\]]$/g, '').toLowerCase();
  return `${k(table)}(${columns.map((c) => c.toLowerCase()).join(',')})->${k(refTable)}`;
}
