import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { parseDatabaseUrl } from '../../src/database/database-url';

/** A fresh, empty database for one test app: SQLite in a temp dir by default, MariaDB/MySQL when TEST_DATABASE_URL is set. */
export interface TestDatabase {
  url: string;
  /** a scratch folder (uploads go here) */
  dir: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-e2e-'));
  const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    return { url: `sqlite:${path.join(dir, 'gezhi.sqlite')}`, dir, drop: async () => removeDir() };
  }
  const target = parseDatabaseUrl(serverUrl);
  if (target.kind === 'sqlite') throw new Error('TEST_DATABASE_URL must be a mariadb:// or mysql:// URL');
  const name = `${target.database}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = () =>
    createConnection({ host: target.host, port: target.port, user: target.username, password: target.password });
  const connection = await admin();
  await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await connection.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dir,
    drop: async () => {
      const cleanup = await admin();
      await cleanup.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await cleanup.end();
      removeDir();
    },
  };
}
