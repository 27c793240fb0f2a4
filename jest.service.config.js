/**
 * Jest project of the service: unit specs beside the code in src/, e2e and conformance suites in
 * test/. Suites that need Redis, PostgreSQL, LDAP or Chromium live in test/integration and run
 * only under `npm run test:integration` (jest.integration.config.js, built on this one).
 *
 * jose 6, oauth4webapi 3 and openid-client 6 ship ESM only; jest's CommonJS runtime cannot
 * load them, so they are transpiled by ts-jest like our own sources.
 */
const esmOnly = ['jose', 'oauth4webapi', 'openid-client'];

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'service',
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/test/integration/'],
  transform: {
    '^.+\\.(t|j)s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', diagnostics: false }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Explicit `.js` specifiers (needed by node16 resolution for dynamic import) map to the .ts sources.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // Tests write only to temporary directories (ENGINE_DATA_DIR), never to the repository's .data/.
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 20000,
};
