import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CalendarYear,
  DEADLINE_LIMITS,
  DEFAULT_POLICY_CATEGORY,
  DeadlinePolicyTable,
  FieldErrorCode,
  HandlingLevel,
  Urgency,
} from '@gezhi/shared';
import { Between, DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { DeadlineRules } from './deadline-rules.service';
import { CalendarYearBodyDto, DeadlinePolicyTableDto } from './deadlines-admin.dto';
import { CalendarDayEntity, DeadlinePolicyEntity } from './deadline.entities';

/** The administrators' view of the deadline policy and the working calendar (street officers only). */
@Injectable()
export class DeadlinesAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: DeadlineRules,
  ) {}

  async policy(): Promise<DeadlinePolicyTable> {
    return { rules: await this.rules.storedPolicy() };
  }

  /** Replaces the whole table: one rule per category × urgency × level, and a DEFAULT rule for every urgency × level. */
  async replacePolicy(body: DeadlinePolicyTableDto): Promise<DeadlinePolicyTable> {
    const errors: Record<string, FieldErrorCode> = {};
    const seen = new Set<string>();
    body.rules.forEach((rule, index) => {
      const key = `${rule.category}|${rule.urgency}|${rule.level}`;
      if (seen.has(key)) errors[`rules.${index}`] = FieldErrorCode.Duplicate;
      seen.add(key);
      if (rule.acceptMinutes > rule.resolveMinutes) errors[`rules.${index}.acceptMinutes`] = FieldErrorCode.OutOfRange;
    });
    for (const urgency of Object.values(Urgency)) {
      for (const level of Object.values(HandlingLevel)) {
        if (!seen.has(`${DEFAULT_POLICY_CATEGORY}|${urgency}|${level}`)) errors[`rules`] = FieldErrorCode.Required;
      }
    }
    if (Object.keys(errors).length > 0) throw DomainError.validation(errors);
    await this.dataSource.transaction(async (manager) => {
      await manager.createQueryBuilder().delete().from(DeadlinePolicyEntity).execute();
      await manager.insert(DeadlinePolicyEntity, body.rules.map((r) => ({ ...r })));
    });
    await this.rules.refresh();
    return this.policy();
  }

  async calendar(year: number): Promise<CalendarYear> {
    assertYear(year);
    const days = await this.dataSource.getRepository(CalendarDayEntity).find({
      where: { date: Between(`${year}-01-01`, `${year}-12-31`) },
      order: { date: 'ASC' },
    });
    return { year, days: days.map((d) => ({ date: d.date, kind: d.kind, note: d.note })) };
  }

  /** Replaces the year's holidays and make-up working days. */
  async replaceCalendar(year: number, body: CalendarYearBodyDto): Promise<CalendarYear> {
    assertYear(year);
    const errors: Record<string, FieldErrorCode> = {};
    const seen = new Set<string>();
    body.days.forEach((day, index) => {
      if (!isCalendarDate(day.date) || !day.date.startsWith(`${year}-`)) errors[`days.${index}.date`] = FieldErrorCode.OutOfRange;
      else if (seen.has(day.date)) errors[`days.${index}.date`] = FieldErrorCode.Duplicate;
      seen.add(day.date);
    });
    if (Object.keys(errors).length > 0) throw DomainError.validation(errors);
    await this.dataSource.transaction(async (manager) => {
      await manager
        .createQueryBuilder()
        .delete()
        .from(CalendarDayEntity)
        .where('date BETWEEN :from AND :to', { from: `${year}-01-01`, to: `${year}-12-31` })
        .execute();
      if (body.days.length > 0) {
        await manager.insert(CalendarDayEntity, body.days.map((d) => ({ date: d.date, kind: d.kind, note: d.note ?? null })));
      }
    });
    await this.rules.refresh();
    return this.calendar(year);
  }
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < DEADLINE_LIMITS.calendarYearMin || year > DEADLINE_LIMITS.calendarYearMax) {
    throw DomainError.validation({ year: FieldErrorCode.OutOfRange });
  }
}

/** A real calendar date (no 2026-02-30). */
function isCalendarDate(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number);
  const parsed = new Date(Date.UTC(y, m - 1, d));
  return parsed.getUTCFullYear() === y && parsed.getUTCMonth() === m - 1 && parsed.getUTCDate() === d;
}
