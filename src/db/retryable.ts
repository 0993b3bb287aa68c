/**
 * Which storage failures are worth retrying: the database is busy or briefly away (restart,
 * failover, a dropped connection), so the same write can succeed later. Used by the Slack layer
 * (503, so Slack redelivers what we could not store) and by the metrics buffer (keep the events,
 * write them when the database is back). Anything else — a constraint, a syntax error, a closed
 * store — would fail the same way again.
 */
const RETRYABLE_CODES = new Set([
  // SQLite: another writer holds the lock.
  'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_BUSY_SNAPSHOT',
  // Sockets: the server is not listening, went away, or cannot be reached right now.
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN',
  // PostgreSQL class 08 (connection exception), 57P01 admin_shutdown, 57P02 crash_shutdown,
  // 57P03 cannot_connect_now (starting up or shutting down), 53300 too_many_connections,
  // 40001 serialization_failure and 40P01 deadlock_detected (the transaction was rolled back).
  '08000', '08001', '08003', '08004', '08006', '57P01', '57P02', '57P03', '53300', '40001', '40P01',
]);

/**
 * node-postgres raises these without a code when the socket closes under a client:
 * "Connection terminated unexpectedly", "Connection terminated due to connection timeout",
 * "Client has encountered a connection error and is not queryable", and the pool's
 * "timeout exceeded when trying to connect".
 */
const RETRYABLE_MESSAGES = [/^Connection terminated/, /connection error and is not queryable/, /timeout exceeded when trying to connect/];

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  original?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** True when the error (or one it wraps: cause, original, AggregateError members) is a transient storage failure. */
export function isRetryableStoreError(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const e = err as ErrorLike;
  if (typeof e.code === 'string' && RETRYABLE_CODES.has(e.code)) return true;
  if (typeof e.message === 'string' && RETRYABLE_MESSAGES.some((re) => re.test(e.message as string))) return true;
  const inner = [e.original, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  return inner.some((i) => isRetryableStoreError(i, depth + 1));
}
