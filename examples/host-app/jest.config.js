/** The host app's e2e test; jest and ts-jest come from the repository root (CI runs it there). */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  // jose ships ESM only: ts-jest compiles it to CommonJS for jest, as in the repository root.
  transform: {
    '^.+\\.(t|j)s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
  },
  // The package's own dynamic import() of its engine is compiled to require() for jest too.
  transformIgnorePatterns: ['/node_modules/(?!(jose|nestjs-oauth-server)/)'],
  testTimeout: 30000,
};
