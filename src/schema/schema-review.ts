import type { ForeignKey, TableInfo } from '../ports/chunk.js';
import { cyclesWithin, dependencyLevels, stronglyConnected, type DependencyGraph } from './schema-review-graph.js';
import { foreignKeyKey, type SchemaOrigins } from './schema-origins.js';

export { isSchemaReviewQuestion } from './schema-review-question.js';

/**
 * Schema migration review: facts a migration plan needs, computed from the tables ingest
 * kept — the order foreign keys force, the cycles that break that order, tables without
 * primary keys, and foreign keys no index covers. Pure: the same tables give the same review.
 */
export interface ForeignKeyRef {
  table: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  name?: string;
  /** Every FK column accepts NULL, so rows can go in first and the reference be filled in later. */
  nullable: boolean;
  /** The migration file that added this foreign key (reviews across files only). */
  file?: string;
}

export interface SchemaReview {
  tableCount: number;
  /** Creation order, dependencies first; a cyclic group appears as one step. */
  levels: Array<Array<{ tables: string[]; cyclic: boolean }>>;
  /** Flat creation order (cyclic groups in the order that defers the fewest constraints). */
  order: string[];
  /** Each cycle table by table, without repeating the first at the end. */
  cycles: string[][];
  /** Foreign keys to add after the tables exist (ALTER TABLE … ADD CONSTRAINT) to break the cycles. */
  deferredForeignKeys: ForeignKeyRef[];
  selfReferences: ForeignKeyRef[];
  withoutPrimaryKey: string[];
  unindexedForeignKeys: ForeignKeyRef[];
  /** Foreign keys to tables the schema does not define (another schema, another file, a typo). */
  externalReferences: ForeignKeyRef[];
  /** Partitioned tables → their partitions; partitions are created right after their parent and share its step. */
  partitions: Record<string, string[]>;
  /** The tables the findings involve, for citing sources. */
  involved: string[];
  /** Reviews across migration files: the files in the order applied, and which one introduced each finding. */
  migrations?: {
    files: string[];
    /** Parallel to `cycles`: the file whose foreign key closed the cycle. */
    cycles: string[];
    /** Table → the file that created it without a primary key, or dropped its key. */
    withoutPrimaryKey: Record<string, string>;
  };
}

export interface ReviewOptions {
  /** Partition → partitioned parent (the SQL loader keeps this in each table chunk's `meta.partitionOf`). */
  partitionOf?: Record<string, string>;
  /** Which file made what, and the order files were applied in (see applyMigrations). */
  origins?: SchemaOrigins;
  files?: string[];
}

/** Partition → parent, from indexed or freshly loaded SQL table chunks. */
export function partitionsFromChunks(chunks: Array<{ kind: string; meta?: Record<string, unknown> }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of chunks) {
    if (c.kind !== 'sql-table' || typeof c.meta?.table !== 'string' || typeof c.meta.partitionOf !== 'string') continue;
    out[tableKey(c.meta.table)] = tableKey(c.meta.partitionOf);
  }
  return out;
}

/** Unqualified, unquoted, lower-case: `public."Film"` and `film` name the same table. */
export function tableKey(name: string): string {
  const last = name.split('.').pop() ?? name;
  return last.replace(/^["`[]|["`\]]$/g, '').toLowerCase();
}

function refOf(table: TableInfo, fk: ForeignKey, origins?: SchemaOrigins): ForeignKeyRef {
  const cols = fk.columns.map((c) => table.columns.find((col) => col.name.toLowerCase() === c.toLowerCase()));
  const file = origins?.foreignKeys[foreignKeyKey(table.name, fk.columns, fk.refTable)];
  return {
    ...(file !== undefined ? { file } : {}),
    table: tableKey(table.name),
    columns: fk.columns,
    refTable: tableKey(fk.refTable),
    refColumns: fk.refColumns,
    ...(fk.name ? { name: fk.name } : {}),
    nullable: cols.length > 0 && cols.every((c) => c?.nullable === true),
  };
}

/** An index or primary key covers an FK when its leading columns are exactly the FK's columns (any order). */
export function isCovered(table: TableInfo, fkColumns: string[]): boolean {
  const want = new Set(fkColumns.map((c) => c.toLowerCase()));
  const leadsWith = (cols: string[]) => cols.length >= want.size && cols.slice(0, want.size).every((c) => want.has(c.toLowerCase()));
  return leadsWith(table.primaryKey) || table.indexes.some((i) => leadsWith(i.columns));
}

/** Within a cyclic group: repeatedly place the table with the fewest FKs to unplaced members; those FKs are deferred. */
function orderCyclicGroup(group: string[], refs: ForeignKeyRef[]): { order: string[]; deferred: ForeignKeyRef[] } {
  const members = new Set(group);
  const internal = refs.filter((r) => members.has(r.table) && members.has(r.refTable) && r.table !== r.refTable);
  const placed = new Set<string>();
  const order: string[] = [];
  const deferred: ForeignKeyRef[] = [];
  while (order.length < group.length) {
    const pending = (t: string) => internal.filter((r) => r.table === t && !placed.has(r.refTable));
    // Fewest blocking FKs first; among equals prefer nullable ones (they can be filled in later), then by name.
    const cost = (t: string) => pending(t).reduce((s, r) => s + (r.nullable ? 1 : 1.5), 0);
    const next = group.filter((t) => !placed.has(t)).sort((a, b) => cost(a) - cost(b) || a.localeCompare(b))[0];
    deferred.push(...pending(next));
    placed.add(next);
    order.push(next);
  }
  return { order, deferred };
}

export function reviewSchema(tables: TableInfo[], options: ReviewOptions = {}): SchemaReview {
  const byKey = new Map<string, TableInfo>();
  for (const t of tables) if (!byKey.has(tableKey(t.name))) byKey.set(tableKey(t.name), t);
  const parentOf = new Map<string, string>();
  for (const [child, parent] of Object.entries(options.partitionOf ?? {})) {
    if (byKey.has(tableKey(child)) && byKey.has(tableKey(parent)) && tableKey(child) !== tableKey(parent)) parentOf.set(tableKey(child), tableKey(parent));
  }
  const partitions: Record<string, string[]> = {};
  for (const [child, parent] of [...parentOf].sort()) (partitions[parent] ??= []).push(child);
  // Ordering works on whole partitioned tables: a partition's foreign keys constrain its parent's step.
  const stepOf = (t: string) => parentOf.get(t) ?? t;

  const graph: DependencyGraph = new Map();
  const refs: ForeignKeyRef[] = [];
  const selfReferences: ForeignKeyRef[] = [];
  const externalReferences: ForeignKeyRef[] = [];
  // Sorted, so the review does not depend on the order files or statements came in.
  for (const [key, t] of [...byKey].sort(([a], [b]) => a.localeCompare(b))) {
    if (!parentOf.has(key)) graph.set(key, new Set());
    for (const fk of t.foreignKeys) {
      const ref = refOf(t, fk, options.origins);
      refs.push(ref);
      if (stepOf(ref.refTable) === stepOf(key)) selfReferences.push(ref);
      else if (!byKey.has(ref.refTable)) externalReferences.push(ref);
    }
  }
  for (const r of refs) {
    const from = stepOf(r.table);
    const to = stepOf(r.refTable);
    if (from !== to && byKey.has(r.refTable)) graph.get(from)!.add(to);
  }

  const components = stronglyConnected(graph);
  const cyclic = components.filter((c) => c.length > 1);
  const cycles = cyclic.flatMap((c) => cyclesWithin(c, graph));
  const stepRefs = refs.map((r) => ({ ...r, table: stepOf(r.table), refTable: stepOf(r.refTable) }));
  const deferredForeignKeys: ForeignKeyRef[] = [];
  const groupOrder = new Map<string, string[]>();
  for (const c of cyclic) {
    const { order, deferred } = orderCyclicGroup(c, stepRefs);
    groupOrder.set(c.join(), order);
    deferredForeignKeys.push(...deferred.map((d) => refs[stepRefs.indexOf(d)]));
  }
  const levels = dependencyLevels(graph, components).map((groups) =>
    groups.map((g) => ({ tables: groupOrder.get(g.join()) ?? g, cyclic: g.length > 1 })),
  );
  const order = levels.flatMap((groups) => groups.flatMap((g) => g.tables.flatMap((t) => [t, ...(partitions[t] ?? [])])));
  // A partition of a table with a primary key gets it on ATTACH PARTITION; only report it when the parent lacks one too.
  const withoutPrimaryKey = [...byKey.entries()]
    .filter(([k, t]) => t.primaryKey.length === 0 && !(parentOf.has(k) && byKey.get(parentOf.get(k)!)!.primaryKey.length))
    .map(([k]) => k)
    .sort();
  const covered = (r: ForeignKeyRef): boolean => {
    if (isCovered(byKey.get(r.table)!, r.columns)) return true;
    const parent = parentOf.get(r.table);
    if (parent && isCovered(byKey.get(parent)!, r.columns)) return true;
    // An index on every partition covers the partitioned table's foreign key.
    const parts = partitions[r.table];
    return Boolean(parts?.length && parts.every((p) => isCovered(byKey.get(p)!, r.columns)));
  };
  const unindexedForeignKeys = refs.filter((r) => !covered(r));
  const involved = [
    ...new Set([...cycles.flat(), ...selfReferences.map((r) => r.table), ...withoutPrimaryKey, ...unindexedForeignKeys.flatMap((r) => [r.table, r.refTable])]),
  ].filter((t) => byKey.has(t));
  const migrations = options.origins && options.files ? introducedIn(options.files, options.origins, cycles, refs, withoutPrimaryKey, stepOf) : undefined;
  return {
    ...(migrations ? { migrations } : {}),
    tableCount: byKey.size,
    levels,
    order,
    cycles,
    deferredForeignKeys,
    selfReferences,
    withoutPrimaryKey,
    unindexedForeignKeys,
    externalReferences,
    partitions,
    involved,
  };
}

/** A cycle exists once its last edge does: the latest file among the first FK of each edge closed it. */
function introducedIn(files: string[], origins: SchemaOrigins, cycles: string[][], refs: ForeignKeyRef[], withoutPk: string[], stepOf: (t: string) => string): NonNullable<SchemaReview['migrations']> {
  const rank = (f: string | undefined) => (f === undefined ? -1 : files.indexOf(f));
  const closedBy = cycles.map((cycle) => {
    let latest: string | undefined;
    cycle.forEach((from, i) => {
      const to = cycle[(i + 1) % cycle.length];
      const edge = refs.filter((r) => stepOf(r.table) === from && stepOf(r.refTable) === to).map((r) => r.file).sort((a, b) => rank(a) - rank(b))[0];
      if (rank(edge) > rank(latest)) latest = edge;
    });
    return latest ?? '';
  });
  const noPk: Record<string, string> = {};
  for (const t of withoutPk) if (origins.primaryKeys[t] !== undefined) noPk[t] = origins.primaryKeys[t];
  return { files, cycles: closedBy, withoutPrimaryKey: noPk };
}
