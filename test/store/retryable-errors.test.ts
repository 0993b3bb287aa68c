import { isRetryableStoreError } from '../../src/db/retryable';
import { isRetryableStoreError as slackClassifier } from '../../src/slack/receiver-errors';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

/** What the Slack layer answers 503 (Slack redelivers) and what the metrics buffer keeps for later. */
describe('retryable storage errors', () => {
  test.each([
    ['PostgreSQL refusing connections (server down)', coded('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'), true],
    ['socket reset', coded('ECONNRESET', 'read ECONNRESET'), true],
    ['57P01 admin_shutdown (fast stop / restart)', coded('57P01', 'terminating connection due to administrator command'), true],
    ['57P02 crash_shutdown', coded('57P02'), true],
    ['57P03 cannot_connect_now (starting up / shutting down)', coded('57P03', 'the database system is starting up'), true],
    ['08006 connection failure', coded('08006'), true],
    ['53300 too many connections', coded('53300'), true],
    ['40001 serialization failure', coded('40001'), true],
    ['SQLite busy', coded('SQLITE_BUSY'), true],
    ['pg: Connection terminated unexpectedly (no code)', new Error('Connection terminated unexpectedly'), true],
    ['pg: Connection terminated due to connection timeout', new Error('Connection terminated due to connection timeout'), true],
    ['pg: client not queryable after a connection error', new Error('Client has encountered a connection error and is not queryable'), true],
    ['pg-pool connect timeout', new Error('timeout exceeded when trying to connect'), true],
    ['wrapped by Bolt (original)', Object.assign(new Error('listener failed'), { original: coded('57P01') }), true],
    ['wrapped as a cause', new Error('store failed', { cause: new Error('Connection terminated unexpectedly') }), true],
    ['AggregateError from a dual-stack connect', Object.assign(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')], 'connect failed')), true],
    ['unique violation', coded('23505', 'duplicate key value violates unique constraint'), false],
    ['syntax error', coded('42601'), false],
    ['SQLite constraint', coded('SQLITE_CONSTRAINT'), false],
    ['a pool that was closed on purpose', new Error('Cannot use a pool after calling end on the pool'), false],
    ['a plain error', new Error('disk full'), false],
    ['not an error', 'ECONNREFUSED', false],
    ['nothing', undefined, false],
  ])('%s → retryable %s', (_name, err, retryable) => {
    expect(isRetryableStoreError(err)).toBe(retryable);
  });

  test('the Slack layer uses the same policy', () => {
    expect(slackClassifier).toBe(isRetryableStoreError);
  });

  test('a cyclic cause chain ends', () => {
    const a: Error & { cause?: unknown } = new Error('a');
    a.cause = a;
    expect(isRetryableStoreError(a)).toBe(false);
  });
});
