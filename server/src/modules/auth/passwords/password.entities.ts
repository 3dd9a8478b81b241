import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A staff member's or liaison's password (scrypt, see password-hash.ts). Kept out of `user` so no user load carries it. */
@Entity('password_credential')
export class PasswordCredential {
  @PrimaryColumn({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 200 })
  hash: string;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}

/** Failed password logins per account NAME (existing or not), for the lockout (login-throttle.ts). */
@Entity('login_throttle')
export class LoginThrottle {
  /** the account name as typed, lower-cased */
  @PrimaryColumn({ type: 'varchar', length: 50 })
  account: string;

  @Column({ type: 'int' })
  failures: number;

  @Column({ type: 'datetime' })
  windowStartedAt: Date;

  @Column({ type: 'datetime', nullable: true })
  lockedUntil: Date | null;

  /** optimistic concurrency: every change is `UPDATE … WHERE version = ?` */
  @Column({ type: 'int' })
  version: number;
}
