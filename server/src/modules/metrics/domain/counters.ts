import { HANDLING_TIME_BUCKETS_HOURS } from '@gezhi/shared';

/** Histogram columns of handling time: h0 … h14 (HANDLING_TIME_BUCKETS_HOURS + an open-ended last bucket). */
export const HISTOGRAM_COLUMNS = Array.from({ length: HANDLING_TIME_BUCKETS_HOURS.length + 1 }, (_, i) => `h${i}`) as readonly string[];

/**
 * The additive counters of the request roll-up (`metric_counter`), one column each. Every one is a count of events
 * (or a sum over them) on a day; docs/metrics.md says which event each counts.
 */
export const REQUEST_COUNTERS = [
  'received',
  'cancelled',
  'rejected',
  'resolvedFirst',
  'resolutions',
  'responseDecided',
  'responseOnTime',
  'resolveDecided',
  'resolveOnTime',
  'rated',
  'satisfied',
  'reopened',
  'speedSum',
  'effectSum',
  'attitudeSum',
  'ratedReturnVisit',
  'satisfiedReturnVisit',
  'closedUnrated',
  'handlingMinutes',
  'whistled',
  'missedAccept',
  'missedFirstResponse',
  'missedResolve',
  'missedReport',
  ...HISTOGRAM_COLUMNS,
] as const;

export type RequestCounterName = (typeof REQUEST_COUNTERS)[number];
export type RequestCounters = Record<RequestCounterName, number>;

/** The cohort roll-up (`metric_outcome`): items received in one bucket and concluded in another, by how. */
export const OUTCOME_COUNTERS = ['resolved', 'cancelled', 'rejected'] as const;
export type OutcomeKind = (typeof OUTCOME_COUNTERS)[number];
export type OutcomeCounters = Record<OutcomeKind, number>;

/** The department roll-up (`metric_department_counter`). */
export const DEPARTMENT_COUNTERS = [
  'assigned',
  'assignedLead',
  'reported',
  'reportDecided',
  'reportOnTime',
  'reportMissed',
  'ended',
  'returned',
  'resolvedAsLead',
  'rated',
  'satisfied',
  'reopened',
  'speedSum',
  'effectSum',
  'attitudeSum',
] as const;

export type DepartmentCounterName = (typeof DEPARTMENT_COUNTERS)[number];
export type DepartmentCounters = Record<DepartmentCounterName, number>;

export function zeros<N extends string>(names: readonly N[]): Record<N, number> {
  return Object.fromEntries(names.map((n) => [n, 0])) as Record<N, number>;
}

/** target += delta, column by column (missing columns are 0). */
export function addInto<N extends string>(target: Record<N, number>, delta: Partial<Record<N, number>>): Record<N, number> {
  for (const [name, value] of Object.entries(delta) as [N, number | undefined][]) {
    if (value) target[name] = (target[name] ?? 0) + value;
  }
  return target;
}

/** Sums rows of counters (as read from the database, possibly as strings) into one record. */
export function sumRows<N extends string>(names: readonly N[], rows: readonly Partial<Record<N, unknown>>[]): Record<N, number> {
  const total = zeros(names);
  for (const row of rows) for (const name of names) total[name] += Number(row[name] ?? 0);
  return total;
}
