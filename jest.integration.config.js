/** Integration suites: real Redis, PostgreSQL and headless Chromium. Run by `npm run test:integration`. */
const base = require('./jest.service.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test/integration'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 60000,
  maxWorkers: 1,
};
