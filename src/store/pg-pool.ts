import pg from 'pg';
import type { Logger } from '../log.js';

/**
 * A pg Pool that survives the server going away. node-postgres emits 'error' on a client whose
 * socket closes (restart: 57P01, then "Connection terminated unexpectedly"). The pool listens on
 * idle clients only; a client checked out for a transaction has no listener, and an unhandled
 * 'error' event kills the process. So every client gets a listener for its whole life; the
 * failing query still rejects, and the pool discards the dead client when it is released
 * (pg-pool drops clients that are no longer queryable), so the next query opens a fresh one.
 */
export function resilientPool(connectionString: string, max: number, log: Logger): pg.Pool {
  const pool = new pg.Pool({ connectionString, max });
  pool.on('error', (err) => log.warn({ err: err.message, code: (err as { code?: string }).code }, 'idle PostgreSQL connection lost; the pool opens a new one'));
  pool.on('connect', (client) => {
    client.on('error', (err) => log.debug({ err: err.message, code: (err as { code?: string }).code }, 'PostgreSQL connection lost'));
  });
  return pool;
}
