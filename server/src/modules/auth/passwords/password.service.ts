import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@gezhi/shared';
import { DataSource } from 'typeorm';
import { Clock } from '../../../common/clock';
import { DomainError } from '../../../common/errors/domain-error';
import type { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import type { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import { activeLock, afterFailure, lockedMessage, secondsUntil, ThrottleState } from './login-throttle';
import { decoyHash, hashPassword, needsRehash, ScryptParameters, verifyPassword } from './password-hash';
import { mayHavePassword, throttleKey } from './password-roles';
import { LoginThrottle, PasswordCredential } from './password.entities';

const MAX_THROTTLE_WRITE_ATTEMPTS = 5;

/**
 * Password login for staff and liaisons, with a lockout stored in the database (so it holds across instances).
 * Unknown accounts, residents and wrong passwords take the same path — one scrypt verification (against a
 * decoy hash when there is no credential) and one throttle write — and give the same answer.
 */
@Injectable()
export class PasswordService {
  private readonly params: ScryptParameters;
  private readonly decoy: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly users: UsersService,
  ) {
    this.params = { ln: config.passwords.scryptCost, r: 8, p: 1 };
    this.decoy = decoyHash(this.params);
  }

  /** The user behind account + password, or 401 INVALID_CREDENTIALS / 429 ACCOUNT_LOCKED. */
  async login(account: string, password: string): Promise<User> {
    const now = this.clock.now();
    const key = throttleKey(account);
    const throttle = await this.dataSource.getRepository(LoginThrottle).findOneBy({ account: key });
    this.refuseIfLocked(throttle, now);

    const user = await this.users.findByAccount(account.trim());
    const credential = user && mayHavePassword(user) ? await this.credentialOf(user.id) : null;
    const matches = await verifyPassword(password, credential?.hash ?? this.decoy);
    if (!matches || !user || !credential) {
      const state = await this.recordFailure(key, throttle, now);
      this.refuseIfLocked(state, now);
      throw new DomainError(ErrorCode.InvalidCredentials);
    }
    if (throttle) await this.dataSource.getRepository(LoginThrottle).delete({ account: key });
    if (needsRehash(credential.hash, this.params)) await this.store(user.id, password, now);
    return user;
  }

  /** PUT /api/me/password: staff and liaisons with an account name; the current password once one is set. */
  async changePassword(user: User, currentPassword: string | undefined, newPassword: string): Promise<void> {
    if (!mayHavePassword(user)) throw new DomainError(ErrorCode.PasswordNotAllowed);
    const now = this.clock.now();
    const existing = await this.credentialOf(user.id);
    if (existing) {
      const key = throttleKey(user.account as string);
      const throttle = await this.dataSource.getRepository(LoginThrottle).findOneBy({ account: key });
      this.refuseIfLocked(throttle, now);
      if (currentPassword === undefined || !(await verifyPassword(currentPassword, existing.hash))) {
        // guessing the current password with a stolen token counts towards the same lockout as the login
        this.refuseIfLocked(await this.recordFailure(key, throttle, now), now);
        throw new DomainError(ErrorCode.CurrentPasswordIncorrect);
      }
      if (throttle) await this.dataSource.getRepository(LoginThrottle).delete({ account: key });
    }
    await this.store(user.id, newPassword, now);
    // every token of the account stops working, the caller's too: sign in again with the new password
    await this.users.revokeTokens(user.id);
  }

  private credentialOf(userId: number): Promise<PasswordCredential | null> {
    return this.dataSource.getRepository(PasswordCredential).findOneBy({ userId });
  }

  private async store(userId: number, password: string, now: Date): Promise<void> {
    const hash = await hashPassword(password, this.params);
    await this.dataSource.getRepository(PasswordCredential).upsert({ userId, hash, updatedAt: now }, ['userId']);
  }

  private refuseIfLocked(state: ThrottleState | null, now: Date): void {
    const until = activeLock(state, now);
    if (until) {
      throw DomainError.withDetail(ErrorCode.AccountLocked, {
        message: lockedMessage(until, now),
        retryAfterSeconds: secondsUntil(until, now),
      });
    }
  }

  /** One more failure for this account name; a conditional write (version check) so concurrent failures all count. */
  private async recordFailure(key: string, seen: LoginThrottle | null, now: Date): Promise<ThrottleState> {
    const repository = this.dataSource.getRepository(LoginThrottle);
    let current = seen;
    for (let attempt = 0; attempt < MAX_THROTTLE_WRITE_ATTEMPTS; attempt++) {
      const next = afterFailure(current, now);
      if (!current) {
        try {
          await repository.insert({ account: key, ...next, version: 1 });
          return next;
        } catch (error) {
          current = await repository.findOneBy({ account: key });
          if (!current) throw error;
          continue;
        }
      }
      const result = await repository
        .createQueryBuilder()
        .update(LoginThrottle)
        .set({ ...next, version: current.version + 1 })
        .where('account = :account AND version = :version', { account: key, version: current.version })
        .execute();
      if (result.affected === 1) return next;
      current = await repository.findOneBy({ account: key });
    }
    // extremely contended (someone hammering one account from many instances): the lock is what matters
    return afterFailure(current, now);
  }
}
