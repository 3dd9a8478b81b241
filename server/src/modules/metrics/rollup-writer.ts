import type { EntityManager } from 'typeorm';
import { DEPARTMENT_COUNTERS, OUTCOME_COUNTERS, REQUEST_COUNTERS } from './domain/counters';
import type { RollupRows } from './domain/rollup-rows';

/**
 * Writes roll-up rows as additive upserts — one statement per table per change, whatever the number of rows:
 * MariaDB/MySQL/TiDB `INSERT … ON DUPLICATE KEY UPDATE c = c + VALUES(c)`, SQLite `INSERT … ON CONFLICT (…) DO
 * UPDATE SET c = c + excluded.c`. No triggers, procedures or row locks beyond the upsert's own. Rows are written in
 * key order, so concurrent writers lock the rows they share in the same order (no deadlock between them).
 */

export type Dialect = 'sqlite' | 'mysql';

export function dialectOf(manager: EntityManager): Dialect {
  return manager.connection.driver.options.type === 'better-sqlite3' ? 'sqlite' : 'mysql';
}

interface TableSpec {
  table: string;
  keys: readonly string[];
  /** columns written on insert only (functionally dependent on the key) */
  carried: readonly string[];
  counters: readonly string[];
}

const COUNTER_TABLE: TableSpec = {
  table: 'metric_counter',
  keys: ['grain', 'streetId', 'bucket', 'gridId', 'category', 'slot'],
  carried: ['communityId'],
  counters: REQUEST_COUNTERS,
};
const OUTCOME_TABLE: TableSpec = {
  table: 'metric_outcome',
  keys: ['grain', 'streetId', 'receivedBucket', 'outcomeBucket', 'gridId', 'category', 'slot'],
  carried: ['communityId'],
  counters: OUTCOME_COUNTERS,
};
const DEPARTMENT_TABLE: TableSpec = {
  table: 'metric_department_counter',
  keys: ['grain', 'streetId', 'bucket', 'departmentId', 'category', 'slot'],
  carried: [],
  counters: DEPARTMENT_COUNTERS,
};

const CHUNK = 400;

export async function writeRollups(manager: EntityManager, rows: RollupRows): Promise<void> {
  const dialect = dialectOf(manager);
  if (rows.counters.length > 0) await upsert(manager, dialect, COUNTER_TABLE, rows.counters as unknown as Row[]);
  if (rows.outcomes.length > 0) await upsert(manager, dialect, OUTCOME_TABLE, rows.outcomes as unknown as Row[]);
  if (rows.departments.length > 0) await upsert(manager, dialect, DEPARTMENT_TABLE, rows.departments as unknown as Row[]);
}

type Row = Record<string, unknown> & { values: Record<string, number | undefined> };

async function upsert(manager: EntityManager, dialect: Dialect, spec: TableSpec, rows: readonly Row[]): Promise<void> {
  const sorted = [...rows].sort((a, b) => compareKeys(spec.keys, a, b));
  for (let start = 0; start < sorted.length; start += CHUNK) {
    const chunk = sorted.slice(start, start + CHUNK);
    const used = spec.counters.filter((c) => chunk.some((row) => row.values[c]));
    if (used.length === 0) continue;
    const columns = [...spec.keys, ...spec.carried, ...used];
    const q = (name: string) => (dialect === 'mysql' ? `\`${name}\`` : `"${name}"`);
    const placeholders = `(${columns.map(() => '?').join(', ')})`;
    const params: unknown[] = [];
    for (const row of chunk) {
      for (const column of [...spec.keys, ...spec.carried]) params.push(row[column]);
      for (const column of used) params.push(row.values[column] ?? 0);
    }
    const head = `INSERT INTO ${q(spec.table)} (${columns.map(q).join(', ')}) VALUES ${chunk.map(() => placeholders).join(', ')}`;
    const tail =
      dialect === 'mysql'
        ? ` ON DUPLICATE KEY UPDATE ${used.map((c) => `${q(c)} = ${q(c)} + VALUES(${q(c)})`).join(', ')}`
        : ` ON CONFLICT (${spec.keys.map(q).join(', ')}) DO UPDATE SET ${used.map((c) => `${q(c)} = ${q(c)} + excluded.${q(c)}`).join(', ')}`;
    await manager.query(head + tail, params);
  }
}

function compareKeys(keys: readonly string[], a: Record<string, unknown>, b: Record<string, unknown>): number {
  for (const key of keys) {
    const x = a[key] as string | number;
    const y = b[key] as string | number;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

export const ROLLUP_TABLES = [COUNTER_TABLE.table, OUTCOME_TABLE.table, DEPARTMENT_TABLE.table];
