import type { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { isLockConflict } from './lock-conflicts';

/** Attempts of a transaction that lost to another one (deadlock victim, Galera certification failure, busy SQLite). */
export const CONFLICT_ATTEMPTS = 8;

/**
 * Runs `work` in a transaction and runs the WHOLE transaction again when it lost a conflict: a deadlock victim on
 * MySQL/MariaDB, a Galera certification failure (a conflicting write committed first on another node — reported at
 * COMMIT as a deadlock, errno 1213), a busy SQLite. Nothing of a lost attempt was committed, so a re-run is safe as
 * long as `work` decides from what it reads inside the transaction or writes conditionally (`UPDATE … WHERE version
 * = ?`), which every writer here does; values it assigns (ids) are assigned again. After the last attempt the
 * conflict is thrown to the caller (which answers 409 CONCURRENT_MODIFICATION).
 */
export async function writeTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  options: { isolation?: IsolationLevel; attempts?: number } = {},
): Promise<T> {
  const attempts = options.attempts ?? CONFLICT_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    try {
      return options.isolation ? await dataSource.transaction(options.isolation, work) : await dataSource.transaction(work);
    } catch (error) {
      if (!isLockConflict(error) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.floor(Math.random() * 25)));
    }
  }
}
