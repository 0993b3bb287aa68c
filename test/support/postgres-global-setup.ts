import { startThrowawayPostgres, type ThrowawayPostgres } from './postgres';

/**
 * jest globalSetup: gives every test worker a TEST_DATABASE_URL. Uses the one given, else starts a
 * throwaway PostgreSQL. Without server binaries it says so loudly; under CI=true that is a failure,
 * because a green CI run must have exercised the PostgreSQL store.
 */
export default async function setup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  let server: ThrowawayPostgres | undefined;
  try {
    server = await startThrowawayPostgres();
  } catch (err) {
    if (process.env.CI === 'true') throw err;
    banner(`PostgreSQL tests SKIPPED: ${(err as Error).message.split('\n')[0]}`);
    return;
  }
  if (!server) {
    const message = 'PostgreSQL tests SKIPPED: no initdb/pg_ctl/postgres found and no TEST_DATABASE_URL given';
    if (process.env.CI === 'true') throw new Error(`${message} (a skip fails under CI=true)`);
    banner(message);
    return;
  }
  process.env.TEST_DATABASE_URL = server.url;
  (globalThis as { __deskmatePostgres?: ThrowawayPostgres }).__deskmatePostgres = server;
}

function banner(message: string): void {
  const line = '!'.repeat(Math.min(100, message.length + 8));
  process.stderr.write(`\n${line}\n!!! ${message} !!!\n${line}\n\n`);
}
