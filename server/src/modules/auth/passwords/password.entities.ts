import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

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

/**
 * Failed password logins per account + caller address (login-throttle.ts): the delay before that address may try
 * that account again. `accountKey` is a hash of the name (unknown names share a few buckets), never the name itself.
 */
@Entity('login_backoff')
export class LoginBackoff {
  @PrimaryColumn({ type: 'varchar', length: 48 })
  accountKey: string;

  /** the caller's address as fastify sees it (TRUST_PROXY decides whether X-Forwarded-For counts) */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  origin: string;

  @Column({ type: 'int' })
  failures: number;

  @Column({ type: 'datetime' })
  retryAt: Date;

  /** a quiet day after the last failure; the row is deleted after it */
  @Index()
  @Column({ type: 'datetime' })
  expiresAt: Date;

  /** optimistic concurrency: every change is `UPDATE … WHERE version = ?` */
  @Column({ type: 'int' })
  version: number;
}
