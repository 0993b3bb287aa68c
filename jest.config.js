/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // Sources are written with NodeNext `.js` suffixes; map them back to the .ts files.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 60000,
  // Most files wait on loopback servers, child processes and SQLite, not CPU: two workers on a 2-core
  // machine cut the suite from ≈ 300 s to ≈ 180 s (measured with another CI run beside it).
  maxWorkers: '100%',
  // A throwaway PostgreSQL for the store tests (or TEST_DATABASE_URL); see test/support/postgres.ts.
  globalSetup: '<rootDir>/test/support/postgres-global-setup.ts',
  globalTeardown: '<rootDir>/test/support/postgres-global-teardown.ts',
};
