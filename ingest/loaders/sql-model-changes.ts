import type { ForeignKey } from '../../src/ports/chunk.js';
import type { SchemaFact, TableBuild } from './sql-facts.js';

/** What SchemaModel exposes to the change rules below. */
export interface ChangeTarget {
  readonly tables: Map<string, TableBuild>;
  readonly fkOrigin: Map<ForeignKey, string>;
  readonly pkOrigin: Map<string, string>;
  /**
   * PostgreSQL's default names for unnamed constraints (`users_team_id_fkey`, `users_pkey`),
   * fixed when the constraint was made: migrations drop unnamed constraints by these, and a
   * later RENAME of the table does not change them.
   */
  readonly defaultFkNames: Map<ForeignKey, string>;
  readonly defaultPkNames: Map<string, string>;
}

function dropPrimaryKey(target: ChangeTarget, t: TableBuild, file: string): void {
  if (!t.primaryKey.length) return;
  t.primaryKey = [];
  delete t.primaryKeyName;
  target.pkOrigin.set(t.name, file);
}

/**
 * Applies a DROP / RENAME / SET NOT NULL fact the way the database would, including what it
 * does to other tables: dropping or renaming a table or column updates or removes the foreign
 * keys, indexes and primary keys that name it. A change to a table the model does not hold is
 * ignored (it was made by a file not given, or never existed).
 */
export function applyChange(target: ChangeTarget, fact: SchemaFact, file: string): void {
  const fkNamed = (t: TableBuild, fk: ForeignKey, name: string) => (fk.name ?? target.defaultFkNames.get(fk) ?? `${t.name}_${fk.columns.join('_')}_fkey`) === name;
  const pkName = (t: TableBuild) => t.primaryKeyName ?? target.defaultPkNames.get(t.name) ?? `${t.name}_pkey`;
  const all = [...target.tables.values()];
  const table = 'table' in fact ? target.tables.get(fact.table.name) : undefined;
  switch (fact.kind) {
    case 'drop-table': {
      if (!table) return;
      target.tables.delete(table.name);
      for (const t of all) {
        t.foreignKeys = t.foreignKeys.filter((fk) => fk.refTable !== table.name);
        t.partitions = t.partitions.filter((p) => p !== table.name);
        if (t.partitionOf === table.name) delete t.partitionOf;
      }
      return;
    }
    case 'drop-column': {
      if (!table) return;
      const col = fact.column;
      table.columns = table.columns.filter((c) => c.name !== col);
      if (table.primaryKey.includes(col)) dropPrimaryKey(target, table, file);
      table.foreignKeys = table.foreignKeys.filter((fk) => !fk.columns.includes(col));
      table.indexes = table.indexes.filter((i) => !i.columns.includes(col));
      for (const t of all) t.foreignKeys = t.foreignKeys.filter((fk) => !(fk.refTable === table.name && fk.refColumns.includes(col)));
      return;
    }
    case 'drop-constraint':
    case 'drop-foreign-key': {
      if (!table) return;
      const name = fact.name;
      table.foreignKeys = table.foreignKeys.filter((fk) => !fkNamed(table, fk, name));
      if (fact.kind === 'drop-foreign-key') return;
      if (pkName(table) === name) dropPrimaryKey(target, table, file);
      table.indexes = table.indexes.filter((i) => i.name !== name);
      return;
    }
    case 'drop-primary-key':
      if (table) dropPrimaryKey(target, table, file);
      return;
    case 'drop-index':
      for (const t of all) t.indexes = t.indexes.filter((i) => i.name !== fact.name);
      return;
    case 'rename-table': {
      if (!table || target.tables.has(fact.to.name)) return;
      const from = table.name;
      target.tables.delete(from);
      table.name = fact.to.name;
      target.tables.set(table.name, table);
      for (const byTable of [target.pkOrigin, target.defaultPkNames]) {
        const v = byTable.get(from);
        if (v !== undefined) (byTable.delete(from), byTable.set(table.name, v));
      }
      for (const t of all) {
        for (const fk of t.foreignKeys) if (fk.refTable === from) fk.refTable = table.name;
        t.partitions = t.partitions.map((p) => (p === from ? table.name : p));
        if (t.partitionOf === from) t.partitionOf = table.name;
      }
      return;
    }
    case 'rename-column': {
      if (!table) return;
      const rename = (cols: string[]) => cols.map((c) => (c === fact.from ? fact.to : c));
      for (const c of table.columns) if (c.name === fact.from) c.name = fact.to;
      table.primaryKey = rename(table.primaryKey);
      for (const fk of table.foreignKeys) fk.columns = rename(fk.columns);
      for (const i of table.indexes) i.columns = rename(i.columns);
      for (const t of all) for (const fk of t.foreignKeys) if (fk.refTable === table.name) fk.refColumns = rename(fk.refColumns);
      return;
    }
    case 'rename-constraint': {
      if (!table) return;
      for (const fk of table.foreignKeys) if (fkNamed(table, fk, fact.from)) fk.name = fact.to;
      if (pkName(table) === fact.from && table.primaryKey.length) table.primaryKeyName = fact.to;
      for (const i of table.indexes) if (i.name === fact.from) i.name = fact.to;
      return;
    }
    case 'set-nullable': {
      const col = table?.columns.find((c) => c.name === fact.column);
      if (col) col.nullable = fact.nullable;
      return;
    }
    default:
      return;
  }
}
