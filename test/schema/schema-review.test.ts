import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { loadSql } from '../../ingest/loaders/index';
import type { TableInfo } from '../../src/ports/chunk';
import { isCovered, partitionsFromChunks, reviewSchema, type SchemaReview } from '../../src/schema/schema-review';
import { formatSchemaReview } from '../../src/schema/schema-review-format';

async function tablesOf(sql: string): Promise<TableInfo[]> {
  return (await loadSql(Buffer.from(sql), 'planted.sql')).tables!;
}

/** Every foreign key between two different steps points at a table created earlier. */
function violations(review: SchemaReview, tables: TableInfo[]): string[] {
  const pos = new Map(review.order.map((t, i) => [t, i]));
  const deferred = new Set(review.deferredForeignKeys.map((r) => `${r.table}.${r.columns.join()}`));
  const bad: string[] = [];
  for (const t of tables) {
    for (const fk of t.foreignKeys) {
      const from = t.name.toLowerCase();
      const to = fk.refTable.toLowerCase();
      const parentOf = (x: string) => Object.entries(review.partitions).find(([, ps]) => ps.includes(x))?.[0] ?? x;
      if (parentOf(from) === parentOf(to) || !pos.has(to) || deferred.has(`${from}.${fk.columns.join()}`)) continue;
      if (pos.get(parentOf(to))! >= pos.get(parentOf(from))!) bad.push(`${from} → ${to}`);
    }
  }
  return bad;
}

describe('reviewSchema on planted schemas', () => {
  const planted = `
    CREATE TABLE a (id int PRIMARY KEY, b_id int);
    CREATE TABLE b (id int PRIMARY KEY, a_id int NOT NULL REFERENCES a(id));
    ALTER TABLE a ADD CONSTRAINT a_b_fk FOREIGN KEY (b_id) REFERENCES b(id);
    CREATE TABLE x (id int PRIMARY KEY, y_id int REFERENCES y(id));
    CREATE TABLE y (id int PRIMARY KEY, z_id int REFERENCES z(id));
    CREATE TABLE z (id int PRIMARY KEY, x_id int REFERENCES x(id));
    CREATE TABLE employee (id int PRIMARY KEY, manager_id int REFERENCES employee(id));
    CREATE TABLE audit_log (at timestamptz, employee_id int REFERENCES employee(id));
    CREATE TABLE membership (team_id int, employee_id int REFERENCES employee(id), PRIMARY KEY (team_id, employee_id));
    CREATE TABLE tagging (post_id int, tag_id int, note_id int REFERENCES a(id), PRIMARY KEY (post_id, tag_id));
    CREATE INDEX tagging_note ON tagging (note_id, post_id);
  `;

  it('names a 2-cycle and a 3-cycle table by table, and a self-reference separately', async () => {
    const review = reviewSchema(await tablesOf(planted));
    expect(review.cycles).toEqual([['a', 'b'], ['x', 'y', 'z']]);
    expect(review.selfReferences.map((r) => `${r.table}.${r.columns.join()}`)).toEqual(['employee.manager_id']);
    const text = formatSchemaReview(review);
    expect(text).toContain('a → b → a');
    expect(text).toContain('x → y → z → x');
    expect(text).toMatch(/fails part-way/);
    expect(text).toMatch(/ALTER TABLE … ADD CONSTRAINT/);
    expect(text).toMatch(/Self-references[\s\S]*employee\(manager_id\)/);
  });

  it('defers the nullable side of a cycle and orders every other FK dependencies first', async () => {
    const tables = await tablesOf(planted);
    const review = reviewSchema(tables);
    // a.b_id is nullable, b.a_id is NOT NULL: add a's constraint later, create a first.
    expect(review.deferredForeignKeys.filter((r) => ['a', 'b'].includes(r.table)).map((r) => `${r.table}.${r.columns.join()}`)).toEqual(['a.b_id']);
    expect(review.deferredForeignKeys.filter((r) => ['x', 'y', 'z'].includes(r.table))).toHaveLength(1);
    expect(violations(review, tables)).toEqual([]);
    expect(review.order.indexOf('employee')).toBeLessThan(review.order.indexOf('audit_log'));
    expect(review.levels.flat().filter((g) => g.cyclic).map((g) => [...g.tables].sort())).toEqual([['a', 'b'], ['x', 'y', 'z']]);
  });

  it('lists tables without a primary key and FKs no index leads with', async () => {
    const review = reviewSchema(await tablesOf(planted));
    expect(review.withoutPrimaryKey).toEqual(['audit_log']);
    const unindexed = review.unindexedForeignKeys.map((r) => `${r.table}.${r.columns.join()}`).sort();
    // membership.employee_id is the PK's second column: not covered. tagging.note_id leads an index: covered.
    expect(unindexed).toEqual(['a.b_id', 'audit_log.employee_id', 'b.a_id', 'employee.manager_id', 'membership.employee_id', 'x.y_id', 'y.z_id', 'z.x_id']);
    expect(formatSchemaReview(review)).toMatch(/lock-contention/);
  });

  it('is deterministic whatever order the tables come in', async () => {
    const tables = await tablesOf(planted);
    expect(reviewSchema([...tables].reverse())).toEqual(reviewSchema(tables));
  });

  it('reports references to tables the schema does not define without ordering on them', async () => {
    const review = reviewSchema(await tablesOf('CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES auth.users(id));'));
    expect(review.externalReferences.map((r) => r.refTable)).toEqual(['users']);
    expect(review.order).toEqual(['orders']);
  });
});

describe('isCovered', () => {
  const t = (primaryKey: string[], indexes: string[][]): TableInfo => ({ name: 't', columns: [], primaryKey, foreignKeys: [], indexes: indexes.map((columns, i) => ({ name: `i${i}`, columns, unique: false })) });
  it.each([
    [['a'], [], ['a'], true],
    [['a', 'b'], [], ['b'], false],
    [[], [['b', 'a', 'c']], ['a', 'b'], true],
    [[], [['a', 'c', 'b']], ['a', 'b'], false],
    [[], [['A']], ['a'], true],
    [[], [], ['a'], false],
  ])('pk %j, indexes %j cover %j: %s', (pk, idx, fk, expected) => {
    expect(isCovered(t(pk as string[], idx as string[][]), fk as string[])).toBe(expected);
  });
});

describe('reviewSchema on real schemas', () => {
  it('Parcelbird sample: dependency order, no cycles, UNIQUE counts as an index', async () => {
    const tables = (await loadSql(fs.readFileSync(path.resolve(__dirname, '../../ingest/samples/schema.sql')), 'schema.sql')).tables!;
    const review = reviewSchema(tables);
    expect(review.cycles).toEqual([]);
    expect(violations(review, tables)).toEqual([]);
    expect(review.levels[0].flatMap((g) => g.tables)).toContain('accounts');
    const unindexed = review.unindexedForeignKeys.map((r) => `${r.table}.${r.columns.join()}`);
    expect(unindexed).toContain('labels.carrier_code');
    expect(unindexed).not.toContain('labels.shipment_id');
    expect(formatSchemaReview(review)).toContain('No foreign-key cycles');
  });

  const pagila = path.resolve(__dirname, '../../../shared/corpus/schema/pagila-schema.sql');
  const havePagila = fs.existsSync(pagila);
  if (!havePagila) console.warn(`Pagila cases skipped: ${pagila} is absent`);
  (havePagila ? it : it.skip)('Pagila: partitions follow payment, inherit its key, and every FK points backwards', async () => {
    const loaded = await loadSql(fs.readFileSync(pagila), 'pagila-schema.sql');
    const tables = loaded.tables!;
    const review = reviewSchema(tables, { partitionOf: partitionsFromChunks(loaded.chunks) });
    expect(review.cycles).toEqual([]);
    expect(violations(review, tables)).toEqual([]);
    expect(review.withoutPrimaryKey).toEqual([]);
    expect(review.partitions.payment.length).toBeGreaterThan(10);
    const pos = (t: string) => review.order.indexOf(t);
    for (const [before, after] of [['country', 'city'], ['city', 'address'], ['store', 'customer'], ['rental', 'payment'], ['payment', review.partitions.payment[0]]]) {
      expect(pos(before)).toBeLessThan(pos(after));
    }
    const unindexed = review.unindexedForeignKeys.map((r) => `${r.table}.${r.columns.join()}`);
    expect(unindexed).toContain('rental.customer_id');
    expect(unindexed.some((u) => u.startsWith('film_actor.'))).toBe(false);
    const text = formatSchemaReview(review);
    expect(text).toMatch(/payment \(\+\d+ partitions\)/);
    // Without the partition map, the partitions look like keyless tables of their own.
    expect(reviewSchema(tables).withoutPrimaryKey.length).toBeGreaterThan(10);
  });
});

describe('reviewSchema properties', () => {
  it('orders any acyclic FK graph so every reference points at an earlier table', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 30 }))), ([n, edges]) => {
        // Only edges from a higher to a lower number: a DAG by construction.
        const tables: TableInfo[] = Array.from({ length: n }, (_, i) => ({ name: `t${i}`, columns: [], primaryKey: ['id'], indexes: [], foreignKeys: edges.filter(([a, b]) => a === i && b < a).map(([, b]) => ({ columns: [`t${b}_id`], refTable: `t${b}`, refColumns: ['id'] })) }));
        const review = reviewSchema(tables);
        expect(review.cycles).toEqual([]);
        expect(review.order).toHaveLength(n);
        expect(violations(review, tables)).toEqual([]);
      }),
    );
  });
});
