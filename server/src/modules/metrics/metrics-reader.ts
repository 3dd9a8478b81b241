import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DeadlineState, DeadlineUnitType, MetricsPeriod, RequestCategory } from '@gezhi/shared';
import { DataSource } from 'typeorm';
import { DEPARTMENT_COUNTERS, DepartmentCounters, OUTCOME_COUNTERS, OutcomeCounters, REQUEST_COUNTERS, RequestCounters, sumRows, zeros, addInto } from './domain/counters';
import { BucketRange, bucketPlan, OutcomeRange, outcomePlan } from './domain/period';
import { STREET_ROW } from './domain/rollup-rows';
import { dialectOf } from './rollup-writer';

/** Which rows of the request roll-ups a scope covers (exactly one of the three), optionally one category. */
export interface RequestFilter {
  streetId?: number;
  communityId?: number;
  gridIds?: number[];
  category?: RequestCategory | null;
}

/** Which rows of the department roll-up: one department, or every department of a street. */
export interface DepartmentFilter {
  departmentId?: number;
  streetId?: number;
  category?: RequestCategory | null;
}

export type RequestGroup = 'gridId' | 'communityId' | 'category' | 'bucket';
export type DepartmentGroup = 'departmentId' | 'category' | 'bucket';

/**
 * Sums of the roll-ups for a scope and a period (bucketPlan: whole months from month rows, the rest from day rows;
 * the trend reads week rows). Each range is one indexed range scan: (grain, streetId, bucket) is the primary key's
 * prefix; communities and grids use IDX_metric_*_community / _grid.
 */
@Injectable()
export class MetricsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async requestCounters(filter: RequestFilter, period: Pick<MetricsPeriod, 'from' | 'to'>, today: string): Promise<RequestCounters> {
    const groups = await this.requestCountersBy(filter, bucketPlan(period, today), null);
    return groups.get('') ?? zeros(REQUEST_COUNTERS);
  }

  async cohort(filter: RequestFilter, period: Pick<MetricsPeriod, 'from' | 'to'>, today: string): Promise<OutcomeCounters> {
    const groups = await this.cohortBy(filter, outcomePlan(period, today), null);
    return groups.get('') ?? zeros(OUTCOME_COUNTERS);
  }

  async departmentCounters(filter: DepartmentFilter, period: Pick<MetricsPeriod, 'from' | 'to'>, today: string): Promise<DepartmentCounters> {
    const groups = await this.departmentCountersBy(filter, bucketPlan(period, today), null);
    return groups.get('') ?? zeros(DEPARTMENT_COUNTERS);
  }

  /** Request counters summed per group (grid, community, category, or bucket — the trend passes week ranges). */
  async requestCountersBy(filter: RequestFilter, ranges: readonly BucketRange[], group: RequestGroup | null): Promise<Map<string, RequestCounters>> {
    const where = this.rollupWhere(filter, group);
    const results = await Promise.all(
      ranges.map((range) =>
        this.sum('metric_counter', REQUEST_COUNTERS, `grain = ? AND bucket BETWEEN ? AND ?${where.sql}`, [range.grain, range.from, range.to, ...where.params], group),
      ),
    );
    return combine(REQUEST_COUNTERS, results);
  }

  /** The 办结率 cohort per group. For the trend: week rows received and concluded in the same week, grouped by bucket. */
  async cohortBy(filter: RequestFilter, ranges: readonly OutcomeRange[], group: RequestGroup | null): Promise<Map<string, OutcomeCounters>> {
    const where = this.rollupWhere(filter, group);
    const column = group === 'bucket' ? 'receivedBucket' : group;
    const results = await Promise.all(
      ranges.map((range) =>
        this.sum(
          'metric_outcome',
          OUTCOME_COUNTERS,
          `grain = ? AND receivedBucket BETWEEN ? AND ? AND outcomeBucket <= ?${where.sql}`,
          [range.grain, range.receivedFrom, range.receivedTo, range.outcomeTo, ...where.params],
          column,
        ),
      ),
    );
    return combine(OUTCOME_COUNTERS, results);
  }

  async departmentCountersBy(filter: DepartmentFilter, ranges: readonly BucketRange[], group: DepartmentGroup | null): Promise<Map<string, DepartmentCounters>> {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (filter.departmentId !== undefined) {
      clauses.push('departmentId = ?');
      params.push(filter.departmentId);
    }
    if (filter.streetId !== undefined) {
      clauses.push('streetId = ?');
      params.push(filter.streetId);
    }
    if (filter.category) {
      clauses.push('category = ?');
      params.push(filter.category);
    }
    const extra = clauses.map((c) => ` AND ${c}`).join('');
    const results = await Promise.all(
      ranges.map((range) => this.sum('metric_department_counter', DEPARTMENT_COUNTERS, `grain = ? AND bucket BETWEEN ? AND ?${extra}`, [range.grain, range.from, range.to, ...params], group)),
    );
    return combine(DEPARTMENT_COUNTERS, results);
  }

  /**
   * 当前超时未办: items of the scope with a running clock past due (RED) right now, per group. Read live from
   * request_deadline (IDX_request_deadline_due: state first), joined to the request for the scope.
   */
  async openOverdueBy(filter: RequestFilter, group: 'gridId' | 'communityId' | 'category' | null): Promise<Map<string, number>> {
    const q = this.quote();
    const where = this.requestWhere(filter, 'r.');
    const select = group ? `r.${q(group)} AS ${q('g')}, ` : '';
    const rows: { g?: unknown; n: unknown }[] = await this.dataSource.query(
      `SELECT ${select}COUNT(DISTINCT d.requestId) AS n FROM ${q('request_deadline')} d JOIN ${q('request')} r ON r.id = d.requestId ` +
        `WHERE d.state = ?${where.sql}${group ? ` GROUP BY r.${q(group)}` : ''}`,
      [DeadlineState.Red, ...where.params],
    );
    return new Map(rows.map((row) => [group ? String(row.g) : '', Number(row.n)]));
  }

  /** 当前报到超时: a department's (or a street's departments') REPORT clocks RED right now. */
  async openOverdueOfDepartments(filter: DepartmentFilter, group: 'departmentId' | null): Promise<Map<string, number>> {
    const q = this.quote();
    const params: unknown[] = [DeadlineUnitType.Department, DeadlineState.Red];
    let join = '';
    let where = '';
    if (filter.departmentId !== undefined) {
      where += ' AND d.unitId = ?';
      params.push(filter.departmentId);
    }
    if (filter.streetId !== undefined) {
      join = ` JOIN ${q('department')} p ON p.id = d.unitId`;
      where += ' AND p.streetId = ?';
      params.push(filter.streetId);
    }
    if (filter.category) {
      join += ` JOIN ${q('request')} r ON r.id = d.requestId`;
      where += ' AND r.category = ?';
      params.push(filter.category);
    }
    const rows: { g?: unknown; n: unknown }[] = await this.dataSource.query(
      `SELECT ${group ? `d.unitId AS ${q('g')}, ` : ''}COUNT(*) AS n FROM ${q('request_deadline')} d${join} WHERE d.unitType = ? AND d.state = ?${where}${group ? ' GROUP BY d.unitId' : ''}`,
      params,
    );
    return new Map(rows.map((row) => [group ? String(row.g) : '', Number(row.n)]));
  }

  /**
   * The roll-up rows of a scope: a street reads its own rows (gridId = STREET_ROW) unless the sums are split by grid
   * or community, which read the grids' rows; communities and grids read grid rows.
   */
  private rollupWhere(filter: RequestFilter, group: RequestGroup | null): { sql: string; params: unknown[] } {
    const where = this.requestWhere(filter);
    if (filter.communityId !== undefined || filter.gridIds !== undefined) return where;
    const byUnit = group === 'gridId' || group === 'communityId';
    return { sql: `${where.sql} AND gridId ${byUnit ? '<>' : '='} ?`, params: [...where.params, STREET_ROW] };
  }

  private requestWhere(filter: RequestFilter, prefix = ''): { sql: string; params: unknown[] } {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (filter.streetId !== undefined) {
      clauses.push(`${prefix}streetId = ?`);
      params.push(filter.streetId);
    }
    if (filter.communityId !== undefined) {
      clauses.push(`${prefix}communityId = ?`);
      params.push(filter.communityId);
    }
    if (filter.gridIds !== undefined) {
      const ids = filter.gridIds.length > 0 ? filter.gridIds : [-1];
      clauses.push(`${prefix}gridId IN (${ids.map(() => '?').join(', ')})`);
      params.push(...ids);
    }
    if (filter.category) {
      clauses.push(`${prefix}category = ?`);
      params.push(filter.category);
    }
    return { sql: clauses.map((c) => ` AND ${c}`).join(''), params };
  }

  private async sum(table: string, counters: readonly string[], where: string, params: unknown[], group: string | null): Promise<Map<string, Record<string, number>>> {
    const q = this.quote();
    const sums = counters.map((c) => `SUM(${q(c)}) AS ${q(c)}`).join(', ');
    const groupSelect = group ? `${q(group)} AS ${q('g')}, ` : '';
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${groupSelect}${sums} FROM ${q(table)} WHERE ${where}${group ? ` GROUP BY ${q(group)}` : ''}`,
      params,
    );
    const result = new Map<string, Record<string, number>>();
    for (const row of rows) {
      if (!group && counters.every((c) => row[c] === null)) continue;
      result.set(group ? String(row.g) : '', sumRows(counters, [row as Record<string, unknown>]));
    }
    return result;
  }

  private quote(): (name: string) => string {
    return dialectOf(this.dataSource.manager) === 'mysql' ? (name) => `\`${name}\`` : (name) => `"${name}"`;
  }
}

function combine<N extends string>(names: readonly N[], parts: readonly Map<string, Record<string, number>>[]): Map<string, Record<N, number>> {
  const total = new Map<string, Record<N, number>>();
  for (const part of parts) {
    for (const [key, values] of part) {
      const into = total.get(key) ?? zeros(names);
      addInto(into, values as Partial<Record<N, number>>);
      total.set(key, into);
    }
  }
  return total;
}
