import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@gezhi/shared';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { Clock } from '../../../common/clock';
import { DomainError } from '../../../common/errors/domain-error';
import { PasswordConfig } from './password.config';
import { isUniqueViolation } from '../../../database/unique-violations';
import type { RateLimit } from '../../rate-limits/domain/fixed-window';
import { secondsUntil } from '../../rate-limits/domain/fixed-window';
import { RateCounters, rateLimited } from '../../rate-limits/rate-counters';
import type { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import { accountKey, activeDelay, afterFailure, BackoffPolicy, backoffPolicy, BackoffState } from './login-throttle';
import { decoyHash, needsRehash, ScryptParameters } from './password-hash';
import { PasswordHasher } from './password-hasher';
import { mayHavePassword, throttleKey } from './password-roles';
import { LoginBackoff, PasswordCredential } from './password.entities';

const MAX_BACKOFF_WRITE_ATTEMPTS = 5;
const TOO_MANY_FROM_ADDRESS = '登录尝试过于频繁';
const TOO_MANY_FOR_ACCOUNT = '该账号密码错误次数过多';

/** Where a login comes from: the caller's address (fastify's request.ip, X-Forwarded-For only when TRUST_PROXY says). */
export type Origin = string;

/**
 * Password login for staff and liaisons. Before any hashing, two limits (login-throttle.ts), both stored in the
 * database so every instance shares them: attempts per caller address (RATE_LIMITED when over; a success gives its
 * attempt back), and a growing delay per account + address after failures. Unknown accounts, residents and wrong
 * passwords take the same path — one scrypt verification (against a decoy hash when there is no credential) and one
 * backoff write — and give the same answer.
 */
@Injectable()
export class PasswordService {
  private readonly params: ScryptParameters;
  private readonly decoy: string;
  private readonly perAddress: RateLimit;
  private readonly backoff: BackoffPolicy;

  constructor(
    config: PasswordConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly counters: RateCounters,
  ) {
    this.params = { ln: config.scryptCost, r: 8, p: 1 };
    this.decoy = decoyHash(this.params);
    this.perAddress = config.loginPerAddress;
    this.backoff = backoffPolicy(config.loginBackoffMaxSeconds);
  }

  /** The user behind account + password, or 401 INVALID_CREDENTIALS / 429 RATE_LIMITED. */
  async login(account: string, password: string, origin: Origin): Promise<User> {
    const now = this.clock.now();
    const addressKey = `login-address:${origin}`;
    const attempt = await this.counters.consume(addressKey, this.perAddress, now);
    if (!attempt.allowed) throw rateLimited(TOO_MANY_FROM_ADDRESS, attempt.retryAfterSeconds);

    const user = await this.users.findByAccount(account.trim());
    const key = accountKey(throttleKey(account), user !== null);
    const seen = await this.backoffOf(key, origin);
    this.refuseIfDelayed(seen, now);

    const credential = user && mayHavePassword(user) ? await this.credentialOf(user.id) : null;
    const matches = await this.hasher.verify(password, credential?.hash ?? this.decoy);
    if (!matches || !user || !credential) {
      await this.recordFailure(key, origin, seen, now);
      throw new DomainError(ErrorCode.InvalidCredentials);
    }
    await this.clearBackoff(key, origin, seen);
    await this.counters.refund(addressKey, this.perAddress, now);
    if (needsRehash(credential.hash, this.params)) await this.store(user.id, password, now);
    return user;
  }

  /** PUT /api/me/password: staff and liaisons with an account name; the current password once one is set. */
  async changePassword(user: User, currentPassword: string | undefined, newPassword: string, origin: Origin): Promise<void> {
    if (!mayHavePassword(user)) throw new DomainError(ErrorCode.PasswordNotAllowed);
    const now = this.clock.now();
    const existing = await this.credentialOf(user.id);
    if (existing) {
      // guessing the current password with a stolen token is delayed like guessing it at the login
      const key = accountKey(throttleKey(user.account as string), true);
      const seen = await this.backoffOf(key, origin);
      this.refuseIfDelayed(seen, now);
      if (currentPassword === undefined || !(await this.hasher.verify(currentPassword, existing.hash))) {
        await this.recordFailure(key, origin, seen, now);
        throw new DomainError(ErrorCode.CurrentPasswordIncorrect);
      }
      await this.clearBackoff(key, origin, seen);
    }
    await this.store(user.id, newPassword, now);
    // every token of the account stops working, the caller's too: sign in again with the new password
    await this.users.revokeTokens(user.id);
  }

  /** Deletes backoff rows after their quiet day; returns how many. */
  async purgeExpiredBackoff(now: Date): Promise<number> {
    const result = await this.dataSource.getRepository(LoginBackoff).delete({ expiresAt: LessThanOrEqual(now) });
    return result.affected ?? 0;
  }

  private credentialOf(userId: number): Promise<PasswordCredential | null> {
    return this.dataSource.getRepository(PasswordCredential).findOneBy({ userId });
  }

  private backoffOf(key: string, origin: Origin): Promise<LoginBackoff | null> {
    return this.dataSource.getRepository(LoginBackoff).findOneBy({ accountKey: key, origin: originColumn(origin) });
  }

  private async clearBackoff(key: string, origin: Origin, seen: LoginBackoff | null): Promise<void> {
    if (seen) await this.dataSource.getRepository(LoginBackoff).delete({ accountKey: key, origin: originColumn(origin) });
  }

  private async store(userId: number, password: string, now: Date): Promise<void> {
    const hash = await this.hasher.hash(password, this.params);
    await this.dataSource.getRepository(PasswordCredential).upsert({ userId, hash, updatedAt: now }, ['userId']);
  }

  private refuseIfDelayed(state: BackoffState | null, now: Date): void {
    const until = activeDelay(state, now);
    if (until) throw rateLimited(TOO_MANY_FOR_ACCOUNT, secondsUntil(until, now));
  }

  /** One more failure for this account + address; a conditional write (version check) so concurrent failures all count. */
  private async recordFailure(key: string, origin: Origin, seen: LoginBackoff | null, now: Date): Promise<void> {
    const repository = this.dataSource.getRepository(LoginBackoff);
    const where = { accountKey: key, origin: originColumn(origin) };
    let current = seen;
    for (let attempt = 0; attempt < MAX_BACKOFF_WRITE_ATTEMPTS; attempt++) {
      const next = afterFailure(current, now, this.backoff);
      if (!current) {
        try {
          await repository.insert({ ...where, ...next, version: 1 });
          // a new pair: the moment to drop pairs that have been quiet for a day (keeps the table bounded)
          await this.purgeExpiredBackoff(now);
          return;
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          current = await repository.findOneBy(where);
          continue;
        }
      }
      const result = await repository
        .createQueryBuilder()
        .update(LoginBackoff)
        .set({ ...next, version: current.version + 1 })
        .where('accountKey = :accountKey AND origin = :origin AND version = :version', { ...where, version: current.version })
        .execute();
      if (result.affected === 1) return;
      current = await repository.findOneBy(where);
    }
    // extremely contended (one pair hammered through many instances): the delays already written hold
  }
}

/** An address fits the column (IPv6 is at most 45 characters; anything longer is not an address we were given). */
function originColumn(origin: Origin): string {
  return origin.slice(0, 64);
}
