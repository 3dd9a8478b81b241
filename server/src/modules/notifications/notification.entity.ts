import { NotificationKind } from '@gezhi/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One message in a user's in-app inbox. */
@Entity('notification')
@Index(['userId', 'readAt'])
export class Notification {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'simple-enum', enum: NotificationKind })
  kind: NotificationKind;

  @Column({ type: 'varchar', length: 50 })
  title: string;

  @Column({ type: 'varchar', length: 200 })
  body: string;

  @Column({ type: 'int', nullable: true })
  requestId: number | null;

  /** booking notices (预约): the booking it is about */
  @Column({ type: 'int', nullable: true })
  bookingId: number | null;

  @Column({ type: 'datetime', nullable: true })
  readAt: Date | null;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
