import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The metrics roll-ups (docs/metrics.md#roll-ups): additive counters per time bucket, maintained in the same
 * transaction as the change that causes them (one multi-row upsert per table), and rebuilt from the raw tables by
 * MetricsRecompute. Buckets: grain 'D' (day), 'W' (week from Monday), 'M' (month), named by their first local
 * date (YYYY-MM-DD, Asia/Shanghai). The primary keys lead with (grain, streetId, bucket) so a street's period is
 * one range of the clustered index; a community's and a grid's use their secondary indexes.
 */

const counter = () => Column({ type: 'int', default: 0 });

/** Request counters per bucket × grid × category (the grid's community and street are carried for the scopes). */
@Entity('metric_counter')
@Index('IDX_metric_counter_community', ['grain', 'communityId', 'bucket'])
@Index('IDX_metric_counter_grid', ['grain', 'gridId', 'bucket'])
export class MetricCounterEntity {
  @PrimaryColumn({ type: 'varchar', length: 1 })
  grain: string;

  @PrimaryColumn({ type: 'int' })
  streetId: number;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  bucket: string;

  @PrimaryColumn({ type: 'int' })
  gridId: number;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  category: string;

  /** the counter slot (request id % COUNTER_SLOTS): spreads concurrent writers over rows */
  @PrimaryColumn({ type: 'smallint' })
  slot: number;

  @Column({ type: 'int' })
  communityId: number;

  @counter() received: number;
  @counter() cancelled: number;
  @counter() rejected: number;
  @counter() resolvedFirst: number;
  @counter() resolutions: number;
  @counter() responseDecided: number;
  @counter() responseOnTime: number;
  @counter() resolveDecided: number;
  @counter() resolveOnTime: number;
  @counter() rated: number;
  @counter() satisfied: number;
  @counter() reopened: number;
  @counter() speedSum: number;
  @counter() effectSum: number;
  @counter() attitudeSum: number;
  /** 回访: of `rated`, the ratings recorded by staff on a 电话回访 (and of `satisfied`, those satisfied) */
  @counter() ratedReturnVisit: number;
  @counter() satisfiedReturnVisit: number;
  /** 未评价: items closed by the system without a rating (never counted as rated or satisfied) */
  @counter() closedUnrated: number;
  /** minutes; a bucket of a busy street can exceed 2^31 over a month at street level only when summed, rows stay small */
  @Column({ type: 'bigint', default: 0 }) handlingMinutes: number;
  @counter() whistled: number;
  @counter() missedAccept: number;
  @counter() missedFirstResponse: number;
  @counter() missedResolve: number;
  @counter() missedReport: number;
  // handling-time histogram (HANDLING_TIME_BUCKETS_HOURS)
  @counter() h0: number;
  @counter() h1: number;
  @counter() h2: number;
  @counter() h3: number;
  @counter() h4: number;
  @counter() h5: number;
  @counter() h6: number;
  @counter() h7: number;
  @counter() h8: number;
  @counter() h9: number;
  @counter() h10: number;
  @counter() h11: number;
  @counter() h12: number;
  @counter() h13: number;
  @counter() h14: number;
}

/**
 * The cohort behind 办结率: items received in `receivedBucket` and concluded (first 办结, 撤回 or 驳回) in
 * `outcomeBucket`, per grain (weekly rows only within one week).
 */
@Entity('metric_outcome')
@Index('IDX_metric_outcome_community', ['grain', 'communityId', 'receivedBucket'])
@Index('IDX_metric_outcome_grid', ['grain', 'gridId', 'receivedBucket'])
export class MetricOutcomeEntity {
  @PrimaryColumn({ type: 'varchar', length: 1 })
  grain: string;

  @PrimaryColumn({ type: 'int' })
  streetId: number;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  receivedBucket: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  outcomeBucket: string;

  @PrimaryColumn({ type: 'int' })
  gridId: number;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  category: string;

  @PrimaryColumn({ type: 'smallint' })
  slot: number;

  @Column({ type: 'int' })
  communityId: number;

  @counter() resolved: number;
  @counter() cancelled: number;
  @counter() rejected: number;
}

/** Whistle-chain counters per bucket × department × category. */
@Entity('metric_department_counter')
@Index('IDX_metric_department_counter_department', ['grain', 'departmentId', 'bucket'])
export class MetricDepartmentCounterEntity {
  @PrimaryColumn({ type: 'varchar', length: 1 })
  grain: string;

  @PrimaryColumn({ type: 'int' })
  streetId: number;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  bucket: string;

  @PrimaryColumn({ type: 'int' })
  departmentId: number;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  category: string;

  @PrimaryColumn({ type: 'smallint' })
  slot: number;

  @counter() assigned: number;
  @counter() assignedLead: number;
  @counter() reported: number;
  @counter() reportDecided: number;
  @counter() reportOnTime: number;
  @counter() reportMissed: number;
  @counter() ended: number;
  @counter() returned: number;
  @counter() resolvedAsLead: number;
  @counter() rated: number;
  @counter() satisfied: number;
  @counter() reopened: number;
  @counter() speedSum: number;
  @counter() effectSum: number;
  @counter() attitudeSum: number;
}

/**
 * The per-item facts the decisions depend on (ItemFacts): written when something is decided, never at filing (an
 * item with nothing decided yet has no row). The items behind a rate are read from here.
 */
@Entity('metric_item')
@Index('IDX_metric_item_response', ['streetId', 'responseAt'])
@Index('IDX_metric_item_resolve', ['streetId', 'resolveAt'])
@Index('IDX_metric_item_resolved', ['streetId', 'firstResolvedAt'])
export class MetricItemEntity {
  @PrimaryColumn({ type: 'int' })
  requestId: number;

  @Column({ type: 'int' })
  streetId: number;

  @Column({ type: 'int' })
  communityId: number;

  @Column({ type: 'int' })
  gridId: number;

  @Column({ type: 'varchar', length: 20 })
  category: string;

  @Column({ type: 'datetime' })
  receivedAt: Date;

  @Column({ type: 'varchar', length: 8 })
  responseState: string;

  @Column({ type: 'datetime', nullable: true })
  responseAt: Date | null;

  @Column({ type: 'varchar', length: 8 })
  resolveState: string;

  @Column({ type: 'datetime', nullable: true })
  resolveAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  firstResolvedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  handlingMinutes: number | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  conclusion: string | null;

  @Column({ type: 'datetime', nullable: true })
  concludedAt: Date | null;

  @Column({ type: 'int' })
  version: number;
}

/** The per-assignment facts (AssignmentFacts), one row per whistle assignment, written at 吹哨. */
@Entity('metric_assignment')
@Index('IDX_metric_assignment_notified', ['departmentId', 'notifiedAt'])
@Index('IDX_metric_assignment_report', ['departmentId', 'reportAt'])
@Index('IDX_metric_assignment_end', ['departmentId', 'endAt'])
@Index('IDX_metric_assignment_street', ['streetId', 'notifiedAt'])
@Index('IDX_metric_assignment_request', ['requestId', 'departmentId'])
export class MetricAssignmentEntity {
  @PrimaryColumn({ type: 'int' })
  assignmentId: number;

  @Column({ type: 'int' })
  requestId: number;

  @Column({ type: 'int' })
  departmentId: number;

  @Column({ type: 'int' })
  streetId: number;

  @Column({ type: 'varchar', length: 20 })
  category: string;

  @Column({ type: 'boolean' })
  lead: boolean;

  @Column({ type: 'datetime' })
  notifiedAt: Date;

  @Column({ type: 'varchar', length: 8 })
  reportState: string;

  @Column({ type: 'datetime', nullable: true })
  reportAt: Date | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  endKind: string | null;

  @Column({ type: 'datetime', nullable: true })
  endAt: Date | null;

  @Column({ type: 'int' })
  version: number;
}

export const METRICS_ENTITIES = [MetricCounterEntity, MetricOutcomeEntity, MetricDepartmentCounterEntity, MetricItemEntity, MetricAssignmentEntity];
