/**
 * Browser journeys on the H5 build: real Chromium (Debian's, via playwright-core) against the real built
 * server on loopback with a fresh embedded database. Run after `build:h5` and the server build.
 */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.journey.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2021' }, module: { type: 'commonjs' } }] },
  testTimeout: 120000,
  maxWorkers: 1,
};
