import type { ThrowawayPostgres } from './postgres';

/** jest globalTeardown: stops the throwaway PostgreSQL globalSetup started, if any. */
export default async function teardown(): Promise<void> {
  const holder = globalThis as { __deskmatePostgres?: ThrowawayPostgres };
  holder.__deskmatePostgres?.stop();
  holder.__deskmatePostgres = undefined;
}
