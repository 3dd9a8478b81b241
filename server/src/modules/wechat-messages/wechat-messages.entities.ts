import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { OutboxState } from './domain/outbox-state';

/**
 * Remaining one-time subscribe-message opt-ins of a user for one template. Each 'accept' the mini-program
 * reports adds one; queueing a message takes one with `UPDATE … SET remaining = remaining - 1 WHERE … AND
 * remaining > 0`, so a message is never queued without an opt-in.
 */
@Entity('wechat_subscription')
export class WechatSubscription {
  @PrimaryColumn({ type: 'int' })
  userId: number;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  templateId: string;

  @Column({ type: 'int' })
  remaining: number;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}

/**
 * One WeChat subscribe message to send (the outbox). Written in the transaction of the hand-off it reports;
 * sent afterwards by the OutboxSender of any instance (see docs/notifications.md for the states).
 */
@Entity('wechat_outbox')
@Index(['state', 'nextAttemptAt'])
export class WechatOutboxMessage {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 64 })
  templateId: string;

  /** the NotificationKind that caused it (kept as text: the kinds grow with the product) */
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'int', nullable: true })
  requestId: number | null;

  /** the mini-program page a tap on the message opens */
  @Column({ type: 'varchar', length: 200 })
  page: string;

  /** the template data, `{keyword: {value}}`, fixed when the hand-off happened */
  @Column({ type: 'simple-json' })
  data: Record<string, { value: string }>;

  @Column({ type: 'simple-enum', enum: OutboxState })
  state: OutboxState;

  /** sends tried so far (a claim counts as a try) */
  @Column({ type: 'int' })
  attempts: number;

  /** PENDING: when it may be tried; SENDING: when the claim's lease runs out */
  @Column({ type: 'datetime' })
  nextAttemptAt: Date;

  /** the claim token of the sender cycle that holds it */
  @Column({ type: 'varchar', length: 64, nullable: true })
  claimedBy: string | null;

  @Column({ type: 'datetime', nullable: true })
  claimedAt: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  lastError: string | null;

  @Column({ type: 'datetime', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'int' })
  version: number;
}
