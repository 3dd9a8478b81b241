import { BookingStatus, CustodyStep } from '@gezhi/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A resident's place in a slot. `activeGuard` is 1 while the booking holds a place and NULL once cancelled, so the
 * unique (slotId, residentUserId, activeGuard) index refuses a second active booking of the same slot but lets a
 * resident book again after cancelling (NULLs never collide in a unique index, on SQLite and MariaDB alike).
 */
@Entity('booking')
@Index(['slotId', 'residentUserId', 'activeGuard'], { unique: true })
@Index(['residentUserId', 'createdAt'])
@Index(['gridId', 'slotStartsAt'])
@Index(['serviceId', 'slotStartsAt'])
export class BookingEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  slotId: number;

  @Column({ type: 'int' })
  serviceId: number;

  @Column({ type: 'int' })
  residentUserId: number;

  /** the resident's bound home at booking time (where a door-to-door visit goes) */
  @Column({ type: 'int', nullable: true })
  roomId: number | null;

  /** the grid of that home: its grid staff serve GRID_STAFF services (the provider day plan) */
  @Column({ type: 'int', nullable: true })
  gridId: number | null;

  /** the slot's start, copied so the day plan is one index range */
  @Column({ type: 'datetime' })
  slotStartsAt: Date;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  /** the provider who last acted on the visit (confirm / arrive / complete / no-show) */
  @Column({ type: 'int', nullable: true })
  providerUserId: number | null;

  /** the provider's note when completing */
  @Column({ type: 'varchar', length: 500, nullable: true })
  providerNote: string | null;

  /** photos attached when completing (the provider's own uploads); null = none (rows from before photos existed) */
  @Column({ type: 'simple-json', nullable: true })
  completionPhotoIds: string[] | null;

  @Column({ type: 'datetime', nullable: true })
  completedAt: Date | null;

  /** the resident's rating of a completed visit (1–5 each, as for requests) */
  @Column({ type: 'int', nullable: true })
  ratingSpeed: number | null;

  @Column({ type: 'int', nullable: true })
  ratingEffect: number | null;

  @Column({ type: 'int', nullable: true })
  ratingAttitude: number | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  ratingComment: string | null;

  @Column({ type: 'datetime', nullable: true })
  ratedAt: Date | null;

  @Column({ type: 'varchar', length: 20 })
  status: BookingStatus;

  @Column({ type: 'tinyint', nullable: true })
  activeGuard: number | null;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime' })
  updatedAt: Date;

  @Column({ type: 'datetime', nullable: true })
  cancelledAt: Date | null;
}

/** One step of a proxy errand's chain of custody; unique (bookingId, step): each step is recorded once. */
@Entity('booking_custody_event')
@Index(['bookingId', 'step'], { unique: true })
export class BookingCustodyEventEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  bookingId: number;

  @Column({ type: 'varchar', length: 20 })
  step: CustodyStep;

  @Column({ type: 'simple-json' })
  documents: string[];

  @Column({ type: 'varchar', length: 60, nullable: true })
  office: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  @Column({ type: 'int' })
  actorUserId: number;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
