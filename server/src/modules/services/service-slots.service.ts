import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FieldErrorCode, RecurrenceKind, RecurrenceRuleView, SERVICE_LIMITS, SlotView } from '@gezhi/shared';
import { Between, DataSource, LessThan } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { insertRow, insertRows } from '../../database/insert-row';
import { isUniqueViolation } from '../../database/unique-violations';
import { DeadlineRules } from '../deadlines/deadline-rules.service';
import type { User } from '../users/user.entity';
import { expandRecurrence, localDateOf, RecurrenceRule, ruleProblem } from './domain/recurrence';
import { CreateSlotDto, RecurrenceRuleDto, SlotRangeQueryDto } from './dto/service.dto';
import { ServiceCatalogueService } from './service-catalogue.service';
import { ServiceRecurrenceEntity, ServiceSlotEntity } from './service.entities';
import { slotView } from './service-views';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Time slots of a service: one-off slots and recurring rules. A rule's slots are materialised as rows (so that a
 * place is claimed with one conditional update on that row): SERVICE_LIMITS.materialiseHorizonDays ahead when the
 * rule is created, and further on demand when someone lists slots beyond that. Materialising is idempotent:
 * unique (ruleId, startsAt) makes a second writer's rows collide instead of doubling the slots.
 */
@Injectable()
export class ServiceSlotsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: ServiceCatalogueService,
    private readonly rules: DeadlineRules,
    private readonly clock: Clock,
  ) {}

  async createSlot(officer: User, serviceId: number, body: CreateSlotDto): Promise<SlotView> {
    const service = await this.catalogue.findMaintained(officer, serviceId);
    const startsAt = new Date(body.startsAt);
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
    const today = localDateOf(now);
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
    if (!isRealDate(rule.validFrom)) throw DomainError.validation({ validFrom: FieldErrorCode.OutOfRange });
    if (rule.validUntil !== null && !isRealDate(rule.validUntil)) throw DomainError.validation({ validUntil: FieldErrorCode.OutOfRange });
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
    await this.materialise(row, new Date(now.getTime() + SERVICE_LIMITS.materialiseHorizonDays * DAY_MS));
    return {
      id: row.id,
      serviceId,
      kind: row.kind,
      monthDays: row.monthDays,
      weekdays: row.weekdays,
      startTime: row.startTime,
      endTime: row.endTime,
      capacity: row.capacity,
      skipHolidays: row.skipHolidays,
      validFrom: row.validFrom,
      validUntil: row.validUntil,
    };
  }

  /** Slots of a service starting in [from, to), materialising recurring ones up to `to` first. */
  async list(user: User, serviceId: number, query: SlotRangeQueryDto): Promise<SlotView[]> {
    await this.catalogue.findVisible(user, serviceId);
    const now = this.clock.now();
    const from = query.from ? new Date(query.from) : now;
    const to = query.to ? new Date(query.to) : new Date(from.getTime() + 14 * DAY_MS);
    if (to.getTime() <= from.getTime() || to.getTime() - from.getTime() > SERVICE_LIMITS.slotListMaxDays * DAY_MS) {
      throw DomainError.validation({ to: FieldErrorCode.OutOfRange });
    }
    if (to.getTime() > now.getTime() + SERVICE_LIMITS.slotListMaxAheadDays * DAY_MS) throw DomainError.validation({ to: FieldErrorCode.OutOfRange });
    const behind = await this.dataSource.getRepository(ServiceRecurrenceEntity).find({ where: { serviceId, materialisedUntil: LessThan(to) } });
    for (const rule of behind) await this.materialise(rule, to);
    const rows = await this.dataSource.getRepository(ServiceSlotEntity).find({
      where: { serviceId, startsAt: Between(from, new Date(to.getTime() - 1)) },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
    return rows.map(slotView);
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

}

function isRealDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}
