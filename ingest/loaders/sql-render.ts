import type { TableBuild } from './sql-facts.js';

const MAX_CHARS = 2500;

/** "film_id → film.film_id" for each column pair of a foreign key. */
function fkPairs(columns: string[], refTable: string, refColumns: string[]): string {
  return columns.map((c, i) => `${c} → ${refTable}.${refColumns[i] ?? refColumns[0] ?? '?'}`).join(', ');
}

/** The text of one table's chunk: what a person asking "what links to film?" needs to read. */
export function renderTable(table: TableBuild, all: TableBuild[]): string {
  const lines: string[] = [`Table ${table.schema ? `${table.schema}.` : ''}${table.name}`];
  if (table.comment) lines.push(table.comment);
  if (table.partitionOf) lines.push(`Partition of ${table.partitionOf}.`);
  if (table.columns.length) lines.push('Columns:');
  for (const col of table.columns) {
    const bits = [col.type || 'unknown type'];
    if (table.primaryKey.includes(col.name)) bits.push('primary key');
    if (!col.nullable && !table.primaryKey.includes(col.name)) bits.push('not null');
    if (col.default !== undefined) bits.push(`default ${col.default}`);
    lines.push(`- ${col.name}: ${bits.join(', ')}${col.comment ? ` — ${col.comment}` : ''}`);
  }
  if (table.primaryKey.length) lines.push(`Primary key${table.primaryKeyName ? ` ${table.primaryKeyName}` : ''}: (${table.primaryKey.join(', ')})`);
  if (table.foreignKeys.length) {
    lines.push('Foreign keys:');
    for (const fk of table.foreignKeys) {
      lines.push(`- ${fk.name ? `${fk.name}: ` : ''}${fkPairs(fk.columns, fk.refTable, fk.refColumns)}${fk.onDelete ? ` (on delete ${fk.onDelete.toLowerCase()})` : ''}`);
    }
  }
  if (table.indexes.length) {
    lines.push('Indexes:');
    for (const ix of table.indexes) lines.push(`- ${ix.name}${ix.unique ? ' (unique)' : ''} on (${ix.columns.join(', ')})`);
  }
  // Partitions repeat their parent's keys; naming the parent once is what a reader needs.
  const referencedBy = [
    ...new Set(
      all
        .filter((t) => !t.partitionOf)
        .flatMap((t) => t.foreignKeys.filter((fk) => fk.refTable === table.name).map((fk) => `${t.name} (${fkPairs(fk.columns, table.name, fk.refColumns)})`)),
    ),
  ];
  if (referencedBy.length) lines.push(`Referenced by: ${referencedBy.join('; ')}`);
  if (table.partitions.length) lines.push(`Partitions: ${table.partitions.join(', ')}`);
  const text = lines.join('\n');
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
}
