import pg from 'pg';
import { childLogger } from '../log.js';
import { migratePostgres } from './migrate.js';

/**
 * One pg Pool per database URL per process, shared by the store, the metrics and the LLM usage
 * (before, each opened its own). Each opener takes a reference; the pool ends when the last one is
 * released. The schema is migrated once, when the pool is first made.
 *
 * The pool survives the server going away. node-postgres emits 'error' on a client whose socket
 * closes (restart: 57P01, then "Connection terminated unexpectedly"). The pool listens on idle
 * clients only; a client checked out for a transaction has no listener, and an unhandled 'error'
 * event kills the process. So every client gets a listener for its whole life; the failing query
 * still rejects, and the pool discards the dead client when it is released (pg-pool drops clients
 * that are no longer queryable), so the next query opens a fresh one.
 */
const log = childLogger('db.postgres');
/** store 8 + metrics 4 + usage 2 before; one pool needs fewer, since they rarely all write at once. */
const MAX_CONNECTIONS = 10;

interface Entry {
  pool: pg.Pool;
  refs: number;
  ready: Promise<void>;
}

const pools = new Map<string, Entry>();

function resilientPool(connectionString: string): pg.Pool {
  // allowExitOnIdle: a one-shot CLI run (deskmate ask) exits without closing what it opened.
  const pool = new pg.Pool({ connectionString, max: MAX_CONNECTIONS, allowExitOnIdle: true });
  pool.on('error', (err) => log.warn({ err: err.message, code: (err as { code?: string }).code }, 'idle PostgreSQL connection lost; the pool opens a new one'));
  pool.on('connect', (client) => {
    client.on('error', (err) => log.debug({ err: err.message, code: (err as { code?: string }).code }, 'PostgreSQL connection lost'));
  });
  return pool;
}

async function migrated(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await migratePostgres(client);
  } finally {
    client.release();
  }
}

/** The process's pool for this URL, migrated; call `release` once when done with it. */
export async function acquirePostgres(url: string): Promise<{ pool: pg.Pool; release(): Promise<void> }> {
  let entry = pools.get(url);
  if (!entry) {
    const pool = resilientPool(url);
    entry = { pool, refs: 0, ready: migrated(pool) };
    pools.set(url, entry);
  }
  entry.refs++;
  const mine = entry;
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    if (--mine.refs > 0) return;
    if (pools.get(url) === mine) pools.delete(url);
    if (!mine.pool.ended) await mine.pool.end();
  };
  try {
    await mine.ready;
  } catch (err) {
    // A failed migration or an unreachable server: the next opener starts over.
    if (pools.get(url) === mine) pools.delete(url);
    await release().catch(() => undefined);
    throw err;
  }
  return { pool: mine.pool, release };
}
