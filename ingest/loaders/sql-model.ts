import type { ForeignKey } from '../../src/ports/chunk.js';
import { foreignKeyKey, type SchemaOrigins } from '../../src/schema/schema-origins.js';
import type { ColumnFact, ConstraintFact, QualifiedName, SchemaFact, TableBuild } from './sql-facts.js';
import { applyChange, type ChangeTarget } from './sql-model-changes.js';

type ModelTable = TableBuild & { implicit?: boolean; seq: number };

/**
 * Accumulates facts, in script order, into tables with keys, indexes and comments. Several
 * files (migrations) can be applied in turn; `file` records which one made each table and
 * foreign key, so a review can say which migration introduced a finding.
 */
export class SchemaModel implements ChangeTarget {
  readonly tables = new Map<string, ModelTable>();
  readonly fkOrigin = new Map<ForeignKey, string>();
  readonly pkOrigin = new Map<string, string>();
  readonly defaultFkNames = new Map<ForeignKey, string>();
  readonly defaultPkNames = new Map<string, string>();
  private readonly tableOrigin = new Map<ModelTable, string>();
  private seq = 0;
  private file = '';

  apply(fact: SchemaFact, line: number, file = ''): void {
    this.file = file;
    switch (fact.kind) {
      case 'table': {
        const table = this.ensure(fact.table, line);
        table.line = line;
        table.seq = this.seq++;
        if (table.implicit) this.tableOrigin.set(table, file);
        table.implicit = false;
        for (const col of fact.columns) this.addColumn(table, col);
        for (const c of fact.constraints) this.addConstraint(table, c);
        if (fact.partitionOf) this.link(fact.partitionOf, fact.table, line);
        return;
      }
      case 'add-column':
        this.addColumn(this.ensure(fact.table, line), fact.column);
        return;
      case 'constraint':
        this.addConstraint(this.ensure(fact.table, line), fact.constraint);
        return;
      case 'index': {
        const table = this.ensure(fact.table, line);
        if (!table.indexes.some((i) => i.name === fact.name)) table.indexes.push({ name: fact.name, columns: fact.columns, unique: fact.unique });
        return;
      }
      case 'comment': {
        const table = this.ensure(fact.table, line);
        if (!fact.column) table.comment = fact.text;
        else {
          const col = table.columns.find((c) => c.name === fact.column);
          if (col) col.comment = fact.text;
        }
        return;
      }
      case 'partition':
        this.link(fact.parent, fact.child, line);
        return;
      default:
        applyChange(this, fact, file);
        return;
    }
  }

  /** Which file made each table, foreign key and missing primary key (keys as in schema-origins.ts). */
  origins(): SchemaOrigins {
    const out: SchemaOrigins = { tables: {}, foreignKeys: {}, primaryKeys: {} };
    for (const t of this.tables.values()) {
      const made = this.tableOrigin.get(t);
      if (made !== undefined) out.tables[t.name] = made;
      const pk = this.pkOrigin.get(t.name) ?? made;
      if (pk !== undefined) out.primaryKeys[t.name] = pk;
      for (const fk of t.foreignKeys) {
        const from = this.fkOrigin.get(fk);
        if (from !== undefined) out.foreignKeys[foreignKeyKey(t.name, fk.columns, fk.refTable)] = from;
      }
    }
    return out;
  }

  /**
   * Tables in script order. Foreign keys that named only a table get its primary key; a
   * partitioned table gains the foreign keys pg_dump writes on each of its partitions, so the
   * graph says "payment → customer"; and names seen only in an index or comment (a
   * materialized view, say) are dropped, since nothing says they are tables.
   */
  result(): TableBuild[] {
    const all = [...this.tables.values()].filter((t) => !t.implicit || t.columns.length || t.primaryKey.length || t.foreignKeys.length || t.partitionOf || t.partitions.length);
    for (const t of all) {
      for (const fk of t.foreignKeys) {
        if (fk.refColumns.length === 0) fk.refColumns = [...(this.tables.get(fk.refTable)?.primaryKey ?? [])];
      }
    }
    for (const parent of all) {
      for (const child of parent.partitions) {
        for (const fk of this.tables.get(child)?.foreignKeys ?? []) {
          const { name: _name, ...inherited } = fk;
          this.addConstraint(parent, { type: 'foreign', columns: inherited.columns, refTable: { name: inherited.refTable }, refColumns: inherited.refColumns, onDelete: inherited.onDelete });
        }
      }
    }
    return all.sort((a, b) => a.seq - b.seq).map(({ implicit: _implicit, seq: _seq, ...t }) => t);
  }

  private ensure(q: QualifiedName, line: number): ModelTable {
    let table = this.tables.get(q.name);
    if (!table) {
      table = { name: q.name, columns: [], primaryKey: [], foreignKeys: [], indexes: [], line, partitions: [], implicit: true, seq: this.seq++ };
      this.tableOrigin.set(table, this.file);
      if (q.schema) table.schema = q.schema;
      this.tables.set(q.name, table);
    }
    return table;
  }

  private addColumn(table: TableBuild, fact: ColumnFact): void {
    const { constraints, ...column } = fact;
    if (!table.columns.some((c) => c.name === column.name)) table.columns.push(column);
    for (const c of constraints) this.addConstraint(table, c);
  }

  private addConstraint(table: TableBuild, c: ConstraintFact): void {
    if (c.type === 'primary') {
      table.primaryKey = [...c.columns];
      this.pkOrigin.delete(table.name);
      if (!c.name) this.defaultPkNames.set(table.name, `${table.name}_pkey`);
      else this.defaultPkNames.delete(table.name);
      if (c.name) table.primaryKeyName = c.name;
      for (const col of table.columns) if (c.columns.includes(col.name)) col.nullable = false;
    } else if (c.type === 'unique') {
      const name = c.name ?? `${table.name}_${c.columns.join('_')}_key`;
      if (!table.indexes.some((i) => i.name === name)) table.indexes.push({ name, columns: [...c.columns], unique: true });
    } else if (c.refTable) {
      const fk: ForeignKey = { columns: [...c.columns], refTable: c.refTable.name, refColumns: [...(c.refColumns ?? [])] };
      if (c.name) fk.name = c.name;
      if (c.onDelete) fk.onDelete = c.onDelete;
      const same = (f: ForeignKey): boolean => f.refTable === fk.refTable && f.columns.join() === fk.columns.join();
      if (!table.foreignKeys.some(same)) {
        table.foreignKeys.push(fk);
        this.fkOrigin.set(fk, this.file);
        if (!fk.name) this.defaultFkNames.set(fk, `${table.name}_${fk.columns.join('_')}_fkey`);
      }
    }
  }

  private link(parent: QualifiedName, child: QualifiedName, line: number): void {
    const p = this.ensure(parent, line);
    const c = this.ensure(child, line);
    c.partitionOf = p.name;
    if (!p.partitions.includes(c.name)) p.partitions.push(c.name);
  }
}
