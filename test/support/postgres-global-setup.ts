import { startThrowawayPostgres, type ThrowawayPostgres } from './postgres';

/**
 * jest globalSetup: gives every test worker a TEST_DATABASE_URL. Uses the one given, else starts a
 * throwaway PostgreSQL. Without server binaries it says so loudly; under CI=true that is a failure,
 * because a green CI run must have exercised the PostgreSQL store.
 */
export default async function setup(): Promise<void> {
  const server = await preparePostgres(process.env, startThrowawayPostgres, (line) => process.stderr.write(line));
  if (!server) return;
  process.env.TEST_DATABASE_URL = server.url;
  (globalThis as { __deskmatePostgres?: ThrowawayPostgres }).__deskmatePostgres = server;
}

/** The decision, apart from jest: a server to use (and stop later), nothing (given or skipped), or a thrown failure. */
export async function preparePostgres(env: NodeJS.ProcessEnv, start: () => Promise<ThrowawayPostgres | undefined>, write: (s: string) => void): Promise<ThrowawayPostgres | undefined> {
  if (env.TEST_DATABASE_URL) return undefined;
  let server: ThrowawayPostgres | undefined;
  let why = 'no initdb/pg_ctl/postgres found and no TEST_DATABASE_URL given';
  try {
    server = await start();
  } catch (err) {
    why = (err as Error).message.split('\n')[0];
  }
  if (server) return server;
  const message = `PostgreSQL tests SKIPPED: ${why}`;
  if (env.CI === 'true') throw new Error(`${message} (a skip fails under CI=true)`);
  const line = '!'.repeat(Math.min(100, message.length + 8));
  write(`\n${line}\n!!! ${message} !!!\n${line}\n\n`);
  return undefined;
}
