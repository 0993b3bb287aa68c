import type { TableInfo } from '../ports/chunk.js';
import { stem, words } from '../text/tokenize.js';

/** The FK graph ingest kept, so answers can follow relations between tables. */
export class SchemaGraph {
  private readonly byName = new Map<string, TableInfo>();
  /** stem of each name part → table names, so "films" and "film" both find `film`. */
  private readonly byStem = new Map<string, string[]>();

  constructor(readonly tables: TableInfo[]) {
    for (const t of tables) {
      const name = t.name.toLowerCase();
      if (!this.byName.has(name)) this.byName.set(name, t);
      const key = stem(name);
      this.byStem.set(key, [...(this.byStem.get(key) ?? []), name]);
    }
  }

  get size(): number {
    return this.byName.size;
  }

  table(name: string): TableInfo | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** Tables the text names: exact identifiers ("film_actor"), words ("films"), or adjacent words ("film actor"). */
  mentioned(text: string): string[] {
    const ws = words(text);
    const found: string[] = [];
    const push = (n: string) => {
      if (!found.includes(n)) found.push(n);
    };
    for (let i = 0; i < ws.length; i++) {
      if (this.byName.has(ws[i])) push(ws[i]);
      for (const n of this.byStem.get(stem(ws[i])) ?? []) push(n);
      if (i + 1 < ws.length) {
        const joined = `${ws[i]}_${stem(ws[i + 1])}`;
        if (this.byName.has(joined)) push(joined);
        const joinedRaw = `${ws[i]}_${ws[i + 1]}`;
        if (this.byName.has(joinedRaw)) push(joinedRaw);
      }
    }
    return found;
  }

  referencedBy(name: string): Array<{ table: string; columns: string[]; fk?: string }> {
    const out: Array<{ table: string; columns: string[]; fk?: string }> = [];
    for (const t of this.byName.values()) {
      for (const fk of t.foreignKeys) if (fk.refTable.toLowerCase() === name.toLowerCase()) out.push({ table: t.name, columns: fk.columns, fk: fk.name });
    }
    return out;
  }

  /** Tables whose foreign keys point at both a and b: the tables that link them. */
  linking(a: string, b: string): TableInfo[] {
    const out: TableInfo[] = [];
    for (const t of this.byName.values()) {
      const targets = new Set(t.foreignKeys.map((fk) => fk.refTable.toLowerCase()));
      if (targets.has(a) && targets.has(b) && t.name !== a && t.name !== b) out.push(t);
    }
    return out;
  }

  /** Compact facts about a table: columns, keys and relations both ways. */
  describe(name: string): string[] {
    const t = this.table(name);
    if (!t) return [];
    const lines: string[] = [];
    if (t.primaryKey.length) lines.push(`Primary key${t.primaryKeyName ? ` ${t.primaryKeyName}` : ''}: (${t.primaryKey.join(', ')})`);
    for (const fk of t.foreignKeys) {
      lines.push(`FK ${fk.name ? `${fk.name}: ` : ''}${fk.columns.join(', ')} → ${fk.refTable}(${fk.refColumns.join(', ')})`);
    }
    const refs = this.referencedBy(t.name);
    if (refs.length) lines.push(`Referenced by: ${refs.map((r) => `${r.table}(${r.columns.join(', ')})`).join(', ')}`);
    return lines;
  }
}
