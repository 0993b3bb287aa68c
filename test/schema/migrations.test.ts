import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { applyMigrations, isRollbackScript, orderMigrations } from '../../ingest/loaders/sql-migrations';
import { loadSql } from '../../ingest/loaders/index';
import { schemaReviewCommand } from '../../src/cli/schema-review';
import { reviewSchema } from '../../src/schema/schema-review';
import { formatSchemaReview } from '../../src/schema/schema-review-format';
import { freshDatabase, testDatabaseUrl } from '../support/postgres';
import { tmpDir } from '../support/tmp';

const sql = (files: Record<string, string>) => Object.entries(files).map(([p, text]) => ({ path: p, content: Buffer.from(text) }));
const review = (files: Record<string, string>) => {
  const applied = applyMigrations(sql(files));
  return { applied, review: reviewSchema(applied.tables, { partitionOf: applied.partitionOf, origins: applied.origins, files: applied.files }) };
};
const table = (applied: ReturnType<typeof applyMigrations>, name: string) => applied.tables.find((t) => t.name === name);

const init = `
  CREATE TABLE teams (id int PRIMARY KEY, name text, owner_id int);
  CREATE TABLE users (id int PRIMARY KEY, team_id int NOT NULL REFERENCES teams(id), email text, legacy text);
  CREATE INDEX users_team ON users (team_id);`;
const ownerFk = `ALTER TABLE teams ADD CONSTRAINT teams_owner_fk FOREIGN KEY (owner_id) REFERENCES users(id);`;

describe('migration order', () => {
  it.each([
    [['10_c.sql', '2_b.sql', '001_a.sql'], ['001_a.sql', '2_b.sql', '10_c.sql']],
    [['20240102090000_b.sql', '20231231235959_a.sql'], ['20231231235959_a.sql', '20240102090000_b.sql']],
    [['R__views.sql', 'V2__b.sql', 'V1_1__a2.sql', 'V1__a.sql'], ['V1__a.sql', 'V1_1__a2.sql', 'V2__b.sql', 'R__views.sql']],
    [['10_x/migration.sql', '9_y/migration.sql', '9_y/rollback.sql'], ['9_y/migration.sql', '10_x/migration.sql']],
    [['2019-02-27-170003_b/up.sql', '2019-02-26-002946_a/up.sql', '2019-02-26-002946_a/down.sql'], ['2019-02-26-002946_a/up.sql', '2019-02-27-170003_b/up.sql']],
    [['2024data/002_b.sql', '2024data/001_a.sql'], ['2024data/001_a.sql', '2024data/002_b.sql']],
  ])('orders %j as migration tools do', (given, expected) => {
    expect(orderMigrations(given)).toEqual(expected);
  });

  it('leaves down, undo and rollback scripts out', () => {
    for (const p of ['1_a.down.sql', 'down/1_a.sql', 'U2__undo.sql', '3_x_rollback.sql', 'x/rollback.sql']) expect(isRollbackScript(p)).toBe(true);
    for (const p of ['1_a.up.sql', 'V2__b.sql', '3_add_undo_log.sql', 'downloads.sql']) expect(isRollbackScript(p)).toBe(false);
  });
});

describe('schema review across migration files', () => {
  it('finds the cycle a later file closes, as in one file, and names that file', async () => {
    const { review: split } = review({ '002_owner_fk.sql': ownerFk, '001_init.sql': init });
    const one = reviewSchema((await loadSql(Buffer.from(init + ownerFk), 'all.sql')).tables!);
    expect(split.cycles).toEqual(one.cycles);
    expect(split.cycles).toEqual([['teams', 'users']]);
    expect(split.migrations?.files).toEqual(['001_init.sql', '002_owner_fk.sql']);
    expect(split.migrations?.cycles).toEqual(['002_owner_fk.sql']);
    const text = formatSchemaReview(split);
    expect(text).toContain('teams → users → teams — introduced in 002_owner_fk.sql');
    expect(text).toMatch(/`teams\(owner_id\)` → `users\(id\)` \(teams_owner_fk\) — introduced in 002_owner_fk.sql/);
  });

  it('drops columns with their keys and indexes, so a dropped column is in no finding or table', () => {
    const { applied, review: r } = review({ '001.sql': init + ownerFk, '002.sql': 'ALTER TABLE teams DROP COLUMN owner_id; ALTER TABLE users DROP COLUMN IF EXISTS legacy CASCADE;' });
    expect(table(applied, 'teams')!.columns.map((c) => c.name)).toEqual(['id', 'name']);
    expect(table(applied, 'users')!.columns.map((c) => c.name)).toEqual(['id', 'team_id', 'email']);
    expect(r.cycles).toEqual([]);
  });

  it('renames tables and columns everywhere they are referenced', () => {
    const { applied, review: r } = review({
      '001.sql': init + ownerFk,
      '002.sql': 'ALTER TABLE users RENAME TO members; ALTER TABLE members RENAME COLUMN team_id TO group_id; ALTER TABLE teams RENAME id TO team_key;',
    });
    expect(applied.tables.map((t) => t.name).sort()).toEqual(['members', 'teams']);
    const members = table(applied, 'members')!;
    expect(members.foreignKeys).toEqual([expect.objectContaining({ columns: ['group_id'], refTable: 'teams', refColumns: ['team_key'] })]);
    expect(members.indexes[0].columns).toEqual(['group_id']);
    expect(table(applied, 'teams')!.foreignKeys[0]).toEqual(expect.objectContaining({ refTable: 'members' }));
    expect(r.cycles).toEqual([['members', 'teams']]);
  });

  it('drops constraints by their written or default names, and a dropped index makes its FK unindexed in that file', () => {
    const { applied, review: r } = review({
      '001.sql': init + ownerFk,
      '002.sql': 'ALTER TABLE users DROP CONSTRAINT users_team_id_fkey;',
      '003.sql': 'ALTER TABLE users ADD CONSTRAINT users_team_fk FOREIGN KEY (team_id) REFERENCES teams(id); DROP INDEX IF EXISTS users_team;',
      '004.sql': 'ALTER TABLE teams DROP CONSTRAINT teams_pkey, DROP CONSTRAINT teams_owner_fk;',
    });
    expect(table(applied, 'users')!.foreignKeys.map((f) => f.name)).toEqual(['users_team_fk']);
    expect(table(applied, 'teams')!.foreignKeys).toEqual([]);
    expect(r.unindexedForeignKeys.map((f) => [f.table, f.file])).toEqual([['users', '003.sql']]);
    expect(r.withoutPrimaryKey).toEqual(['teams']);
    expect(r.migrations?.withoutPrimaryKey).toEqual({ teams: '004.sql' });
  });

  it('replaces a constraint dropped and re-added in one ALTER, and drops tables with the keys that point at them', () => {
    const { applied } = review({
      '001.sql': init + ownerFk,
      '002.sql': 'ALTER TABLE teams DROP CONSTRAINT teams_owner_fk, ADD CONSTRAINT teams_owner_fk FOREIGN KEY (owner_id) REFERENCES users(id) ON DELETE SET NULL;',
    });
    expect(table(applied, 'teams')!.foreignKeys).toEqual([expect.objectContaining({ name: 'teams_owner_fk', onDelete: 'SET NULL' })]);
    const dropped = review({ '001.sql': init + ownerFk, '002.sql': 'DROP TABLE users CASCADE;' }).applied;
    expect(dropped.tables.map((t) => t.name)).toEqual(['teams']);
    expect(dropped.tables[0].foreignKeys).toEqual([]);
  });

  it('reads MySQL renames and drops too', () => {
    const { applied } = review({
      '1.sql': init,
      '2.sql': 'RENAME TABLE users TO accounts; ALTER TABLE accounts CHANGE email mail varchar(200); ALTER TABLE accounts DROP FOREIGN KEY users_team_id_fkey, DROP PRIMARY KEY;',
    });
    const accounts = table(applied, 'accounts')!;
    expect(accounts.columns.map((c) => c.name)).toContain('mail');
    expect(accounts.foreignKeys).toEqual([]);
    expect(accounts.primaryKey).toEqual([]);
  });

  it('reviews a folder from the CLI, file by file in migration order', async () => {
    const dir = tmpDir('deskmate-migrations-');
    try {
      fs.writeFileSync(path.join(dir, '001_init.sql'), init);
      fs.writeFileSync(path.join(dir, '002_owner_fk.sql'), ownerFk);
      fs.writeFileSync(path.join(dir, '002_owner_fk.down.sql'), 'ALTER TABLE teams DROP CONSTRAINT teams_owner_fk;');
      let text = '';
      await schemaReviewCommand([dir], {}, { write: (s: string) => (text += s) });
      expect(text).toContain('2 migration files applied in order: 001_init.sql, 002_owner_fk.sql.');
      expect(text).toContain('teams → users → teams — introduced in 002_owner_fk.sql');
      await expect(schemaReviewCommand([path.join(dir, 'nope')], {}, { write: () => 0 })).rejects.toThrow(/does not exist/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// A real history: umami's 19 Prisma migrations (MIT; see the folder's SOURCE.md), applied by PostgreSQL itself.
const umami = path.join(__dirname, '..', 'fixtures', 'migrations', 'umami');
const server = testDatabaseUrl();
(server ? describe : describe.skip)('a real migration folder against PostgreSQL', () => {
  it('ends with the tables, columns, primary keys and indexes PostgreSQL has after applying every file', async () => {
    const files = orderMigrations(fs.readdirSync(umami).filter((d) => fs.existsSync(path.join(umami, d, 'migration.sql'))).map((d) => `${d}/migration.sql`));
    expect(files.length).toBeGreaterThanOrEqual(19);
    const applied = applyMigrations(files.map((f) => ({ path: f, content: fs.readFileSync(path.join(umami, f)) })), { ordered: true });
    const db = await freshDatabase(server!);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      for (const f of files) await client.query(fs.readFileSync(path.join(umami, f), 'utf8'));
      const cols = await client.query<{ t: string; c: string }>(`SELECT table_name t, column_name c FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, ordinal_position`);
      const pks = await client.query<{ t: string; c: string }>(
        `SELECT tc.table_name t, kcu.column_name c FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage kcu USING (constraint_schema, constraint_name)
         WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = 'public' ORDER BY 1, kcu.ordinal_position`,
      );
      const idx = await client.query<{ t: string; i: string }>(`SELECT tablename t, indexname i FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey'`);
      const group = (rows: Array<{ t: string; c?: string; i?: string }>) => {
        const m: Record<string, string[]> = {};
        for (const r of rows) (m[r.t] ??= []).push((r.c ?? r.i)!);
        return m;
      };
      const ours = (pick: (t: (typeof applied.tables)[number]) => string[]) => Object.fromEntries(applied.tables.map((t) => [t.name, pick(t)]).filter(([, v]) => v.length));
      const sorted = (m: Record<string, string[]>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, [...v].sort()]).sort());
      expect(sorted(ours((t) => t.columns.map((c) => c.name)))).toEqual(sorted(group(cols.rows)));
      expect(sorted(ours((t) => t.primaryKey))).toEqual(sorted(group(pks.rows)));
      expect(sorted(ours((t) => t.indexes.map((i) => i.name)))).toEqual(sorted(group(idx.rows)));
    } finally {
      await client.end();
      await db.drop();
    }
  });
});
