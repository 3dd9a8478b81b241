/**
 * Two tiers: `unit` (pure code beside the sources, microseconds each) and `e2e` (the real Nest app on a
 * real database: a fresh SQLite file per test file, or a fresh MariaDB database when TEST_DATABASE_URL is set).
 * Nest 12 (and a few of its dependencies) ship ESM-only packages, so those are transformed too (SWC, decorators with metadata).
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

const ESM_ONLY = ['@nestjs', 'content-disposition', 'file-type', 'uid', 'load-esm', 'strtok3', 'token-types', '@tokenizer', 'uint8array-extras'];

const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': swc },
  // ESM-only packages are transformed too; the last node_modules segment of a path decides
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)(?!.*/node_modules/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      // the Galera cluster test needs the three nodes of scripts/galera.sh: run by `npm run test:galera` only
      testPathIgnorePatterns: process.env.GALERA_TEST === '1' ? ['/node_modules/'] : ['/node_modules/', '<rootDir>/test/galera/'],
    },
  ],
  testTimeout: 60000,
};
