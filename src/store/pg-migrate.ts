import type pg from 'pg';

/**
 * Versioned migrations in PostgreSQL: the applied versions live in their own table, and an advisory
 * transaction lock makes replicas that start together migrate one after the other, never at once.
 * All or nothing: a failing migration rolls the whole run back. Returns the version reached.
 */
export async function runPostgresMigrations(client: pg.ClientBase, input: { table: string; lock: number; migrations: string[] }): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [input.lock]);
    await client.query(`CREATE TABLE IF NOT EXISTS ${input.table} (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)`);
    const { rows } = await client.query<{ v: number | null }>(`SELECT MAX(version) AS v FROM ${input.table}`);
    for (let v = rows[0].v ?? 0; v < input.migrations.length; v++) {
      await client.query(input.migrations[v]);
      await client.query(`INSERT INTO ${input.table} VALUES ($1, $2)`, [v + 1, Date.now()]);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
  return input.migrations.length;
}
