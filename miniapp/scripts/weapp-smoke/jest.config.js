/** The compiled-weapp smoke (run by scripts/check-weapp.js, not by `pnpm test`). */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/*.smoke.js'],
  transform: {},
  testTimeout: 30000,
};
