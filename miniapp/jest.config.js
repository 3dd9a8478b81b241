/**
 * Component tests: jest 29 + jsdom, rendering the real components with Taro's H5 runtime
 * (TARO_PLATFORM=web). Only the network boundary is replaced, by props or by intercepting Taro.request.
 */
const path = require('path');

/** ES-module packages that must go through Babel. */
const esmPackages = ['@tarojs', '@stencil', '@nutui', '@babel/runtime', 'swiper', 'ssr-window', 'dom7', 'lodash-es', 'classnames', 'query-string', 'decode-uri-component', 'split-on-first', 'filter-obj', 'mobile-detect', 'history', 'nanoid', 'style-inject', '@qiun'];

/**
 * The instant the component tests' clock starts at: Monday 2026-12-07 10:00 Beijing, a working day, never the wall
 * clock. Jest's modern fake timers fake Date and advance with real time (timers still fire as they would), so
 * "tomorrow", "this month" and deadlines in the tests do not depend on the day and hour CI runs.
 * scripts/test-at-instants.sh sets COMPONENT_TESTS_AT (ISO 8601) to run them at its other instants.
 */
const COMPONENT_TESTS_AT = process.env.COMPONENT_TESTS_AT || '2026-12-07T10:00:00+08:00';
const startsAt = Date.parse(COMPONENT_TESTS_AT);
if (Number.isNaN(startsAt)) throw new Error(`COMPONENT_TESTS_AT is not an ISO 8601 instant: ${COMPONENT_TESTS_AT}`);

module.exports = {
  rootDir: __dirname,
  fakeTimers: { enableGlobally: true, advanceTimers: true, now: startsAt, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] },
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/__tests__/**/*.test.ts?(x)'],
  setupFiles: ['<rootDir>/__tests__/setup/env.js'],
  setupFilesAfterEnv: ['<rootDir>/__tests__/setup/taro.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['babel-jest', { configFile: path.join(__dirname, 'babel.config.js') }],
    '^.+\\.mjs$': ['babel-jest', { configFile: path.join(__dirname, 'babel.config.js') }],
  },
  // a path is left alone when it is in node_modules and no allowed package appears anywhere on it
  transformIgnorePatterns: [`^(?!.*/node_modules/(${esmPackages.join('|')})/).*/node_modules/`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'json'],
  moduleNameMapper: {
    // what the H5 build aliases (plugin-platform-h5): the web API library and the React component wrappers
    '^@tarojs/taro$': '@tarojs/plugin-platform-h5/dist/runtime/apis',
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@gezhi/shared$': '<rootDir>/../shared/src/index.ts',
    '\\.(css|scss|sass|less)$': '<rootDir>/__tests__/setup/style-stub.js',
  },
  testTimeout: 20000,
};
