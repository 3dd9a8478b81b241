import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Secrets an installation generates for itself when the environment does not give them (outside production):
 * the token-signing secret and the session_key encryption key. Kept in the database so every instance on the
 * same database shares them; written once (INSERT, the loser of a race reads the winner's row).
 */
@Entity('installation_secret')
export class InstallationSecret {
  /** e.g. "token-secret", "session-key-key" */
  @PrimaryColumn({ type: 'varchar', length: 50 })
  name: string;

  /** base64url of 32 random bytes */
  @Column({ type: 'varchar', length: 100 })
  value: string;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
