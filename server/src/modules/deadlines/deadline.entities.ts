import { DeadlineKind, DeadlineState, DeadlineUnitType, HandlingLevel, Urgency } from '@gezhi/shared';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export const CALENDAR_DAY_KINDS = ['HOLIDAY', 'WORKDAY'] as const;

/** An exception to the Mon–Fri working week: a public holiday or a make-up working day (调休上班). */
@Entity('work_calendar_day')
export class CalendarDayEntity {
  /** YYYY-MM-DD in Asia/Shanghai */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  date: string;

  @Column({ type: 'simple-enum', enum: CALENDAR_DAY_KINDS })
  kind: 'HOLIDAY' | 'WORKDAY';

  @Column({ type: 'varchar', length: 50, nullable: true })
  note: string | null;
}

/** One row of the deadline policy: category (or DEFAULT) × urgency × level → minutes per step. */
@Entity('deadline_policy')
@Index('IDX_deadline_policy_rule', ['category', 'urgency', 'level'], { unique: true })
export class DeadlinePolicyEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** a RequestCategory, or DEFAULT */
  @Column({ type: 'varchar', length: 30 })
  category: string;

  @Column({ type: 'simple-enum', enum: Urgency })
  urgency: Urgency;

  @Column({ type: 'simple-enum', enum: HandlingLevel })
  level: HandlingLevel;

  @Column({ type: 'int' })
  acceptMinutes: number;

  @Column({ type: 'int' })
  firstResponseMinutes: number;

  @Column({ type: 'int' })
  resolveMinutes: number;

  /** 部门报到: a department whistled at this level must report in within this span */
  @Column({ type: 'int' })
  reportMinutes: number;

  @Column({ type: 'int' })
  warnPercent: number;
}

/**
 * A clock running against a unit for one step of a request. The sweeper's two scans are index-backed:
 * (state, warnAt) for OPEN → YELLOW and (state, dueAt) for → RED; the inbox's due filter reads
 * (unitType, unitId, state, dueAt). Every state change is conditional (`WHERE … AND state IN (…)`).
 */
@Entity('request_deadline')
@Index('IDX_request_deadline_warn', ['state', 'warnAt'])
@Index('IDX_request_deadline_due', ['state', 'dueAt'])
@Index('IDX_request_deadline_unit', ['unitType', 'unitId', 'state', 'dueAt'])
@Index('IDX_request_deadline_request', ['requestId', 'state'])
export class RequestDeadlineEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  requestId: number;

  @Column({ type: 'simple-enum', enum: DeadlineKind })
  kind: DeadlineKind;

  @Column({ type: 'simple-enum', enum: HandlingLevel })
  level: HandlingLevel;

  @Column({ type: 'simple-enum', enum: DeadlineUnitType })
  unitType: DeadlineUnitType;

  @Column({ type: 'int' })
  unitId: number;

  /** 紧急: the clock runs on wall-clock time (extensions too) */
  @Column({ type: 'boolean' })
  wallClock: boolean;

  @Column({ type: 'datetime' })
  startedAt: Date;

  @Column({ type: 'datetime' })
  warnAt: Date;

  @Column({ type: 'datetime' })
  dueAt: Date;

  @Column({ type: 'simple-enum', enum: DeadlineState })
  state: DeadlineState;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'datetime', nullable: true })
  metAt: Date | null;

  /** the sweep batch that turned it RED (each batch claims with its own random token) */
  @Column({ type: 'varchar', length: 36, nullable: true })
  claimToken: string | null;
}

/** 超时记录: one row per missed deadline (unique per deadline), against the unit that missed it; feeds rankings. */
@Entity('deadline_miss')
@Index('IDX_deadline_miss_unit', ['unitType', 'unitId', 'detectedAt'])
@Index('IDX_deadline_miss_request', ['requestId'])
// 数据: the misses of a period, by due time (GET /api/metrics/items?count=overdue)
@Index('IDX_deadline_miss_due', ['dueAt'])
export class DeadlineMissEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_deadline_miss_deadline', { unique: true })
  @Column({ type: 'int' })
  deadlineId: number;

  @Column({ type: 'int' })
  requestId: number;

  @Column({ type: 'simple-enum', enum: DeadlineKind })
  kind: DeadlineKind;

  @Column({ type: 'simple-enum', enum: DeadlineUnitType })
  unitType: DeadlineUnitType;

  @Column({ type: 'int' })
  unitId: number;

  @Column({ type: 'simple-enum', enum: HandlingLevel })
  level: HandlingLevel;

  @Column({ type: 'datetime' })
  dueAt: Date;

  @Column({ type: 'datetime' })
  detectedAt: Date;
}
