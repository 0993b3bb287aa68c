import type { TableInfo } from '../../src/ports/chunk.js';
import type { SchemaOrigins } from '../../src/schema/schema-origins.js';
import { decodeText } from './parse-failed.js';
import { applySqlScript } from './sql.js';
import { SchemaModel } from './sql-model.js';

/**
 * A folder of migrations is one schema built in steps: this orders the files the way migration
 * tools do and applies them to one model, so a foreign key added in 002 closes a cycle with a
 * table from 001, and a column dropped in 005 is gone.
 */

/** Down/undo/rollback scripts reverse a migration: applying them in sequence would undo it. */
export function isRollbackScript(relPath: string): boolean {
  const p = relPath.replace(/\\/g, '/').toLowerCase();
  return /\.(down|rollback|undo)\.sql$|(^|\/)(down|revert|rollback|undo)(\.sql$|\/)|(^|\/)u\d[\w.]*__|_(down|rollback)\.sql$/.test(p);
}

/**
 * The version a migration tool reads from a name: the leading number run of the innermost path
 * segment that has one (`001_init.sql`, `20240101120000_add.sql`, Flyway `V1_2__x.sql`,
 * Prisma `20240101_init/migration.sql`). Flyway repeatables (`R__x.sql`) and unnumbered files
 * sort after every versioned one.
 */
function migrationVersion(relPath: string): number[] | undefined {
  // From the file name outwards, so a folder like `2024-data/` above the migrations does not count.
  for (const segment of relPath.replace(/\\/g, '/').split('/').reverse()) {
    const m = /^[vV]?(\d+(?:[-._]\d+)*)(?=[^\d]|$)/.exec(segment);
    if (m) return m[1]!.split(/[-._]/).map(Number);
  }
  return undefined;
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

const natural = new Intl.Collator('en', { numeric: true });

/** Files in the order a migration tool applies them; rollback scripts are left out. */
export function orderMigrations(relPaths: string[]): string[] {
  return relPaths
    .filter((p) => !isRollbackScript(p))
    .map((p) => ({ p, v: migrationVersion(p) }))
    .sort((a, b) => (a.v && b.v ? compareVersions(a.v, b.v) : a.v ? -1 : b.v ? 1 : 0) || natural.compare(a.p, b.p))
    .map((x) => x.p);
}

export interface AppliedSchema {
  /** The tables after every file, each with `path` = the file that created it. */
  tables: TableInfo[];
  /** Partition → partitioned parent. */
  partitionOf: Record<string, string>;
  origins: SchemaOrigins;
  /** The files in the order applied. */
  files: string[];
}

/** Applies the files in migration order (pass `ordered: true` to keep the given order). */
export function applyMigrations(files: Array<{ path: string; content: Buffer }>, options: { ordered?: boolean } = {}): AppliedSchema {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const order = options.ordered ? files.map((f) => f.path) : orderMigrations(files.map((f) => f.path));
  const model = new SchemaModel();
  for (const p of order) applySqlScript(model, decodeText(byPath.get(p)!.content, p), p);
  const origins = model.origins();
  const built = model.result();
  const partitionOf: Record<string, string> = {};
  for (const t of built) if (t.partitionOf) partitionOf[t.name] = t.partitionOf;
  const tables = built.map(({ line: _l, partitionOf: _p, partitions: _ps, ...info }) => ({ ...info, path: origins.tables[info.name] ?? info.path }));
  return { tables, partitionOf, origins, files: order };
}
