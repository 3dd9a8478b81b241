/**
 * Whether a database error means "the database is not answering" — refused, reset or timed-out connections,
 * a statement that hit its timeout, a closed pool, a Galera node that is not (yet) part of the primary
 * component — as opposed to a mistake in the statement. Those become 503 DATABASE_UNAVAILABLE, never a 500.
 */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'POOL_CLOSED',
  'ER_STATEMENT_TIMEOUT',
  'ER_QUERY_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'SQLITE_CANTOPEN',
]);
/** 1969 MariaDB max_statement_time, 3024 MySQL max_execution_time, 1040 too many connections, 1053 shutdown,
 * 1047 WSREP has not yet prepared node for application use, 2002/2003/2006/2013 client connection errors */
const CONNECTION_ERRNOS = new Set([1969, 3024, 1040, 1053, 1047, 2002, 2003, 2006, 2013]);
const CONNECTION_MESSAGES = [/Pool is closed/i, /connection is in closed state/i, /Queue limit reached/i, /not initialized/i, /Connection lost/i];

export function isDatabaseUnavailable(error: unknown): boolean {
  const candidates = [error, (error as { driverError?: unknown } | null)?.driverError, (error as { cause?: unknown } | null)?.cause];
  return candidates.some((e) => {
    if (e === null || typeof e !== 'object') return false;
    const { errno, code, message, name, fatal } = e as { errno?: number; code?: string; message?: string; name?: string; fatal?: boolean };
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
    if (typeof errno === 'number' && CONNECTION_ERRNOS.has(errno)) return true;
    if (name === 'CannotExecuteNotConnectedError' || name === 'ConnectionIsNotSetError') return true;
    // mysql2 marks connection-level failures fatal (the statement itself was fine)
    if (fatal === true && typeof code === 'string' && !code.startsWith('ER_')) return true;
    return typeof message === 'string' && CONNECTION_MESSAGES.some((pattern) => pattern.test(message));
  });
}

/** A short reason for the log: the driver's code and message, no stack. */
export function databaseErrorReason(error: unknown): string {
  const e = ((error as { driverError?: unknown })?.driverError ?? error) as { code?: string; message?: string };
  return [e?.code, e?.message].filter(Boolean).join(': ').slice(0, 200) || String(error);
}
