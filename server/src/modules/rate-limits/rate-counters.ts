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
  /** hits in the window after this one (this one included) */
  hits: number;
  /** seconds until the window ends */
  retryAfterSeconds: number;
}

const MAX_WRITE_ATTEMPTS = 3;

/**
 * Fixed-window counters in the database, shared by every instance (login attempts per address, filings and uploads
 * per user). A hit is one conditional write that every engine does atomically — `UPDATE rate_counter SET hits =
 * hits + 1 WHERE bucket = ?`, or the INSERT of the window's first hit (a concurrent first hit loses the INSERT on the
 * primary key and updates instead) — so concurrent hits on several instances are all counted, with no lock, no
 * GET_LOCK and no SELECT … FOR UPDATE (SQLite, MariaDB, MySQL, TiDB, Galera). The hit is counted BEFORE the work it
 * guards, so a burst of parallel requests cannot all slip in before the first one is counted.
 */
@Injectable()
export class RateCounters {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Counts one hit on `key` in the current window; allowed while the window's hits stay within the limit. */
  async consume(key: string, rule: RateLimit, now: Date): Promise<Consumption> {
    const bucket = bucketOf(key, now, rule.windowMs);
    const window = windowAt(now, rule.windowMs);
    const hits = await this.increment(bucket, window.endsAt, now);
    return { allowed: hits <= rule.limit, hits, retryAfterSeconds: secondsUntil(window.endsAt, now) };
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

  private async increment(bucket: string, expiresAt: Date, now: Date): Promise<number> {
    const repository = this.dataSource.getRepository(RateCounter);
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
      const updated = await this.dataSource
        .createQueryBuilder()
        .update(RateCounter)
        .set({ hits: () => 'hits + 1' })
        .where('bucket = :bucket', { bucket })
        .execute();
      if (updated.affected === 1) {
        const row = await repository.findOneBy({ bucket });
        if (row) return row.hits;
        continue; // purged between the two statements: count afresh
      }
      try {
        await repository.insert({ bucket, hits: 1, expiresAt });
        // a new window's first hit: the moment to drop the windows that ended (bounded table, no extra job)
        await this.purgeExpired(now);
        return 1;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    throw new DomainError(ErrorCode.ConcurrentModification);
  }
}

export function rateLimited(message: string, retryAfterSeconds: number): DomainError {
  return DomainError.withDetail(ErrorCode.RateLimited, { message: `${message}，${retryPhrase(retryAfterSeconds)}`, retryAfterSeconds });
}
