import type { RequestCategory } from '@gezhi/shared';
import { EntityManager, In } from 'typeorm';
import { AssignmentEnd, AssignmentFacts, Conclusion, Decision, ItemFacts, slotOf } from './domain/item-facts';
import { MetricAssignmentEntity, MetricItemEntity } from './metrics.entities';
import { dialectOf } from './rollup-writer';

/**
 * Reading and writing the per-item and per-assignment facts inside the caller's transaction.
 *
 * Reads are current: the rows are first touched (`UPDATE … SET version = version + 1 WHERE id IN (…)`), which takes
 * their row locks and makes the following SELECT see the latest committed version plus this transaction's own
 * change (a plain SELECT could see an older snapshot). Writes are one multi-row upsert.
 */

export async function loadItemFacts(manager: EntityManager, requestIds: readonly number[]): Promise<Map<number, ItemFacts>> {
  const ids = [...new Set(requestIds)];
  if (ids.length === 0) return new Map();
  await manager.createQueryBuilder().update(MetricItemEntity).set({ version: () => 'version + 1' }).where({ requestId: In(ids) }).execute();
  const rows = await manager.find(MetricItemEntity, { where: { requestId: In(ids) } });
  return new Map(rows.map((row) => [row.requestId, itemFactsOf(row)]));
}

export async function saveItemFacts(manager: EntityManager, facts: readonly ItemFacts[]): Promise<void> {
  await upsertRows(manager, 'metric_item', 'requestId', facts.map(itemRowOf) as unknown as Record<string, unknown>[]);
}

export async function loadAssignmentFacts(manager: EntityManager, where: { assignmentIds?: readonly number[]; requestIds?: readonly number[] }): Promise<AssignmentFacts[]> {
  const condition = where.assignmentIds ? { assignmentId: In([...where.assignmentIds]) } : { requestId: In([...(where.requestIds ?? [])]) };
  if ((where.assignmentIds ?? where.requestIds ?? []).length === 0) return [];
  await manager.createQueryBuilder().update(MetricAssignmentEntity).set({ version: () => 'version + 1' }).where(condition).execute();
  const rows = await manager.find(MetricAssignmentEntity, { where: condition });
  return rows.map(assignmentFactsOf);
}

export async function saveAssignmentFacts(manager: EntityManager, facts: readonly AssignmentFacts[]): Promise<void> {
  await upsertRows(manager, 'metric_assignment', 'assignmentId', facts.map(assignmentRowOf) as unknown as Record<string, unknown>[]);
}

/**
 * Multi-row upsert of whole rows (every column replaced), 500 rows a statement. Dates are written as the drivers store
 * DATETIME: UTC 'YYYY-MM-DD HH:MM:SS' on MariaDB/MySQL (the connection's time zone is UTC), with '.mmm' on SQLite.
 */
async function upsertRows(manager: EntityManager, table: string, key: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const dialect = dialectOf(manager);
  const q = (name: string) => (dialect === 'mysql' ? `\`${name}\`` : `"${name}"`);
  const columns = Object.keys(rows[0]);
  const value = (v: unknown) => {
    if (v instanceof Date) return dialect === 'mysql' ? v.toISOString().slice(0, 19).replace('T', ' ') : v.toISOString().slice(0, 23).replace('T', ' ');
    if (typeof v === 'boolean') return v ? 1 : 0;
    return v;
  };
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  const updates = columns.filter((c) => c !== key);
  const tail =
    dialect === 'mysql'
      ? ` ON DUPLICATE KEY UPDATE ${updates.map((c) => `${q(c)} = VALUES(${q(c)})`).join(', ')}`
      : ` ON CONFLICT (${q(key)}) DO UPDATE SET ${updates.map((c) => `${q(c)} = excluded.${q(c)}`).join(', ')}`;
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const params: unknown[] = [];
    for (const row of chunk) for (const c of columns) params.push(value(row[c]));
    await manager.query(`INSERT INTO ${q(table)} (${columns.map(q).join(', ')}) VALUES ${chunk.map(() => placeholders).join(', ')}${tail}`, params);
  }
}

export function itemFactsOf(row: MetricItemEntity): ItemFacts {
  return {
    requestId: row.requestId,
    scope: { streetId: row.streetId, communityId: row.communityId, gridId: row.gridId, category: row.category as RequestCategory, slot: slotOf(row.requestId) },
    receivedAt: row.receivedAt,
    responseState: row.responseState as Decision,
    responseAt: row.responseAt,
    resolveState: row.resolveState as Decision,
    resolveAt: row.resolveAt,
    firstResolvedAt: row.firstResolvedAt,
    handlingMinutes: row.handlingMinutes,
    conclusion: row.conclusion as Conclusion | null,
    concludedAt: row.concludedAt,
  };
}

export function itemRowOf(facts: ItemFacts): MetricItemEntity {
  return {
    requestId: facts.requestId,
    streetId: facts.scope.streetId,
    communityId: facts.scope.communityId,
    gridId: facts.scope.gridId,
    category: facts.scope.category,
    receivedAt: facts.receivedAt,
    responseState: facts.responseState,
    responseAt: facts.responseAt,
    resolveState: facts.resolveState,
    resolveAt: facts.resolveAt,
    firstResolvedAt: facts.firstResolvedAt,
    handlingMinutes: facts.handlingMinutes,
    conclusion: facts.conclusion,
    concludedAt: facts.concludedAt,
    version: 1,
  };
}

export function assignmentFactsOf(row: MetricAssignmentEntity): AssignmentFacts {
  return {
    assignmentId: row.assignmentId,
    requestId: row.requestId,
    departmentId: row.departmentId,
    lead: Boolean(row.lead),
    scope: { streetId: row.streetId, departmentId: row.departmentId, category: row.category as RequestCategory, slot: slotOf(row.requestId) },
    notifiedAt: row.notifiedAt,
    reportState: row.reportState as Decision,
    reportAt: row.reportAt,
    endKind: row.endKind as AssignmentEnd | null,
    endAt: row.endAt,
  };
}

export function assignmentRowOf(facts: AssignmentFacts): MetricAssignmentEntity {
  return {
    assignmentId: facts.assignmentId,
    requestId: facts.requestId,
    departmentId: facts.departmentId,
    streetId: facts.scope.streetId,
    category: facts.scope.category,
    lead: facts.lead,
    notifiedAt: facts.notifiedAt,
    reportState: facts.reportState,
    reportAt: facts.reportAt,
    endKind: facts.endKind,
    endAt: facts.endAt,
    version: 1,
  };
}

/** Whether two facts are the same in everything stored (dates by instant, the scope by its fields). */
export function sameFacts<T extends object>(a: T, b: T): boolean {
  for (const key of Object.keys(a) as (keyof T)[]) {
    const x = a[key] as unknown;
    const y = b[key] as unknown;
    if (x === y) continue;
    if (x instanceof Date && y instanceof Date) {
      if (x.getTime() !== y.getTime()) return false;
      continue;
    }
    if (x && y && typeof x === 'object' && typeof y === 'object') {
      if (!sameFacts(x, y)) return false;
      continue;
    }
    return false;
  }
  return true;
}
