import { loadSql } from '../../../ingest/loaders/sql';
import { splitSqlStatements } from '../../../ingest/loaders/sql-statements';
import { ErrorCode } from '../../../src/errors';

const ddl = `
-- shop schema
CREATE TABLE public.customer (
    customer_id integer DEFAULT nextval('public.customer_customer_id_seq'::regclass) NOT NULL,
    email text,
    mood public.mood DEFAULT 'ok'::public.mood,
    CONSTRAINT customer_pkey PRIMARY KEY (customer_id)
);
CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customer ON DELETE CASCADE,
    total numeric(8,2) GENERATED ALWAYS AS (0) STORED
);
CREATE TABLE order_items (order_id bigint NOT NULL, sku text NOT NULL);
ALTER TABLE ONLY order_items ADD CONSTRAINT order_items_pkey PRIMARY KEY (order_id, sku);
ALTER TABLE ONLY order_items ADD CONSTRAINT order_items_order_fkey FOREIGN KEY (order_id) REFERENCES orders(id);
CREATE UNIQUE INDEX customer_email_idx ON public.customer USING btree (email);
COMMENT ON TABLE orders IS 'One row per checkout; it''s immutable.';
COMMENT ON COLUMN public.customer.email IS 'Lower-cased';
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; RETURN NEW; END; $$;
CREATE VIEW v AS SELECT 1;
THIS IS NOT SQL AT ALL;
`;

describe('SQL statement splitter', () => {
  it('ends statements only at top-level semicolons', () => {
    const parts = splitSqlStatements("SELECT ';'; /* a; b */ CREATE FUNCTION g() AS $body$ x; y; $body$;\n-- c;\nSELECT \"a;b\";");
    expect(parts.map((p) => p.sql)).toEqual(["SELECT ';'", 'CREATE FUNCTION g() AS $body$ x; y; $body$', 'SELECT "a;b"']);
    expect(parts[2]!.line).toBe(3);
  });
});

describe('SQL loader', () => {
  it('builds tables with columns, keys, indexes and comments from mixed DDL', async () => {
    const { tables, chunks } = await loadSql(Buffer.from(ddl), 'shop.sql');
    expect(tables!.map((t) => t.name)).toEqual(['customer', 'orders', 'order_items']);
    const customer = tables!.find((t) => t.name === 'customer')!;
    expect(customer.schema).toBe('public');
    expect(customer.primaryKey).toEqual(['customer_id']);
    expect(customer.columns.find((c) => c.name === 'mood')).toEqual({ name: 'mood', type: 'public.mood', nullable: true, default: "'ok'::public.mood" });
    expect(customer.columns.find((c) => c.name === 'email')!.comment).toBe('Lower-cased');
    expect(customer.indexes).toEqual([{ name: 'customer_email_idx', columns: ['email'], unique: true }]);
    const orders = tables!.find((t) => t.name === 'orders')!;
    expect(orders.comment).toBe("One row per checkout; it's immutable.");
    // REFERENCES without a column list means the referenced table's primary key
    expect(orders.foreignKeys).toEqual([{ columns: ['customer_id'], refTable: 'customer', refColumns: ['customer_id'], onDelete: 'CASCADE' }]);
    const items = tables!.find((t) => t.name === 'order_items')!;
    expect(items.primaryKey).toEqual(['order_id', 'sku']);
    expect(items.foreignKeys).toEqual([{ name: 'order_items_order_fkey', columns: ['order_id'], refTable: 'orders', refColumns: ['id'] }]);
    expect(chunks.map((c) => c.section)).toEqual(['table customer', 'table orders', 'table order_items']);
  });

  it('writes chunk text with types, keys, arrows for foreign keys and the tables that reference it', async () => {
    const { chunks } = await loadSql(Buffer.from(ddl), 'shop.sql');
    const orders = chunks.find((c) => c.section === 'table orders')!;
    expect(orders.kind).toBe('sql-table');
    expect(orders.text).toContain('- customer_id: integer, not null');
    expect(orders.text).toContain('customer_id → customer.customer_id (on delete cascade)');
    expect(orders.text).toContain('Referenced by: order_items (order_id → orders.id)');
    expect(orders.line).toBe(9);
    expect(orders.meta).toMatchObject({ table: 'orders', primaryKey: ['id'], references: ['customer'] });
  });

  it('rejects text with no statements with ParseFailed', async () => {
    await expect(loadSql(Buffer.from('-- only a comment\n'), 'empty.sql')).rejects.toMatchObject({ code: ErrorCode.ParseFailed });
    await expect(loadSql(Buffer.from([0, 1, 2, 3, 0xff]), 'blob.sql')).rejects.toMatchObject({ code: ErrorCode.ParseFailed });
  });
});
