/**
 * Drafts of the slot forms (循环规则, 单次时段, 容量): checks with the server's limits and the request bodies.
 * Times are Asia/Shanghai (utils/service-schedule). Pure: no Taro, no React.
 */
import { RecurrenceKind, SERVICE_LIMITS, type CreateSlotBody, type RecurrenceRuleBody } from '@gezhi/shared';
import { shanghaiInstant } from '../../../utils/service-schedule';
import { fieldMapper } from './form-errors';

const L = SERVICE_LIMITS;

/** A capacity as typed, or why it is not one. `booked` places may not be taken away. */
export function capacityProblem(text: string, booked = 0): string | null {
  const value = text.trim();
  if (!value) return '请填写每场人数';
  if (!/^\d+$/.test(value)) return '请填写整数';
  const capacity = Number(value);
  if (capacity < booked) return `不能少于已预约的 ${booked} 人`;
  if (capacity < L.capacityMin || capacity > L.capacityMax) return `每场人数应在 ${L.capacityMin}–${L.capacityMax} 之间`;
  return null;
}

export interface RuleDraft {
  kind: RecurrenceKind;
  monthDays: number[];
  weekdays: number[];
  startTime: string;
  endTime: string;
  capacity: string;
  skipHolidays: boolean;
  /** '' = from today */
  validFrom: string;
  /** '' = open-ended */
  validUntil: string;
}

export type RuleField = 'kind' | 'days' | 'endTime' | 'startTime' | 'capacity' | 'validFrom' | 'validUntil';
export type RuleErrors = Partial<Record<RuleField, string>>;

export function emptyRuleDraft(): RuleDraft {
  return {
    kind: RecurrenceKind.Monthly,
    monthDays: [],
    weekdays: [],
    startTime: '08:30',
    endTime: '11:30',
    capacity: '',
    skipHolidays: true,
    validFrom: '',
    validUntil: '',
  };
}

export function validateRuleDraft(draft: RuleDraft): RuleErrors {
  const errors: RuleErrors = {};
  if (draft.kind === RecurrenceKind.Monthly && draft.monthDays.length === 0) errors.days = '请选择每月的日期';
  if (draft.kind === RecurrenceKind.Weekly && draft.weekdays.length === 0) errors.days = '请选择每周的星期';
  if (draft.endTime <= draft.startTime) errors.endTime = '结束时间应晚于开始时间';
  const capacity = capacityProblem(draft.capacity);
  if (capacity) errors.capacity = capacity;
  if (draft.validFrom && draft.validUntil && draft.validUntil < draft.validFrom) errors.validUntil = '截止日期不能早于开始日期';
  return errors;
}

/** POST /api/services/:id/recurrences: only the kind's own days; open dates are left out. */
export function ruleBody(draft: RuleDraft): RecurrenceRuleBody {
  const body: RecurrenceRuleBody = {
    kind: draft.kind,
    startTime: draft.startTime,
    endTime: draft.endTime,
    capacity: Number(draft.capacity),
    skipHolidays: draft.skipHolidays,
  };
  if (draft.kind === RecurrenceKind.Monthly) body.monthDays = [...draft.monthDays].sort((a, b) => a - b);
  else body.weekdays = [...draft.weekdays].sort((a, b) => a - b);
  if (draft.validFrom) body.validFrom = draft.validFrom;
  if (draft.validUntil) body.validUntil = draft.validUntil;
  return body;
}

export const ruleFieldOf = fieldMapper<RuleField>({
  kind: 'kind',
  monthDays: 'days',
  weekdays: 'days',
  startTime: 'startTime',
  endTime: 'endTime',
  capacity: 'capacity',
  validFrom: 'validFrom',
  validUntil: 'validUntil',
});

export interface OneOffDraft {
  /** local date YYYY-MM-DD */
  date: string;
  /** local time HH:MM */
  time: string;
  capacity: string;
}

export type OneOffField = 'startsAt' | 'capacity';

export function validateOneOffDraft(draft: OneOffDraft, now: Date = new Date()): Partial<Record<OneOffField, string>> {
  const errors: Partial<Record<OneOffField, string>> = {};
  const startsAt = shanghaiInstant(draft.date, draft.time);
  if (!startsAt) errors.startsAt = '请选择日期和时间';
  else if (new Date(startsAt).getTime() <= now.getTime()) errors.startsAt = '开始时间应晚于现在';
  const capacity = capacityProblem(draft.capacity);
  if (capacity) errors.capacity = capacity;
  return errors;
}

export function oneOffBody(draft: OneOffDraft): CreateSlotBody {
  return { startsAt: shanghaiInstant(draft.date, draft.time) as string, capacity: Number(draft.capacity) };
}

export const oneOffFieldOf = fieldMapper<OneOffField>({ startsAt: 'startsAt', capacity: 'capacity' });
