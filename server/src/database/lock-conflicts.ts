/**
 * Whether a database error means "another transaction got there first": a deadlock victim or a lock wait
 * timeout on MySQL/MariaDB/TiDB, or a busy database on SQLite. Callers turn it into 409 CONCURRENT_MODIFICATION
 * (an API call) or a retry (the deadline sweeper) — never a 500 and never a lost update.
 */
export function isLockConflict(error: unknown): boolean {
  const candidates = [error, (error as { driverError?: unknown } | null)?.driverError];
  return candidates.some((e) => {
    const { errno, code } = (e ?? {}) as { errno?: number; code?: string };
    return errno === 1213 || errno === 1205 || code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT' || (typeof code === 'string' && code.startsWith('SQLITE_BUSY'));
  });
}
