import {
  addDays,
  daysBetween,
  FieldErrorCode,
  isCalendarDay,
  isCalendarMonth,
  METRICS_LIMITS,
  MetricsPeriod,
  MetricsPeriodQuery,
  monthEndOf,
  monthStartOf,
  weekStartOf,
} from '@gezhi/shared';

export type PeriodResult = { period: MetricsPeriod } | { errors: Record<string, FieldErrorCode> };

/**
 * The period of a query: `month` (YYYY-MM), or `from` + `to` (inclusive), or neither (the current month up to
 * today). Field errors for anything else; the range is at most METRICS_LIMITS.maxPeriodDays days.
 */
export function resolvePeriod(query: MetricsPeriodQuery, today: string): PeriodResult {
  const errors: Record<string, FieldErrorCode> = {};
  if (query.month !== undefined) {
    if (query.from !== undefined) errors.from = FieldErrorCode.UnknownField;
    if (query.to !== undefined) errors.to = FieldErrorCode.UnknownField;
    if (!isCalendarMonth(query.month) || `${query.month}-01` < METRICS_LIMITS.minDate) errors.month = FieldErrorCode.InvalidFormat;
    if (Object.keys(errors).length > 0) return { errors };
    const from = `${query.month}-01`;
    return { period: periodOf(from, monthEndOf(from), monthLabel(from)) };
  }
  if (query.from === undefined && query.to === undefined) {
    const from = monthStartOf(today);
    return { period: periodOf(from, monthEndOf(from), monthLabel(from)) };
  }
  if (query.from === undefined) errors.from = FieldErrorCode.Required;
  else if (!isCalendarDay(query.from) || query.from < METRICS_LIMITS.minDate) errors.from = FieldErrorCode.InvalidFormat;
  if (query.to === undefined) errors.to = FieldErrorCode.Required;
  else if (!isCalendarDay(query.to) || query.to < METRICS_LIMITS.minDate) errors.to = FieldErrorCode.InvalidFormat;
  if (Object.keys(errors).length > 0) return { errors };
  const from = query.from as string;
  const to = query.to as string;
  if (to < from) return { errors: { to: FieldErrorCode.OutOfRange } };
  if (daysBetween(from, to) + 1 > METRICS_LIMITS.maxPeriodDays) return { errors: { to: FieldErrorCode.OutOfRange } };
  const label = from === monthStartOf(from) && to === monthEndOf(from) ? monthLabel(from) : `${from} 至 ${to}`;
  return { period: periodOf(from, to, label) };
}

/** A whole month as a period. */
export function monthPeriod(month: string): MetricsPeriod {
  const from = `${month}-01`;
  return periodOf(from, monthEndOf(from), monthLabel(from));
}

function periodOf(from: string, to: string, label: string): MetricsPeriod {
  return { from, to, label, days: daysBetween(from, to) + 1 };
}

function monthLabel(day: string): string {
  return `${day.slice(0, 4)}年${Number(day.slice(5, 7))}月`;
}

/** Inclusive ranges of bucket names of one grain. */
export interface BucketRange {
  grain: 'D' | 'W' | 'M';
  from: string;
  to: string;
}

/**
 * How to add up a period from the roll-ups, exactly: the months it covers whole as M buckets; in what is left, the
 * Monday–Sunday weeks it covers whole as W buckets; the rest as D buckets. A month counts as whole when the period
 * covers it up to its last day, or up to today (nothing later has happened yet).
 */
export function bucketPlan(period: Pick<MetricsPeriod, 'from' | 'to'>, today: string): BucketRange[] {
  return monthPlan(period, today).flatMap((range) => (range.grain === 'D' ? weekPlan(range) : [range]));
}

/** A day range as its whole weeks (W) and the days before and after them (D). */
function weekPlan(range: BucketRange): BucketRange[] {
  const firstMonday = weekStartOf(range.from) === range.from ? range.from : addDays(weekStartOf(range.from), 7);
  const lastMonday = addDays(weekStartOf(addDays(range.to, 1)), -7);
  if (firstMonday > lastMonday) return [range];
  const ranges: BucketRange[] = [];
  if (firstMonday > range.from) ranges.push({ grain: 'D', from: range.from, to: addDays(firstMonday, -1) });
  ranges.push({ grain: 'W', from: firstMonday, to: lastMonday });
  const afterWeeks = addDays(lastMonday, 7);
  if (afterWeeks <= range.to) ranges.push({ grain: 'D', from: afterWeeks, to: range.to });
  return ranges;
}

function monthPlan(period: Pick<MetricsPeriod, 'from' | 'to'>, today: string): BucketRange[] {
  const ranges: BucketRange[] = [];
  let day = period.from;
  let firstWholeMonth: string | null = null;
  let lastWholeMonth: string | null = null;
  let pendingDays: string | null = null;
  const flushDays = (until: string) => {
    if (pendingDays !== null) ranges.push({ grain: 'D', from: pendingDays, to: until });
    pendingDays = null;
  };
  while (day <= period.to) {
    const start = monthStartOf(day);
    const end = monthEndOf(day);
    const coversToEnd = period.to >= end || period.to >= today;
    if (day === start && coversToEnd) {
      flushDays(addDays(day, -1));
      firstWholeMonth ??= start;
      lastWholeMonth = start;
      day = addDays(end, 1);
      continue;
    }
    if (lastWholeMonth !== null) {
      ranges.push({ grain: 'M', from: firstWholeMonth as string, to: lastWholeMonth });
      firstWholeMonth = lastWholeMonth = null;
    }
    pendingDays ??= day;
    const stop = period.to < end ? period.to : end;
    day = addDays(stop, 1);
  }
  if (lastWholeMonth !== null) ranges.push({ grain: 'M', from: firstWholeMonth as string, to: lastWholeMonth });
  flushDays(period.to);
  return ranges;
}

/**
 * How to count 办结率 (items received in the period, concluded by its end) from the outcome roll-ups: received
 * buckets and the last outcome bucket to include. Whole months as M × M when the period ends at a month's end (or
 * today); otherwise every received day as D × D with outcomes up to the period's last day.
 */
export interface OutcomeRange {
  grain: 'D' | 'W' | 'M';
  receivedFrom: string;
  receivedTo: string;
  outcomeTo: string;
}

export function outcomePlan(period: Pick<MetricsPeriod, 'from' | 'to'>, today: string): OutcomeRange[] {
  const endsWhole = period.to >= monthEndOf(period.to) || period.to >= today;
  if (!endsWhole) return [{ grain: 'D', receivedFrom: period.from, receivedTo: period.to, outcomeTo: period.to }];
  return monthPlan(period, today).map((range) => ({
    grain: range.grain,
    receivedFrom: range.from,
    receivedTo: range.to,
    outcomeTo: range.grain === 'M' ? monthStartOf(period.to) : period.to,
  }));
}

/** The Monday-to-Sunday weeks covering a period (the first may start before it, the last end after it). */
export function weeksOf(period: Pick<MetricsPeriod, 'from' | 'to'>): { weekStart: string; weekEnd: string }[] {
  const weeks: { weekStart: string; weekEnd: string }[] = [];
  for (let start = weekStartOf(period.from); start <= period.to; start = addDays(start, 7)) {
    weeks.push({ weekStart: start, weekEnd: addDays(start, 6) });
  }
  return weeks;
}

/** The default trend period: the last `weeks` whole weeks up to and including the current one. */
export function trailingWeeks(today: string, weeks: number): { from: string; to: string } {
  const thisWeek = weekStartOf(today);
  return { from: addDays(thisWeek, -7 * (weeks - 1)), to: addDays(thisWeek, 6) };
}
