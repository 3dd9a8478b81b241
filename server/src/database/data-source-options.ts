import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { migrationFolder, parseDatabaseUrl } from './database-url';

const BUSY_TIMEOUT_MS = 5000;

/** TypeORM options for DATABASE_URL. Migrations run at boot; `synchronize` is never used. */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  const target = parseDatabaseUrl(databaseUrl);
  const migrations = [path.join(__dirname, 'migrations', migrationFolder(target), '*.{ts,js}').replace(/\\/g, '/')];
  const common = {
    entities: ENTITIES,
    migrations,
    migrationsRun: true,
    synchronize: false,
    logging: ['error', 'warn'] as ('error' | 'warn')[],
  };
  if (target.kind === 'sqlite') {
    if (target.file !== ':memory:') fs.mkdirSync(path.dirname(target.file), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: target.file,
      timeout: BUSY_TIMEOUT_MS,
      enableWAL: true,
      prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
        db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
        db.pragma('synchronous = NORMAL');
      },
    };
  }
  return {
    ...common,
    type: target.kind,
    host: target.host,
    port: target.port,
    username: target.username,
    password: target.password,
    database: target.database,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    extra: { connectionLimit: 20 },
  };
}
