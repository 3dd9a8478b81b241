import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  FieldErrorCode,
  isCalendarDay,
  RecurrenceKind,
  RecurrenceRuleView,
  SERVICE_LIMITS,
  shanghaiDayOf,
  SlotView,
} from '@gezhi/shared';
import { DataSource, LessThan } from 'typeorm';
import { TtlCache } from '../../common/ttl-cache';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { insertRow, insertRows } from '../../database/insert-row';
import { columnParameter, entitySelection } from '../../database/raw-select';
import { isUniqueViolation } from '../../database/unique-violations';
import { DeadlineRules } from '../deadlines/deadline-rules.service';
import type { User } from '../users/user.entity';
import { expandRecurrence, RecurrenceRule, ruleProblem } from './domain/recurrence';
import { CreateSlotDto, RecurrenceRuleDto, SlotRangeQueryDto, UpdateSlotDto } from './dto/service.dto';
import { ServiceCatalogueService } from './service-catalogue.service';
import { ServiceRecurrenceEntity, ServiceSlotEntity } from './service.entities';
import { recurrenceView, slotView } from './service-views';

const DAY_MS = 24 * 60 * 60 * 1000;
/** how long an instance trusts what it read of a service's materialisedUntil (see `coveredUntil`) */
const COVERAGE_TTL_MS = 60_000;
/** rules read per top-up query */
const TOP_UP_BATCH = 200;

/**
 * Time slots of a service: one-off slots and recurring rules. A rule's slots are materialised as rows (so that a
 * place is claimed with one conditional update on that row): SERVICE_LIMITS.materialiseHorizonDays (380) ahead when
 * the rule is created, and kept that far ahead by the background top-up (SlotTopUp) — further than anyone may list
 * (slotListMaxAheadDays, 366), so listing slots only reads. Should the top-up have been down for two weeks, a list
 * beyond a rule's materialisedUntil still materialises first (the fallback). Materialising is idempotent: unique
 * (ruleId, startsAt) makes a second writer's rows collide instead of doubling the slots.
 */
@Injectable()
export class ServiceSlotsService {
  /** serviceId → the earliest materialisedUntil of its rules (ms; Infinity without rules), per instance, briefly */
  private readonly coverage = new TtlCache<number, number>(COVERAGE_TTL_MS, 20_000);
  private slotQuery: { sql: string; hydrate: (record: Record<string, unknown>) => ServiceSlotEntity } | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: ServiceCatalogueService,
    private readonly rules: DeadlineRules,
    private readonly clock: Clock,
  ) {}

  async createSlot(officer: User, serviceId: number, body: CreateSlotDto): Promise<SlotView> {
    const service = await this.catalogue.findMaintained(officer, serviceId);
    // whole seconds, as every database keeps them (MariaDB's DATETIME drops milliseconds)
    const startsAt = new Date(Math.floor(new Date(body.startsAt).getTime() / 1000) * 1000);
    const now = this.clock.now();
    if (startsAt.getTime() <= now.getTime() || startsAt.getTime() > now.getTime() + SERVICE_LIMITS.slotListMaxAheadDays * DAY_MS) {
      throw DomainError.validation({ startsAt: FieldErrorCode.OutOfRange });
    }
    const row: ServiceSlotEntity = {
      id: 0,
      serviceId,
      ruleId: null,
      startsAt,
      endsAt: new Date(startsAt.getTime() + service.durationMinutes * 60_000),
      capacity: body.capacity,
      booked: 0,
      version: 1,
      createdAt: now,
    };
    row.id = await insertRow(this.dataSource.manager, ServiceSlotEntity, row);
    return slotView(row);
  }

  /** Stores a recurring rule and materialises its slots for the horizon. */
  async createRule(officer: User, serviceId: number, body: RecurrenceRuleDto): Promise<RecurrenceRuleView> {
    await this.catalogue.findMaintained(officer, serviceId);
    const now = this.clock.now();
    const today = shanghaiDayOf(now);
    const rule: RecurrenceRule = {
      kind: body.kind,
      monthDays: body.kind === RecurrenceKind.Monthly ? [...(body.monthDays ?? [])].sort((a, b) => a - b) : [],
      weekdays: body.kind === RecurrenceKind.Weekly ? [...(body.weekdays ?? [])].sort((a, b) => a - b) : [],
      startTime: body.startTime,
      endTime: body.endTime,
      skipHolidays: body.skipHolidays,
      validFrom: body.validFrom ?? today,
      validUntil: body.validUntil ?? null,
    };
    const problem = ruleProblem(rule);
    if (problem) throw DomainError.validation({ [problem]: problem === 'monthDays' || problem === 'weekdays' ? FieldErrorCode.Required : FieldErrorCode.OutOfRange });
    if (!isCalendarDay(rule.validFrom)) throw DomainError.validation({ validFrom: FieldErrorCode.OutOfRange });
    if (rule.validUntil !== null && !isCalendarDay(rule.validUntil)) throw DomainError.validation({ validUntil: FieldErrorCode.OutOfRange });
    const row: ServiceRecurrenceEntity = {
      id: 0,
      serviceId,
      ...rule,
      monthDays: [...rule.monthDays],
      weekdays: [...rule.weekdays],
      capacity: body.capacity,
      materialisedUntil: now,
      createdAt: now,
    };
    row.id = await insertRow(this.dataSource.manager, ServiceRecurrenceEntity, row);
    await this.materialise(row, this.horizon(now));
    this.coverage.delete(serviceId);
    return recurrenceView(row);
  }

  /** The recurring rules of a service (its community officers only). */
  async listRules(officer: User, serviceId: number): Promise<RecurrenceRuleView[]> {
    await this.catalogue.findMaintained(officer, serviceId);
    const rows = await this.dataSource.getRepository(ServiceRecurrenceEntity).find({ where: { serviceId }, order: { id: 'ASC' } });
    return rows.map(recurrenceView);
  }

  /**
   * Changes a slot's capacity with one conditional update `… WHERE booked <= :capacity`: under the row lock a
   * concurrent booking's claim (`booked < capacity`) and this change are serialised, so booked never exceeds
   * capacity (409 CAPACITY_BELOW_BOOKED when the new capacity is below the places already taken).
   */
  async updateSlot(officer: User, serviceId: number, slotId: number, body: UpdateSlotDto): Promise<SlotView> {
    await this.catalogue.findMaintained(officer, serviceId);
    const result = await this.dataSource
      .createQueryBuilder()
      .update(ServiceSlotEntity)
      .set({ capacity: body.capacity, version: () => 'version + 1' })
      .where('id = :slotId AND serviceId = :serviceId AND booked <= :capacity', { slotId, serviceId, capacity: body.capacity })
      .execute();
    const slot = await this.dataSource.getRepository(ServiceSlotEntity).findOneBy({ id: slotId, serviceId });
    if (!slot) throw new DomainError(ErrorCode.NotFound);
    if (result.affected !== 1) throw new DomainError(ErrorCode.CapacityBelowBooked);
    return slotView(slot);
  }

  /**
   * Removes a slot nobody holds a place in, with one conditional delete `… WHERE booked = 0` (a booking's claim
   * and this delete are serialised by the row lock: 409 SLOT_HAS_BOOKINGS when a place is taken). Cancelled
   * bookings of it keep their own copy of the time. Returns the removed slot.
   */
  async deleteSlot(officer: User, serviceId: number, slotId: number): Promise<SlotView> {
    await this.catalogue.findMaintained(officer, serviceId);
    const slot = await this.dataSource.getRepository(ServiceSlotEntity).findOneBy({ id: slotId, serviceId });
    if (!slot) throw new DomainError(ErrorCode.NotFound);
    const result = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(ServiceSlotEntity)
      .where('id = :slotId AND serviceId = :serviceId AND booked = 0', { slotId, serviceId })
      .execute();
    if (result.affected !== 1) {
      if (await this.dataSource.getRepository(ServiceSlotEntity).existsBy({ id: slotId })) throw new DomainError(ErrorCode.SlotHasBookings);
      throw new DomainError(ErrorCode.NotFound);
    }
    return slotView({ ...slot, booked: 0 });
  }

  /** Slots of a service starting in [from, to); reads only, unless a rule fell behind `to` (see the class comment). */
  async list(user: User, serviceId: number, query: SlotRangeQueryDto): Promise<SlotView[]> {
    await this.catalogue.readVisible(user, serviceId);
    const now = this.clock.now();
    const from = query.from ? new Date(query.from) : now;
    const to = query.to ? new Date(query.to) : new Date(from.getTime() + 14 * DAY_MS);
    if (to.getTime() <= from.getTime() || to.getTime() - from.getTime() > SERVICE_LIMITS.slotListMaxDays * DAY_MS) {
      throw DomainError.validation({ to: FieldErrorCode.OutOfRange });
    }
    if (to.getTime() > now.getTime() + SERVICE_LIMITS.slotListMaxAheadDays * DAY_MS) throw DomainError.validation({ to: FieldErrorCode.OutOfRange });
    if ((await this.coveredUntil(serviceId)) < to.getTime()) {
      const behind = await this.dataSource.getRepository(ServiceRecurrenceEntity).find({ where: { serviceId, materialisedUntil: LessThan(to) } });
      for (const rule of behind) await this.materialise(rule, to);
      this.coverage.delete(serviceId);
    }
    return (await this.slotsStartingIn(serviceId, from, to)).map(slotView);
  }

  /**
   * The hot read (every resident opening a service): one statement built once, parameters and rows converted by
   * the driver exactly as the query builder would, without its per-call cost. Index (serviceId, startsAt).
   */
  private async slotsStartingIn(serviceId: number, from: Date, to: Date): Promise<ServiceSlotEntity[]> {
    if (!this.slotQuery) {
      const slot = entitySelection(this.dataSource, ServiceSlotEntity, 's');
      const q = (name: string) => this.dataSource.driver.escape(name);
      this.slotQuery = {
        sql: `SELECT ${slot.columns} FROM ${q('service_slot')} ${q('s')} WHERE ${q('s')}.${q('serviceId')} = ? AND ${q('s')}.${q('startsAt')} >= ? AND ${q('s')}.${q('startsAt')} < ? ORDER BY ${q('s')}.${q('startsAt')} ASC, ${q('s')}.${q('id')} ASC`,
        hydrate: slot.hydrate,
      };
    }
    const at = (date: Date) => columnParameter(this.dataSource, ServiceSlotEntity, 'startsAt', date);
    const raw: Record<string, unknown>[] = await this.dataSource.query(this.slotQuery.sql, [serviceId, at(from), at(to)]);
    return raw.map(this.slotQuery.hydrate);
  }

  /**
   * Writes the rule's missing slots that start before `until` and moves materialisedUntil forward. Safe to run
   * twice or from two instances at once: a slot someone else wrote first collides on (ruleId, startsAt) and is
   * skipped, and materialisedUntil only ever moves forward.
   */
  async materialise(rule: ServiceRecurrenceEntity, until: Date): Promise<void> {
    if (rule.materialisedUntil.getTime() >= until.getTime()) return;
    const { calendar } = await this.rules.current();
    const occurrences = expandRecurrence(rule, rule.materialisedUntil, until, calendar);
    const now = this.clock.now();
    const rows: Partial<ServiceSlotEntity>[] = occurrences.map((o) => ({
      serviceId: rule.serviceId,
      ruleId: rule.id,
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      capacity: rule.capacity,
      booked: 0,
      version: 1,
      createdAt: now,
    }));
    const manager = this.dataSource.manager;
    try {
      await insertRows(manager, ServiceSlotEntity, rows);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // another writer got (some of) them first: write the rest one by one
      for (const row of rows) {
        try {
          await insertRow(manager, ServiceSlotEntity, row);
        } catch (rowError) {
          if (!isUniqueViolation(rowError)) throw rowError;
        }
      }
    }
    await manager
      .createQueryBuilder()
      .update(ServiceRecurrenceEntity)
      .set({ materialisedUntil: until })
      .where('id = :id AND materialisedUntil < :until', { id: rule.id, until })
      .execute();
    rule.materialisedUntil = until;
  }

  /** How far ahead every rule reaches: rule creation and the top-up materialise up to here. */
  horizon(now: Date): Date {
    return new Date(now.getTime() + SERVICE_LIMITS.materialiseHorizonDays * DAY_MS);
  }

  /**
   * Tops up every rule that fell more than `slackDays` behind the horizon (the background SlotTopUp, every
   * instance): a day's worth of rows per rule per day. Returns how many rules it moved forward.
   */
  async topUp(slackDays = 1): Promise<number> {
    const now = this.clock.now();
    const until = this.horizon(now);
    let moved = 0;
    for (;;) {
      const behind = await this.dataSource.getRepository(ServiceRecurrenceEntity).find({
        where: { materialisedUntil: LessThan(new Date(until.getTime() - slackDays * DAY_MS)) },
        order: { id: 'ASC' },
        take: TOP_UP_BATCH,
      });
      for (const rule of behind) {
        await this.materialise(rule, until);
        this.coverage.delete(rule.serviceId);
      }
      moved += behind.length;
      if (behind.length < TOP_UP_BATCH) return moved;
    }
  }

  /**
   * The earliest materialisedUntil of the service's rules — an in-process answer for COVERAGE_TTL_MS, so the read
   * path costs no query for it. Safe to trust briefly: materialisedUntil only moves forward, and a new rule starts
   * at the horizon, beyond any list window.
   */
  private async coveredUntil(serviceId: number): Promise<number> {
    const cached = this.coverage.get(serviceId);
    if (cached !== undefined) return cached;
    const row = await this.dataSource
      .getRepository(ServiceRecurrenceEntity)
      .createQueryBuilder('rule')
      .select('MIN(rule.materialisedUntil)', 'until')
      .where('rule.serviceId = :serviceId', { serviceId })
      .getRawOne<{ until: Date | string | null }>();
    const until = row?.until == null ? Number.POSITIVE_INFINITY : toDate(row.until).getTime();
    this.coverage.set(serviceId, until);
    return until;
  }

}

/** A raw MIN(datetime): a Date from mysql2, a 'YYYY-MM-DD HH:MM:SS(.fff)' UTC string from SQLite. */
function toDate(value: Date | string): Date {
  if (value instanceof Date) return value;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}
