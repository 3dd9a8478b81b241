import { EligibilityMode, ProviderKind, RecurrenceKind, ResidentTag, ServiceKind } from '@gezhi/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One entry of a community's service catalogue (服务清单). */
@Entity('service_offering')
@Index(['communityId', 'active'])
export class ServiceOfferingEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  communityId: number;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  kind: ServiceKind;

  @Column({ type: 'varchar', length: 500 })
  description: string;

  @Column({ type: 'int' })
  durationMinutes: number;

  @Column({ type: 'varchar', length: 20 })
  providerKind: ProviderKind;

  @Column({ type: 'varchar', length: 40 })
  providerName: string;

  /** VOLUNTEER_TEAM / PARTNER_ORG: the grid leader or community officer who works the visits on their day plan */
  @Column({ type: 'int', nullable: true })
  coordinatorUserId: number | null;

  @Column({ type: 'varchar', length: 20 })
  eligibilityMode: EligibilityMode;

  @Column({ type: 'simple-json' })
  eligibilityTags: ResidentTag[];

  /** PROXY: documents the resident hands over */
  @Column({ type: 'simple-json' })
  requiredDocuments: string[];

  /** BUNDLE: component service ids */
  @Column({ type: 'simple-json' })
  bundleServiceIds: number[];

  @Column({ type: 'boolean' })
  active: boolean;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}

/** A recurring slot rule; its slots are materialised ahead (materialisedUntil) so capacity can be claimed per row. */
@Entity('service_recurrence')
@Index(['serviceId'])
@Index(['materialisedUntil'])
export class ServiceRecurrenceEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  serviceId: number;

  @Column({ type: 'varchar', length: 10 })
  kind: RecurrenceKind;

  @Column({ type: 'simple-json' })
  monthDays: number[];

  @Column({ type: 'simple-json' })
  weekdays: number[];

  /** local "HH:MM" (Asia/Shanghai) */
  @Column({ type: 'varchar', length: 5 })
  startTime: string;

  @Column({ type: 'varchar', length: 5 })
  endTime: string;

  @Column({ type: 'int' })
  capacity: number;

  @Column({ type: 'boolean' })
  skipHolidays: boolean;

  /** local dates YYYY-MM-DD */
  @Column({ type: 'varchar', length: 10 })
  validFrom: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  validUntil: string | null;

  /** every occurrence starting before this instant has its slot row */
  @Column({ type: 'datetime' })
  materialisedUntil: Date;

  @Column({ type: 'datetime' })
  createdAt: Date;
}

/**
 * A bookable time slot. `booked` is claimed with one conditional update (`booked < capacity`), never read-then-write.
 * Unique (ruleId, startsAt): materialising a rule twice (two instances, a retry) cannot create a second slot.
 */
@Entity('service_slot')
@Index(['serviceId', 'startsAt'])
@Index(['ruleId', 'startsAt'], { unique: true })
export class ServiceSlotEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  serviceId: number;

  /** null for a one-off slot */
  @Column({ type: 'int', nullable: true })
  ruleId: number | null;

  @Column({ type: 'datetime' })
  startsAt: Date;

  @Column({ type: 'datetime' })
  endsAt: Date;

  @Column({ type: 'int' })
  capacity: number;

  @Column({ type: 'int' })
  booked: number;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
