import NSP from 'node-sql-parser';
import { qualifiedName, type ColumnFact, type ConstraintFact, type QualifiedName, type SchemaFact } from './sql-facts.js';

/**
 * Reads DDL statements through node-sql-parser's PostgreSQL grammar. Returns undefined when
 * the grammar rejects a statement or the tree holds something unexpected, so the caller can
 * use the fallback reader instead; it never throws.
 */

type Node = Record<string, any>; // node-sql-parser's AST is loosely typed; every access below is guarded
const parser = new NSP.Parser();
const OPTIONS = { database: 'PostgresQL' };

function tableName(ref: Node | undefined): QualifiedName | undefined {
  if (!ref || typeof ref.table !== 'string') return undefined;
  const schema = typeof ref.db === 'string' ? ref.db : typeof ref.schema === 'string' ? ref.schema : undefined;
  return qualifiedName(schema ? `"${schema}"."${ref.table}"` : `"${ref.table}"`);
}

function columnName(ref: Node | undefined): string | undefined {
  const value = ref?.column?.expr?.value ?? ref?.column;
  return typeof value === 'string' ? value.toLowerCase() : undefined;
}

function columnNames(list: unknown): string[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const names = list.map((c: Node) => columnName(c));
  return names.every((n): n is string => !!n) ? names : undefined;
}

function dataType(def: Node | undefined): string {
  if (!def || typeof def.dataType !== 'string') return '';
  let type = def.dataType.toLowerCase();
  if (def.length !== undefined && def.length !== null) type += `(${def.length}${def.scale !== undefined && def.scale !== null ? `,${def.scale}` : ''})`;
  if (Array.isArray(def.suffix) && def.suffix.every((s: unknown) => typeof s === 'string')) type += def.suffix.map((s: string) => ` ${s.toLowerCase()}`).join('');
  return type;
}

function references(ref: Node | undefined, columns: string[], name?: string): ConstraintFact | undefined {
  const refTable = tableName(Array.isArray(ref?.table) ? ref.table[0] : undefined);
  const refColumns = columnNames(ref?.definition);
  if (!refTable || !refColumns) return undefined;
  const onDelete = Array.isArray(ref?.on_action) ? ref.on_action.find((a: Node) => a?.type === 'on delete')?.value?.value : undefined;
  return { type: 'foreign', name, columns, refTable, refColumns, onDelete: typeof onDelete === 'string' ? onDelete.toUpperCase() : undefined };
}

function column(def: Node): ColumnFact | undefined {
  const name = columnName(def.column);
  const type = dataType(def.definition);
  if (!name || !type) return undefined;
  const col: ColumnFact = { name, type, nullable: def.nullable?.type !== 'not null' && !def.primary_key, constraints: [] };
  if (def.default_val?.value !== undefined) {
    try {
      col.default = parser.exprToSQL(def.default_val.value, OPTIONS);
    } catch {
      return undefined;
    }
  }
  if (def.primary_key) col.constraints.push({ type: 'primary', columns: [name] });
  if (def.unique) col.constraints.push({ type: 'unique', columns: [name] });
  if (def.reference_definition) {
    const fk = references(def.reference_definition, [name]);
    if (!fk) return undefined;
    col.constraints.push(fk);
  }
  return col;
}

function constraint(def: Node): ConstraintFact | null | undefined {
  const kind = String(def.constraint_type ?? '').toLowerCase();
  const name = typeof def.constraint === 'string' ? def.constraint.toLowerCase() : undefined;
  if (kind === 'check') return null; // understood, but nothing the schema graph needs
  const columns = columnNames(def.definition);
  if (!columns) return undefined;
  if (kind === 'primary key') return { type: 'primary', name, columns };
  if (kind === 'unique' || kind === 'unique key') return { type: 'unique', name, columns };
  if (kind === 'foreign key') return references(def.reference_definition, columns, name);
  return undefined;
}

function createTable(ast: Node): SchemaFact[] | undefined {
  const table = tableName(ast.table?.[0]);
  if (!table || !Array.isArray(ast.create_definitions) || ast.like || ast.query_expr) return undefined;
  const columns: ColumnFact[] = [];
  const constraints: ConstraintFact[] = [];
  for (const def of ast.create_definitions as Node[]) {
    if (def.resource === 'column') {
      const col = column(def);
      if (!col) return undefined;
      columns.push(col);
    } else {
      const c = constraint(def);
      if (c === undefined) return undefined;
      if (c) constraints.push(c);
    }
  }
  return [{ kind: 'table', table, columns, constraints }];
}

function alterTable(ast: Node): SchemaFact[] | undefined {
  const table = tableName(ast.table?.[0]);
  if (!table || !Array.isArray(ast.expr)) return undefined;
  const facts: SchemaFact[] = [];
  for (const action of ast.expr as Node[]) {
    if (action.action !== 'add') continue; // OWNER TO, SET DEFAULT…: nothing for the graph
    if (action.resource === 'column') {
      const col = column(action);
      if (!col) return undefined;
      facts.push({ kind: 'add-column', table, column: col });
    } else {
      const c = constraint(action.create_definitions ?? {});
      if (c === undefined) return undefined;
      if (c) facts.push({ kind: 'constraint', table, constraint: c });
    }
  }
  return facts;
}

function createIndex(ast: Node): SchemaFact[] | undefined {
  const table = tableName(ast.table);
  const columns = columnNames(ast.index_columns);
  if (!table || !columns || typeof ast.index !== 'string') return undefined;
  return [{ kind: 'index', table, name: ast.index.toLowerCase(), columns, unique: String(ast.index_type ?? '').toLowerCase() === 'unique' }];
}

function comment(ast: Node): SchemaFact[] | undefined {
  const raw = ast.expr?.expr?.value;
  const target = ast.target;
  if (typeof raw !== 'string') return undefined;
  const text = raw.replace(/''/g, "'"); // the grammar keeps SQL's doubled quotes
  if (target?.type === 'table') {
    const table = tableName(target.name);
    return table ? [{ kind: 'comment', table, text }] : undefined;
  }
  if (target?.type === 'column') {
    const table = tableName({ db: target.name?.schema, table: target.name?.table });
    const col = columnName(target.name);
    return table && col ? [{ kind: 'comment', table, column: col, text }] : undefined;
  }
  return undefined;
}

export function astFacts(sql: string): SchemaFact[] | undefined {
  let tree: unknown;
  try {
    tree = parser.astify(sql, OPTIONS);
  } catch {
    return undefined;
  }
  const list = (Array.isArray(tree) ? tree : [tree]) as Node[];
  if (list.length !== 1 || !list[0]) return undefined;
  const ast = list[0];
  try {
    if (ast.type === 'create' && ast.keyword === 'table') return createTable(ast);
    if (ast.type === 'create' && ast.keyword === 'index') return createIndex(ast);
    if (ast.type === 'alter' && ast.keyword === 'table') return alterTable(ast);
    if (ast.type === 'comment') return comment(ast);
  } catch {
    return undefined;
  }
  return undefined;
}
