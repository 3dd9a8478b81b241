import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@gezhi/shared';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { isUniqueViolation } from '../../database/unique-violations';
import { bucketOf, RateLimit, retryPhrase, secondsUntil, windowAt } from './domain/fixed-window';
import { RateCounter } from './rate-counter.entity';

export interface Consumption {
  allowed: boolean;
  /** seconds until the window ends */
  retryAfterSeconds: number;
}

const MAX_WRITE_ATTEMPTS = 4;

/**
 * Fixed-window counters in the database, shared by every instance (login attempts per address, filings and uploads
 * per user). A hit is one conditional write that every engine does atomically — `UPDATE rate_counter SET hits =
 * hits + 1 WHERE bucket = ? AND hits < limit`, or the INSERT of the window's first hit (a concurrent first hit loses
 * the INSERT on the primary key and updates instead) — so of any number of concurrent hits on any number of instances
 * exactly `limit` are allowed, with no lock, no GET_LOCK and no SELECT … FOR UPDATE (SQLite, MariaDB, MySQL, TiDB,
 * Galera). The hit is taken BEFORE the work it guards, so a burst of parallel requests cannot all slip in first.
 */
@Injectable()
export class RateCounters {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Takes one hit on `key` in the current window if the window still has room. */
  async consume(key: string, rule: RateLimit, now: Date): Promise<Consumption> {
    const bucket = bucketOf(key, now, rule.windowMs);
    const window = windowAt(now, rule.windowMs);
    const allowed = await this.take(bucket, rule.limit, window.endsAt, now);
    return { allowed, retryAfterSeconds: secondsUntil(window.endsAt, now) };
  }

  /** `consume`, throwing 429 RATE_LIMITED with `message` + when to retry when over the limit. */
  async consumeOrRefuse(key: string, rule: RateLimit, now: Date, message: string): Promise<void> {
    const result = await this.consume(key, rule, now);
    if (!result.allowed) throw rateLimited(message, result.retryAfterSeconds);
  }

  /** Gives one hit back (e.g. a login that succeeded does not count towards the address's failed attempts). */
  async refund(key: string, rule: RateLimit, now: Date): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(RateCounter)
      .set({ hits: () => 'hits - 1' })
      .where('bucket = :bucket AND hits > 0', { bucket: bucketOf(key, now, rule.windowMs) })
      .execute();
  }

  /** Deletes the rows of windows that have ended; returns how many. */
  async purgeExpired(now: Date): Promise<number> {
    const result = await this.dataSource.getRepository(RateCounter).delete({ expiresAt: LessThanOrEqual(now) });
    return result.affected ?? 0;
  }

  private async take(bucket: string, limit: number, expiresAt: Date, now: Date): Promise<boolean> {
    const repository = this.dataSource.getRepository(RateCounter);
    let exists = false;
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
      const updated = await this.dataSource
        .createQueryBuilder()
        .update(RateCounter)
        .set({ hits: () => 'hits + 1' })
        .where('bucket = :bucket AND hits < :limit', { bucket, limit })
        .execute();
      if (updated.affected === 1) return true;
      if (exists) return false; // the row is there and full
      try {
        await repository.insert({ bucket, hits: 1, expiresAt });
        // a new window's first hit: the moment to drop the windows that ended (bounded table, no extra job)
        await this.purgeExpired(now);
        return true;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        exists = true; // another hit created it first: try the conditional UPDATE once more
      }
    }
    throw new DomainError(ErrorCode.ConcurrentModification);
  }
}

export function rateLimited(message: string, retryAfterSeconds: number): DomainError {
  return DomainError.withDetail(ErrorCode.RateLimited, { message: `${message}，${retryPhrase(retryAfterSeconds)}`, retryAfterSeconds });
}
