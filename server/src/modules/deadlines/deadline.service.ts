import { insertRows } from '../../database/insert-row';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DeadlineKind,
  DeadlineState,
  DeadlineUnitType,
  DeadlineView,
  HandlingLevel,
  LIVE_DEADLINE_STATES,
  RequestAction,
  RequestCategory,
  RequestStatus,
  Supervision,
  supervisionOf,
  Urgency,
} from '@gezhi/shared';
import { Brackets, DataSource, EntityManager, In } from 'typeorm';
import { Clock } from '../../common/clock';
import { DeadlineRules } from './deadline-rules.service';
import { RequestDeadlineEntity } from './deadline.entities';
import { clockStepsFor } from './domain/clock-steps';
import { unitOfLevel } from './domain/deadline-units';

/** The facts about a request its clocks depend on (RequestEntity satisfies it). */
export interface ClockedRequest {
  id: number;
  category: RequestCategory;
  urgency: Urgency;
  level: HandlingLevel;
  gridId: number;
  communityId: number;
  streetId: number;
}

/** A clock to open with explicit times (e.g. a department's REPORT clock, opened by the whistle chain). */
export interface DeadlineDraft {
  requestId: number;
  kind: DeadlineKind;
  level: HandlingLevel;
  unitType: DeadlineUnitType;
  unitId: number;
  wallClock: boolean;
  startedAt: Date;
  warnAt: Date;
  dueAt: Date;
}

/** What a list item shows about its clocks. */
export interface DeadlineSummary {
  dueAt: Date | null;
  supervision: Supervision;
}

const LIVE = [...LIVE_DEADLINE_STATES];
const INSERT_CHUNK = 500;

/**
 * Opens, meets and closes request clocks. Every method that writes takes the caller's EntityManager, so the
 * clocks change in the same transaction as the request; every change is a conditional UPDATE on the state,
 * never a row lock.
 */
@Injectable()
export class DeadlineService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: DeadlineRules,
    private readonly clock: Clock,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  /**
   * The clocks' side of a lifecycle action (see clockStepsFor), inside the action's transaction. Called before
   * the request's own conditional UPDATE, so every writer touches clocks first and the request second (the
   * sweeper does the same): one lock order, no deadlock between a holder and the sweeper.
   */
  async applyTransition(manager: EntityManager, request: ClockedRequest, action: RequestAction, to: RequestStatus): Promise<void> {
    const steps = clockStepsFor(action, to);
    const now = this.clock.now();
    if (steps.cancelAll) await this.cancelAll(manager, request.id, now);
    if (steps.meet.length > 0) await this.meet(manager, request.id, steps.meet, now);
    if (steps.open.length > 0) await this.openFor(manager, request, steps.open, now);
  }

  /** Drafts for the policy's clocks of `kinds` at the request's current level, starting at `now`. */
  async draftsFor(request: ClockedRequest, kinds: readonly DeadlineKind[], now: Date = this.clock.now()): Promise<DeadlineDraft[]> {
    const { policy, calendar } = await this.rules.current();
    const unit = unitOfLevel(request.level, request);
    return kinds.map((kind) => {
      const span = policy.span(calendar, request, kind, now);
      return { requestId: request.id, level: request.level, ...unit, wallClock: request.urgency === Urgency.Urgent, ...span };
    });
  }

  /**
   * Drafts for one `kind` clock per unit (e.g. a REPORT clock per whistled department), each against its unit, at
   * the request's current level, with the policy's span for that level and the request's category and urgency.
   */
  async draftsForUnits(request: ClockedRequest, kind: DeadlineKind, units: readonly InboxUnit[], now: Date = this.clock.now()): Promise<DeadlineDraft[]> {
    const { policy, calendar } = await this.rules.current();
    const span = policy.span(calendar, request, kind, now);
    return units.map((unit) => ({ requestId: request.id, level: request.level, ...unit, wallClock: request.urgency === Urgency.Urgent, ...span }));
  }

  /** Opens the policy's clocks of `kinds` for the request at its current level. */
  async openFor(manager: EntityManager, request: ClockedRequest, kinds: readonly DeadlineKind[], now: Date = this.clock.now()): Promise<DeadlineDraft[]> {
    const drafts = await this.draftsFor(request, kinds, now);
    await this.open(manager, drafts);
    return drafts;
  }

  /** Opens clocks with explicit times (multi-row INSERTs). */
  async open(manager: EntityManager, drafts: readonly DeadlineDraft[]): Promise<void> {
    // prepared multi-row INSERTs: this runs inside every filing's transaction (the hot path)
    const rows = drafts.map((d) => ({ ...d, state: DeadlineState.Open, version: 1, metAt: null, claimToken: null }));
    await insertRows(manager, RequestDeadlineEntity, rows, INSERT_CHUNK);
  }

  /** The step was done: its running clocks (even a red, already-missed one) are MET. */
  async meet(manager: EntityManager, requestId: number, kinds: DeadlineKind | readonly DeadlineKind[], now: Date = this.clock.now()): Promise<number> {
    return this.close(manager, [requestId], DeadlineState.Met, now, Array.isArray(kinds) ? kinds : [kinds as DeadlineKind]);
  }

  /**
   * One unit did its step (e.g. a department reported in): only ITS running `kind` clocks of the request are MET;
   * the same step owed by other units (the other whistled departments) keeps running.
   */
  meetForUnit(manager: EntityManager, requestId: number, kind: DeadlineKind, unitType: DeadlineUnitType, unitId: number, now: Date = this.clock.now()): Promise<number> {
    return this.close(manager, [requestId], DeadlineState.Met, now, [kind], { unitType, unitId });
  }

  /** One unit no longer owes the step (e.g. a department returned the item or its round ended): its clocks are CANCELLED. */
  cancelForUnit(manager: EntityManager, requestId: number, kind: DeadlineKind, unitType: DeadlineUnitType, unitId: number, now: Date = this.clock.now()): Promise<number> {
    return this.close(manager, [requestId], DeadlineState.Cancelled, now, [kind], { unitType, unitId });
  }

  /** The request was rejected or withdrawn: nothing is due any more. */
  cancelAll(manager: EntityManager, requestId: number, now: Date = this.clock.now()): Promise<number> {
    return this.close(manager, [requestId], DeadlineState.Cancelled, now);
  }

  /** The requests went up a level: the lower level's clocks stop (misses already recorded stay recorded). */
  closeForEscalation(manager: EntityManager, requestIds: readonly number[], now: Date): Promise<number> {
    return this.close(manager, requestIds, DeadlineState.Escalated, now);
  }

  private async close(
    manager: EntityManager,
    requestIds: readonly number[],
    state: DeadlineState,
    now: Date,
    kinds?: readonly DeadlineKind[],
    unit?: InboxUnit,
  ): Promise<number> {
    if (requestIds.length === 0) return 0;
    const query = manager
      .createQueryBuilder()
      .update(RequestDeadlineEntity)
      .set({ state, version: () => 'version + 1', ...(state === DeadlineState.Met ? { metAt: now } : {}) })
      .where('requestId IN (:...requestIds)', { requestIds })
      .andWhere('state IN (:...live)', { live: LIVE });
    if (kinds) query.andWhere('kind IN (:...kinds)', { kinds });
    if (unit) query.andWhere('unitType = :unitType AND unitId = :unitId', unit);
    return (await query.execute()).affected ?? 0;
  }

  /** Running clocks of the requests, for the views (one indexed query). */
  async liveOf(requestIds: readonly number[]): Promise<Map<number, RequestDeadlineEntity[]>> {
    const byRequest = new Map<number, RequestDeadlineEntity[]>();
    if (requestIds.length === 0) return byRequest;
    const rows = await this.dataSource.getRepository(RequestDeadlineEntity).find({
      where: { requestId: In([...new Set(requestIds)]), state: In(LIVE) },
      order: { dueAt: 'ASC' },
    });
    for (const row of rows) byRequest.set(row.requestId, [...(byRequest.get(row.requestId) ?? []), row]);
    return byRequest;
  }

  /** The earliest due time and the worst supervision of each request's running clocks. */
  async summariesOf(requestIds: readonly number[]): Promise<Map<number, DeadlineSummary>> {
    const live = await this.liveOf(requestIds);
    return new Map([...live].map(([id, rows]) => [id, summarize(rows)]));
  }

  /**
   * Requests with a clock in `state` among the supervised clocks, earliest due first (the inbox's 即将超时 / 已超时):
   * one range of IDX_request_deadline_unit (unitType, unitId, state, dueAt) for the viewer's unit and one per
   * department. For YELLOW, a request that also has a RED running clock is left out — its row is red, so it belongs to
   * 已超时 only (checked on IDX_request_deadline_request (requestId, state) per candidate).
   */
  async requestIdsDue(clocks: SupervisedClocks, state: DeadlineState, skip: number, take: number): Promise<number[]> {
    const rows = await this.dueQuery(clocks, state)
      .select('d.requestId', 'requestId')
      .addSelect('MIN(d.dueAt)', 'firstDue')
      .groupBy('d.requestId')
      .orderBy('firstDue', 'ASC')
      .addOrderBy('d.requestId', 'ASC')
      .offset(skip)
      .limit(take)
      .getRawMany<{ requestId: number | string }>();
    return rows.map((r) => Number(r.requestId));
  }

  /** How many requests have such a clock, counting at most `cap + 1` (like every list's total). */
  async countDue(clocks: SupervisedClocks, state: DeadlineState, cap: number): Promise<number> {
    const inner = this.dueQuery(clocks, state).select('DISTINCT d.requestId', 'requestId').limit(cap + 1);
    const row = await this.dataSource
      .createQueryBuilder()
      .select('COUNT(*)', 'total')
      .from(`(${inner.getQuery()})`, 'due')
      .setParameters(inner.getParameters())
      .getRawOne<{ total: number | string }>();
    return Number(row?.total ?? 0);
  }

  private dueQuery(clocks: SupervisedClocks, state: DeadlineState) {
    const repository = this.dataSource.getRepository(RequestDeadlineEntity);
    const query = repository.createQueryBuilder('d');
    const departments = clocks.departments;
    query.where(
      new Brackets((or) => {
        or.where('(d.unitType = :ownType AND d.unitId = :ownId AND d.state = :state)', { ownType: clocks.own.unitType, ownId: clocks.own.unitId, state });
        if (!departments || departments.ids.length === 0) return;
        // a community's: only on its own requests (the request row by primary key, per matching clock)
        const inScope = departments.communityId === undefined ? '' : ' AND r.communityId = :departmentsCommunityId';
        or.orWhere(`(d.unitType = :departmentType AND d.unitId IN (:...departmentIds) AND d.state = :state AND d.level = :departmentsLevel${inScope})`, {
          departmentType: DeadlineUnitType.Department,
          departmentIds: [...departments.ids],
          departmentsLevel: departments.level,
          departmentsCommunityId: departments.communityId,
        });
      }),
    );
    if (departments?.communityId !== undefined && departments.ids.length > 0) query.leftJoin('request', 'r', 'r.id = d.requestId');
    if (state === DeadlineState.Yellow) {
      const red = repository.createQueryBuilder('red').select('1').where('red.requestId = d.requestId AND red.state = :red');
      query.andWhere(`NOT EXISTS (${red.getQuery()})`, { red: DeadlineState.Red });
    }
    return query;
  }

  /** The running clocks of `kind` against units of `unitType`, for the requests (e.g. departments' REPORT clocks). */
  async liveOfUnits(requestIds: readonly number[], kind: DeadlineKind, unitType: DeadlineUnitType): Promise<RequestDeadlineEntity[]> {
    if (requestIds.length === 0) return [];
    return this.dataSource.getRepository(RequestDeadlineEntity).find({
      where: { requestId: In([...new Set(requestIds)]), state: In(LIVE), kind, unitType },
    });
  }

  /** Every clock of a request, oldest first (the detail page). */
  async allOf(requestId: number): Promise<RequestDeadlineEntity[]> {
    return this.dataSource.getRepository(RequestDeadlineEntity).find({ where: { requestId }, order: { id: 'ASC' } });
  }
}

export function summarize(rows: readonly Pick<RequestDeadlineEntity, 'state' | 'dueAt'>[]): DeadlineSummary {
  const live = rows.filter((r) => LIVE.includes(r.state));
  const dueAt = live.reduce<Date | null>((min, r) => (min === null || r.dueAt < min ? r.dueAt : min), null);
  return { dueAt, supervision: supervisionOf(live.map((r) => r.state)) };
}

export function deadlineView(row: Pick<RequestDeadlineEntity, 'kind' | 'level' | 'state' | 'startedAt' | 'warnAt' | 'dueAt' | 'metAt'>): DeadlineView {
  return {
    kind: row.kind,
    level: row.level,
    state: row.state,
    startedAt: row.startedAt.toISOString(),
    warnAt: row.warnAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    metAt: row.metAt ? row.metAt.toISOString() : null,
  };
}

/** The unit whose clocks a staff inbox shows (the grid / community / street at the viewer's level). */
export interface InboxUnit {
  unitType: DeadlineUnitType;
  unitId: number;
}

/**
 * The clocks a staff member's due filter shows: those of their own unit, and the REPORT clocks of the departments
 * their level whistled (clocks opened at `level`; at a community, only of the community's requests).
 */
export interface SupervisedClocks {
  own: InboxUnit;
  departments?: { ids: readonly number[]; level: HandlingLevel; communityId?: number };
}
