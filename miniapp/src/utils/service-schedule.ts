/**
 * Readable service schedules: recurring rules (「每月 9、19、29 日 08:30–11:30，每场 20 人，节假日不开放」) and
 * slot times. Times are Asia/Shanghai like the server's rules, whatever the device's time zone (the day and time
 * arithmetic is @gezhi/shared's shanghai-time, as on the server).
 * Pure: no Taro, no React.
 */
import { parseBeijing, RecurrenceKind, shanghaiTimeOf, shanghaiWallClock, type RecurrenceRuleBody } from '@gezhi/shared';

/** ISO weekday 1–7 → 一 … 日 */
export const WEEKDAY_NAMES: Record<number, string> = { 1: '一', 2: '二', 3: '三', 4: '四', 5: '五', 6: '六', 7: '日' };

/** Sorted, de-duplicated runs of consecutive numbers: [1,2,3,5] → [[1,3],[5,5]]. */
function runs(values: readonly number[]): Array<[number, number]> {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const result: Array<[number, number]> = [];
  for (const value of sorted) {
    const last = result[result.length - 1];
    if (last && value === last[1] + 1) last[1] = value;
    else result.push([value, value]);
  }
  return result;
}

/** 1,2,3,4,5 → 一至五; 6,7 → 六、日; 1,3,5 → 一、三、五 (three or more in a row read as a range) */
export function describeWeekdays(weekdays: readonly number[]): string {
  const all = runs(weekdays);
  if (all.length === 1 && all[0][0] === 1 && all[0][1] === 7) return '每天';
  const parts = all.flatMap(([from, to]) => {
    if (to - from >= 2) return [`${WEEKDAY_NAMES[from]}至${WEEKDAY_NAMES[to]}`];
    return from === to ? [WEEKDAY_NAMES[from]] : [WEEKDAY_NAMES[from], WEEKDAY_NAMES[to]];
  });
  return `每周${parts.join('、')}`;
}

/** 9,19,29 → 每月 9、19、29 日; 1,2,3,4,5 → 每月 1–5 日 */
export function describeMonthDays(monthDays: readonly number[]): string {
  const parts = runs(monthDays).flatMap(([from, to]) => {
    if (to - from >= 2) return [`${from}–${to}`];
    return from === to ? [String(from)] : [String(from), String(to)];
  });
  return `每月 ${parts.join('、')} 日`;
}

export type RuleSchedule = Pick<RecurrenceRuleBody, 'kind' | 'monthDays' | 'weekdays' | 'startTime' | 'endTime' | 'capacity' | 'skipHolidays'>;

/** 「每月 9、19、29 日 08:30–11:30，每场 20 人，节假日不开放」 / 「每周一至五 18:30–20:30，每场 10 人」 */
export function describeRecurrence(rule: RuleSchedule): string {
  const days = rule.kind === RecurrenceKind.Monthly ? describeMonthDays(rule.monthDays ?? []) : describeWeekdays(rule.weekdays ?? []);
  const parts = [`${days} ${rule.startTime}–${rule.endTime}`, `每场 ${rule.capacity} 人`];
  if (rule.skipHolidays) parts.push('节假日不开放');
  return parts.join('，');
}

/** 「2026-12-01 至 2027-06-30 有效」 / 「2026-12-01 起长期有效」 */
export function describeValidity(rule: { validFrom?: string | null; validUntil?: string | null }): string {
  if (rule.validFrom && rule.validUntil) return `${rule.validFrom} 至 ${rule.validUntil} 有效`;
  if (rule.validFrom) return `${rule.validFrom} 起长期有效`;
  if (rule.validUntil) return `有效期至 ${rule.validUntil}`;
  return '长期有效';
}

/** The ISO instant of a local date "YYYY-MM-DD" and time "HH:MM" in Asia/Shanghai (a form's two fields); null when either is malformed. */
export function shanghaiInstant(date: string, time: string): string | null {
  if (!/^\d{2}:\d{2}$/.test(time)) return null;
  return parseBeijing(`${date} ${time}`)?.toISOString() ?? null;
}

/** 「12月9日 周三 08:30–11:30」 for a slot (Asia/Shanghai). */
export function describeSlotTime(slot: { startsAt: string; endsAt: string }): string {
  const local = shanghaiWallClock(slot.startsAt);
  const weekday = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 周${WEEKDAY_NAMES[weekday]} ${shanghaiTimeOf(slot.startsAt)}–${shanghaiTimeOf(slot.endsAt)}`;
}
