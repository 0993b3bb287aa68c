import { preparePostgres } from '../support/postgres-global-setup';

/** The test command's PostgreSQL decision: given URL, throwaway server, loud skip, or CI failure. */
const server = { url: 'postgres://x@127.0.0.1:1/postgres', dir: '/tmp/x', stop: () => undefined };

test('a given TEST_DATABASE_URL is used as is: nothing is started', async () => {
  let started = false;
  expect(await preparePostgres({ TEST_DATABASE_URL: 'postgres://db' }, async () => ((started = true), server), () => undefined)).toBeUndefined();
  expect(started).toBe(false);
});

test('otherwise a throwaway server is started', async () => {
  expect(await preparePostgres({}, async () => server, () => undefined)).toBe(server);
});

test('without server binaries the skip is announced loudly', async () => {
  let out = '';
  expect(await preparePostgres({}, async () => undefined, (s) => (out += s))).toBeUndefined();
  expect(out).toMatch(/!!! PostgreSQL tests SKIPPED: no initdb/);
});

test('under CI=true a missing or failing server is a failure, not a skip', async () => {
  await expect(preparePostgres({ CI: 'true' }, async () => undefined, () => undefined)).rejects.toThrow(/SKIPPED.*fails under CI=true/);
  await expect(preparePostgres({ CI: 'true' }, async () => Promise.reject(new Error('initdb: permission denied')), () => undefined)).rejects.toThrow(/permission denied/);
});
