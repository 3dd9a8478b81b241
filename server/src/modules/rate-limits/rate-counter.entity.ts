import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One fixed-window counter (rate-counters.ts): `bucket` is the counter's key with the window's number, e.g.
 * `login-ip:203.0.113.7|1970612` or `filing-hour:42|491234`. Rows live until `expiresAt` (the window's end) and are
 * deleted after it, so the table holds only the current windows of active keys.
 */
@Entity('rate_counter')
export class RateCounter {
  @PrimaryColumn({ type: 'varchar', length: 120 })
  bucket: string;

  @Column({ type: 'int' })
  hits: number;

  @Index()
  @Column({ type: 'datetime' })
  expiresAt: Date;
}
