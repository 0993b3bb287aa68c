import type { ColumnInfo, TableInfo } from '../../src/ports/chunk.js';

/** What one DDL statement says about the schema; both the AST reader and the fallback produce these. */
export interface QualifiedName {
  schema?: string;
  name: string;
}

export interface ConstraintFact {
  type: 'primary' | 'foreign' | 'unique';
  name?: string;
  columns: string[];
  refTable?: QualifiedName;
  /** Empty when the statement names only the table (then its primary key is meant). */
  refColumns?: string[];
  onDelete?: string;
}

export interface ColumnFact extends ColumnInfo {
  /** Column-level constraints (PRIMARY KEY, UNIQUE, REFERENCES) written inline. */
  constraints: ConstraintFact[];
}

export type SchemaFact =
  | { kind: 'table'; table: QualifiedName; columns: ColumnFact[]; constraints: ConstraintFact[]; partitionOf?: QualifiedName }
  | { kind: 'add-column'; table: QualifiedName; column: ColumnFact }
  | { kind: 'constraint'; table: QualifiedName; constraint: ConstraintFact }
  | { kind: 'index'; table: QualifiedName; name: string; columns: string[]; unique: boolean }
  | { kind: 'comment'; table: QualifiedName; column?: string; text: string }
  | { kind: 'partition'; parent: QualifiedName; child: QualifiedName }
  // What later migrations do to tables earlier files made (see sql-changes.ts):
  | { kind: 'drop-table'; table: QualifiedName }
  | { kind: 'drop-column'; table: QualifiedName; column: string }
  | { kind: 'drop-constraint'; table: QualifiedName; name: string }
  | { kind: 'drop-primary-key'; table: QualifiedName }
  | { kind: 'drop-foreign-key'; table: QualifiedName; name: string }
  | { kind: 'drop-index'; name: string }
  | { kind: 'rename-table'; table: QualifiedName; to: QualifiedName }
  | { kind: 'rename-column'; table: QualifiedName; from: string; to: string }
  | { kind: 'rename-constraint'; table: QualifiedName; from: string; to: string }
  | { kind: 'set-nullable'; table: QualifiedName; column: string; nullable: boolean };

/** A table as the loader builds it: the shared TableInfo plus what only the chunk text needs. */
export interface TableBuild extends TableInfo {
  line: number;
  partitionOf?: string;
  partitions: string[];
}

/** Identifiers compare case-insensitively here, as unquoted PostgreSQL names do. */
export function normalizeName(raw: string): string {
  const t = raw.trim();
  return (t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"') : t).toLowerCase();
}

/** "public.film" / "\"Shop\".orders" / "film" → { schema, name }. */
export function qualifiedName(raw: string): QualifiedName {
  const parts = raw.match(/"(?:[^"]|"")*"|[^.]+/g)?.map(normalizeName) ?? [normalizeName(raw)];
  const name = parts.pop() ?? '';
  return parts.length ? { schema: parts.pop(), name } : { name };
}
