import { MetricsPeriod } from '@gezhi/shared';
import { DEPARTMENT_COUNTERS, DepartmentCounters, OUTCOME_COUNTERS, OutcomeCounters, REQUEST_COUNTERS, RequestCounters, zeros, addInto } from './counters';
import { bucketPlan, outcomePlan } from './period';
import type { CounterRow, DepartmentRow, OutcomeRow } from './rollup-rows';

/**
 * Adding up a period from roll-up rows held in memory — exactly what the SQL reader does with WHERE clauses over
 * the same plan (bucketPlan / outcomePlan). Used by the unit tests to check definitions end to end, and by the
 * recomputation's self-check.
 */
export function sumRequestCounters(rows: readonly CounterRow[], period: Pick<MetricsPeriod, 'from' | 'to'>, today: string, filter: (row: CounterRow) => boolean = () => true): RequestCounters {
  const total = zeros(REQUEST_COUNTERS);
  for (const range of bucketPlan(period, today)) {
    for (const row of rows) {
      if (row.grain === range.grain && row.bucket >= range.from && row.bucket <= range.to && filter(row)) addInto(total, row.values);
    }
  }
  return total;
}

export function sumCohort(rows: readonly OutcomeRow[], period: Pick<MetricsPeriod, 'from' | 'to'>, today: string, filter: (row: OutcomeRow) => boolean = () => true): OutcomeCounters {
  const total = zeros(OUTCOME_COUNTERS);
  for (const range of outcomePlan(period, today)) {
    for (const row of rows) {
      if (
        row.grain === range.grain &&
        row.receivedBucket >= range.receivedFrom &&
        row.receivedBucket <= range.receivedTo &&
        row.outcomeBucket <= range.outcomeTo &&
        filter(row)
      ) {
        addInto(total, row.values);
      }
    }
  }
  return total;
}

export function sumDepartmentCounters(
  rows: readonly DepartmentRow[],
  period: Pick<MetricsPeriod, 'from' | 'to'>,
  today: string,
  filter: (row: DepartmentRow) => boolean = () => true,
): DepartmentCounters {
  const total = zeros(DEPARTMENT_COUNTERS);
  for (const range of bucketPlan(period, today)) {
    for (const row of rows) {
      if (row.grain === range.grain && row.bucket >= range.from && row.bucket <= range.to && filter(row)) addInto(total, row.values);
    }
  }
  return total;
}
