/**
 * `npm test`: every offline suite, as two Jest projects — the service (jest.service.config.js:
 * src/ and test/, without test/integration) and the engine package (engine/jest.config.js, also
 * run alone by `npm test -w engine`).
 */

/** @type {import('jest').Config} */
module.exports = {
  projects: ['<rootDir>/jest.service.config.js', '<rootDir>/engine/jest.config.js'],
  // testTimeout is a global option: a project's own value is ignored under `projects`.
  testTimeout: 20000,
  maxWorkers: 2,
};
