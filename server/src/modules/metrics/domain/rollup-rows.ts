import type { RequestCategory } from '@gezhi/shared';
import type { DepartmentCounterName, OutcomeKind, RequestCounterName } from './counters';
import type { Deltas } from './item-facts';
import { bucketsOf, Grain, GRAINS } from './local-time';

/**
 * Deltas → roll-up rows: each delta adds to its day, its week (Monday) and its month, aggregated by key so that one
 * change is one multi-row upsert per table. Request deltas are added twice: to their grid's row and to the street's
 * row (gridId = communityId = STREET_ROW, same category), so a street's numbers are read from a few rows per bucket
 * instead of one per grid. The cohort rows (outcomes) pair the bucket the item was received in with
 * the bucket it concluded in, per grain; weekly cohort rows are kept only within one week (the trend asks for
 * "received and concluded in the same week" only).
 */

/** The gridId (and communityId) of a street's own rows in metric_counter / metric_outcome. */
export const STREET_ROW = 0;

export interface CounterRow {
  grain: Grain;
  bucket: string;
  streetId: number;
  communityId: number;
  gridId: number;
  category: RequestCategory;
  slot: number;
  values: Partial<Record<RequestCounterName, number>>;
}

export interface OutcomeRow {
  grain: Grain;
  receivedBucket: string;
  outcomeBucket: string;
  streetId: number;
  communityId: number;
  gridId: number;
  category: RequestCategory;
  slot: number;
  values: Partial<Record<OutcomeKind, number>>;
}

export interface DepartmentRow {
  grain: Grain;
  bucket: string;
  streetId: number;
  departmentId: number;
  category: RequestCategory;
  slot: number;
  values: Partial<Record<DepartmentCounterName, number>>;
}

export interface RollupRows {
  counters: CounterRow[];
  outcomes: OutcomeRow[];
  departments: DepartmentRow[];
}

export function rollupRows(deltas: Deltas): RollupRows {
  const counters = new Map<string, CounterRow>();
  const outcomes = new Map<string, OutcomeRow>();
  const departments = new Map<string, DepartmentRow>();
  for (const delta of deltas.requests) {
    const buckets = bucketsOf(delta.at);
    for (const grain of GRAINS) {
      for (const [communityId, gridId] of unitsOf(delta.scope)) {
        const { streetId, category, slot } = delta.scope;
        const key = `${grain}|${buckets[grain]}|${streetId}|${gridId}|${category}|${slot}`;
        const row = counters.get(key) ?? { grain, bucket: buckets[grain], streetId, communityId, gridId, category, slot, values: {} };
        addValues(row.values, delta.values);
        counters.set(key, row);
      }
    }
  }
  for (const delta of deltas.outcomes) {
    const received = bucketsOf(delta.receivedAt);
    const concluded = bucketsOf(delta.at);
    for (const grain of GRAINS) {
      if (grain === 'W' && received.W !== concluded.W) continue;
      for (const [communityId, gridId] of unitsOf(delta.scope)) {
        const { streetId, category, slot } = delta.scope;
        const key = `${grain}|${received[grain]}|${concluded[grain]}|${streetId}|${gridId}|${category}|${slot}`;
        const row = outcomes.get(key) ?? {
          grain,
          receivedBucket: received[grain],
          outcomeBucket: concluded[grain],
          streetId,
          communityId,
          gridId,
          category,
          slot,
          values: {},
        };
        addValues(row.values, { [delta.kind]: 1 });
        outcomes.set(key, row);
      }
    }
  }
  for (const delta of deltas.departments) {
    const buckets = bucketsOf(delta.at);
    for (const grain of GRAINS) {
      const { streetId, departmentId, category, slot } = delta.scope;
      const key = `${grain}|${buckets[grain]}|${departmentId}|${category}|${slot}`;
      const row = departments.get(key) ?? { grain, bucket: buckets[grain], streetId, departmentId, category, slot, values: {} };
      addValues(row.values, delta.values);
      departments.set(key, row);
    }
  }
  return {
    counters: [...counters.values()].filter(hasValues),
    outcomes: [...outcomes.values()].filter(hasValues),
    departments: [...departments.values()].filter(hasValues),
  };
}

/** The rows a request delta adds to: its grid's, and its street's. */
function unitsOf(scope: { communityId: number; gridId: number }): [number, number][] {
  return [
    [scope.communityId, scope.gridId],
    [STREET_ROW, STREET_ROW],
  ];
}

function addValues(target: Record<string, number | undefined>, values: Record<string, number | undefined>): void {
  for (const [name, value] of Object.entries(values)) {
    if (value) target[name] = (target[name] ?? 0) + value;
  }
}

function hasValues(row: { values: Record<string, number | undefined> }): boolean {
  return Object.values(row.values).some((v) => v !== undefined && v !== 0);
}
