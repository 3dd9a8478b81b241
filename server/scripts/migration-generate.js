#!/usr/bin/env node
/**
 * Generates a TypeORM migration for each schema family from the entities, against a FRESH database of that
 * kind with the existing migrations applied:
 *   - src/database/migrations/sqlite  (embedded default)
 *   - src/database/migrations/mysql   (generated against MariaDB; used for both MariaDB and MySQL)
 *
 * Usage:  node scripts/migration-generate.js <MigrationName>
 * Env:    MIGRATION_MARIADB_URL  server to create the scratch database on (default mariadb://root@127.0.0.1:3306/gezhi)
 *         ONLY=sqlite|mysql      generate only one family
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: node scripts/migration-generate.js <MigrationName in PascalCase>');
  process.exit(2);
}

const serverRoot = path.resolve(__dirname, '..');
const typeormCli = require.resolve('typeorm/cli.js');
const dataSource = path.join(serverRoot, 'dist/database/cli-data-source.js');

function build() {
  fs.rmSync(path.join(serverRoot, 'dist'), { recursive: true, force: true });
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: serverRoot, stdio: 'inherit' });
}

function typeorm(args, databaseUrl) {
  return execFileSync(process.execPath, [typeormCli, ...args, '-d', dataSource], {
    cwd: serverRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, SEED_DEMO: 'false' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function generate(folder, databaseUrl) {
  typeorm(['migration:run'], databaseUrl);
  const target = path.join('src/database/migrations', folder, name);
  try {
    process.stdout.write(typeorm(['migration:generate', target], databaseUrl));
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`;
    if (/No changes in database schema were found/.test(output)) {
      console.log(`[${folder}] no schema changes: nothing generated`);
      return;
    }
    console.error(output);
    throw error;
  }
}

async function withScratchMariadb(run) {
  const { createConnection } = require('mysql2/promise');
  const base = new URL(process.env.MIGRATION_MARIADB_URL ?? 'mariadb://root@127.0.0.1:3306/gezhi');
  const database = `gezhi_migration_${crypto.randomBytes(4).toString('hex')}`;
  const admin = () =>
    createConnection({
      host: base.hostname,
      port: Number(base.port || 3306),
      user: decodeURIComponent(base.username),
      password: decodeURIComponent(base.password),
    });
  const connection = await admin();
  await connection.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await connection.end();
  const url = new URL(base);
  url.pathname = `/${database}`;
  try {
    run(url.toString());
  } finally {
    const cleanup = await admin();
    await cleanup.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await cleanup.end();
  }
}

async function main() {
  build();
  const only = process.env.ONLY;
  if (!only || only === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-migration-'));
    try {
      generate('sqlite', `sqlite:${path.join(dir, 'scratch.sqlite')}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (!only || only === 'mysql') await withScratchMariadb((url) => generate('mysql', url));
  build();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
