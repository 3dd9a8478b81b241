import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { migrationFolder, parseDatabaseUrl } from './database-url';

/** Defaults of DATABASE_CONNECT_TIMEOUT_MS / DATABASE_STATEMENT_TIMEOUT_MS (scripts and tests that build options alone). */
const DEFAULT_TIMEOUTS = { connectMs: 2000, statementMs: 2000 };

/**
 * TypeORM options for DATABASE_URL. Migrations run at boot; `synchronize` is never used. Every wait on the database
 * is bounded (`timeouts`): a dead or frozen database makes a request fail within seconds — 503 DATABASE_UNAVAILABLE
 * (database-availability.ts) — instead of hanging.
 */
export function dataSourceOptions(databaseUrl: string, timeouts: { connectMs: number; statementMs: number } = DEFAULT_TIMEOUTS): DataSourceOptions {
  const BUSY_TIMEOUT_MS = timeouts.statementMs;
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
    // client side: mysql2 gives up on a statement after statementMs (a frozen server never answers)
    enableQueryTimeout: true,
    maxQueryExecutionTime: timeouts.statementMs,
    connectTimeout: timeouts.connectMs,
    extra: {
      connectionLimit: 20,
      connectTimeout: timeouts.connectMs,
      // a waiting request is refused at once rather than queued behind a frozen pool
      queueLimit: 200,
      enableKeepAlive: true,
    },
  };
}
