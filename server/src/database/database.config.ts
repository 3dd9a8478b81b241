import type { EnvReader } from '../config/env-reader';

/** Fail fast when the database is down or frozen: 503 DATABASE_UNAVAILABLE instead of a hang. Inject `DatabaseTimeouts`. */
export abstract class DatabaseTimeouts {
  /** TCP connect + handshake of a new connection (mysql2 connectTimeout) */
  abstract readonly connectMs: number;
  /** one statement: client-side (mysql2 query timeout), server-side (MariaDB max_statement_time), SQLite busy timeout */
  abstract readonly statementMs: number;
  /** while the database is unavailable (also at boot), how often it is tried again */
  abstract readonly retryMs: number;
}

/** DATABASE_CONNECT_TIMEOUT_MS, DATABASE_STATEMENT_TIMEOUT_MS, DATABASE_RETRY_MS */
export function parseDatabaseTimeouts(env: EnvReader): DatabaseTimeouts {
  return {
    connectMs: env.readPositiveInt('DATABASE_CONNECT_TIMEOUT_MS', 2000),
    statementMs: env.readPositiveInt('DATABASE_STATEMENT_TIMEOUT_MS', 2000),
    retryMs: env.readPositiveInt('DATABASE_RETRY_MS', 1000),
  };
}
