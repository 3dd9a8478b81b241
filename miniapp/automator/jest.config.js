/**
 * Drives the real WeChat runtime through WeChat DevTools (Windows/macOS only) — not part of the CI gate.
 * See docs/miniapp-notes.md: build:weapp, start the server with the dev login on, enable DevTools' service port,
 * then `WECHAT_DEVTOOLS_CLI=... pnpm --filter @gezhi/miniapp test:automator`.
 */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/*.automator.js'],
  transform: {},
  testTimeout: 120000,
};
