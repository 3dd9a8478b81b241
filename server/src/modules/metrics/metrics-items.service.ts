import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addDays,
  categoryLabel,
  DEADLINE_KIND_LABELS,
  DeadlineKind,
  FieldErrorCode,
  ItemCountKey,
  LIMITS,
  MetricsItem,
  MetricsItemsPage,
  MetricsItemsQuery,
  MetricsScopeKind,
  PAGE_COUNT_CAP,
  RateKey,
  RequestCategory,
  RequestStatus,
  shanghaiDayStart,
} from '@gezhi/shared';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { anonymise } from '../board/domain/anonymise';
import { excerpt, formatSerial, reporterNameFor } from '../requests/domain/request-presentation';
import type { User } from '../users/user.entity';
import { dialectOf } from './rollup-writer';
import { toDate } from './metrics-recompute';
import { CheckedScope, MetricsService } from './metrics.service';

type SetKey = { rate: RateKey } | { count: ItemCountKey };

/** Which rates / counts make sense for a scope kind (department numbers vs request numbers). */
const DEPARTMENT_SETS = new Set<string>(['rate:reportOnTime', 'rate:return', 'rate:satisfaction', 'rate:reopen', 'count:rated', 'count:reopened', 'count:overdue', 'count:whistled', 'count:returned']);
const STREET_ONLY_SETS = new Set<string>(['rate:reportOnTime', 'rate:return', 'count:returned']);

interface SetQuery {
  from: string;
  where: string[];
  params: unknown[];
  countedAt: string;
  /** the row's own id column, so that ORDER BY countedAt DESC, id DESC can walk the (scope, countedAt) index backwards */
  idColumn: string;
  hit: string | null;
  extra: string;
}

/**
 * GET /api/metrics/items: the items behind a number — the denominator of a rate (each marked hit or miss) or the
 * items of a count — for the same scope, period and category as the number, newest first, paginated. Personal
 * data is masked: the reporter by the one rule of shared/privacy.ts (宋**, whatever `showNamePublicly` says), the
 * excerpt anonymised like the board's and the monthly report's (phones, ids, rooms, the reporter's name).
 */
@Injectable()
export class MetricsItemsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metrics: MetricsService,
  ) {}

  async items(viewer: User, query: MetricsItemsQuery): Promise<MetricsItemsPage> {
    if (query.rate === undefined && query.count === undefined) throw DomainError.validation({ rate: FieldErrorCode.Required });
    if (query.rate !== undefined && query.count !== undefined) throw DomainError.validation({ count: FieldErrorCode.OutOfRange });
    if (query.outcome !== undefined && query.rate === undefined) throw DomainError.validation({ outcome: FieldErrorCode.OutOfRange });
    const checked = await this.metrics.checkedScope(viewer, query);
    const period = this.metrics.periodOf(query);
    const set: SetKey = query.rate !== undefined ? { rate: query.rate } : { count: query.count as ItemCountKey };
    const name = 'rate' in set ? `rate:${set.rate}` : `count:${set.count}`;
    const kind = checked.scope.kind;
    const fits = kind === MetricsScopeKind.Department ? DEPARTMENT_SETS.has(name) : kind === MetricsScopeKind.Street || !STREET_ONLY_SETS.has(name);
    if (!fits) throw DomainError.validation({ ['rate' in set ? 'rate' : 'count']: FieldErrorCode.OutOfRange });

    const start = sqlTime(shanghaiDayStart(period.from));
    const end = sqlTime(shanghaiDayStart(addDays(period.to, 1)));
    const q = this.quoter();
    const spec = this.setQuery(checked, set, start, end);
    if (query.outcome && spec.hit) spec.where.push(query.outcome === 'HIT' ? `(${spec.hit})` : `NOT (${spec.hit})`);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? LIMITS.pageSizeDefault;
    const whereSql = spec.where.join(' AND ');
    const select =
      `SELECT r.id AS ${q('id')}, r.category AS ${q('category')}, r.subcategory AS ${q('subcategory')}, r.description AS ${q('description')}, ` +
      `r.contactName AS ${q('contactName')}, r.status AS ${q('status')}, r.createdAt AS ${q('createdAt')}, ` +
      `gr.name AS ${q('gridName')}, ${spec.countedAt} AS ${q('countedAt')}, ${spec.hit ? `CASE WHEN ${spec.hit} THEN 1 ELSE 0 END` : 'NULL'} AS ${q('hit')}${spec.extra} ` +
      `FROM ${spec.from} LEFT JOIN ${q('grid')} gr ON gr.id = r.gridId WHERE ${whereSql}`;
    const [rows, counted] = await Promise.all([
      this.dataSource.query(`${select} ORDER BY ${spec.countedAt} DESC, ${spec.idColumn} DESC LIMIT ? OFFSET ?`, [...spec.params, pageSize, (page - 1) * pageSize]),
      this.dataSource.query(`SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM ${spec.from} WHERE ${whereSql} LIMIT ${PAGE_COUNT_CAP + 1}) capped`, spec.params),
    ]);
    const total = Number(counted[0]?.n ?? 0);
    return {
      items: (rows as Record<string, unknown>[]).map((row) => itemOf(row, set)),
      total: Math.min(total, PAGE_COUNT_CAP),
      page,
      pageSize,
      ...(total > PAGE_COUNT_CAP ? { totalCapped: true } : {}),
    };
  }

  private setQuery({ scope, category }: CheckedScope, set: SetKey, start: string, end: string): SetQuery {
    const q = this.quoter();
    const where: string[] = [];
    const params: unknown[] = [];
    const on = (alias: string) => {
      if (scope.kind === MetricsScopeKind.Department) return;
      if (alias !== 'r') {
        where.push(`${alias}.streetId = ?`);
        params.push(scope.streetId);
      }
      const f = scope.filter ?? {};
      if (f.streetId !== undefined && alias === 'r') {
        where.push('r.streetId = ?');
        params.push(f.streetId);
      }
      if (f.communityId !== undefined) {
        where.push(`${alias}.communityId = ?`);
        params.push(f.communityId);
      }
      if (f.gridIds !== undefined) {
        where.push(`${alias}.gridId IN (${f.gridIds.map(() => '?').join(', ')})`);
        params.push(...f.gridIds);
      }
    };
    const inPeriod = (column: string) => {
      where.push(`${column} >= ? AND ${column} < ?`);
      params.push(start, end);
    };
    const categoryOf = () => {
      if (category) {
        where.push('r.category = ?');
        params.push(category);
      }
    };
    const request = `${q('request')} r`;
    const department = (alias: string) => ` LEFT JOIN ${q('department')} dp ON dp.id = ${alias}.departmentId`;
    const facts = `${q('metric_item')} f JOIN ${request} ON r.id = f.requestId`;
    const key = 'rate' in set ? set.rate : set.count;
    const deptScope = scope.kind === MetricsScopeKind.Department;
    const base = { extra: '', idColumn: 'f.requestId' };

    switch (key) {
      case 'response':
        on('f');
        where.push(`f.responseState IN ('ON_TIME', 'LATE')`);
        inPeriod('f.responseAt');
        categoryOf();
        return { ...base, from: facts, where, params, countedAt: 'f.responseAt', hit: `f.responseState = 'ON_TIME'`, extra: `, f.responseState AS ${q('state')}` };
      case 'onTimeResolution':
        on('f');
        where.push(`f.resolveState IN ('ON_TIME', 'LATE')`);
        inPeriod('f.resolveAt');
        categoryOf();
        return { ...base, from: facts, where, params, countedAt: 'f.resolveAt', hit: `f.resolveState = 'ON_TIME'`, extra: `, f.resolveState AS ${q('state')}` };
      case 'resolved':
        on('f');
        inPeriod('f.firstResolvedAt');
        categoryOf();
        return { ...base, from: facts, where, params, countedAt: 'f.firstResolvedAt', hit: null, extra: `, f.handlingMinutes AS ${q('minutes')}` };
      case 'received':
      case 'resolution': {
        on('r');
        inPeriod('r.createdAt');
        categoryOf();
        const from = `${request} LEFT JOIN ${q('metric_item')} f ON f.requestId = r.id`;
        if (key === 'received') return { ...base, idColumn: 'r.id', from, where, params, countedAt: 'r.createdAt', hit: null };
        where.push(`(f.conclusion IS NULL OR f.conclusion = 'RESOLVED' OR f.concludedAt >= ?)`);
        params.push(end);
        return {
          ...base,
          idColumn: 'r.id',
          from,
          where,
          params,
          countedAt: 'r.createdAt',
          hit: `f.conclusion = 'RESOLVED' AND f.concludedAt < '${end}'`,
          extra: `, f.handlingMinutes AS ${q('minutes')}`,
        };
      }
      case 'satisfaction':
      case 'reopen':
      case 'rated':
      case 'reopened': {
        on('r');
        inPeriod('g.createdAt');
        categoryOf();
        if (key === 'reopened') where.push('g.effect <= 2');
        if (deptScope) {
          where.push(
            `(SELECT t.departmentId FROM ${q('timeline_event')} t WHERE t.requestId = g.requestId AND t.action = 'RESOLVE' AND t.createdAt <= g.createdAt ORDER BY t.id DESC LIMIT 1) = ?`,
          );
          params.push(scope.id);
        }
        const hit = key === 'satisfaction' ? 'g.speed >= 4 AND g.effect >= 4 AND g.attitude >= 4' : key === 'reopen' ? 'g.effect <= 2' : null;
        return {
          idColumn: 'g.id',
          from: `${q('rating')} g JOIN ${request} ON r.id = g.requestId`,
          where,
          params,
          countedAt: 'g.createdAt',
          hit,
          extra: `, g.speed AS ${q('speed')}, g.effect AS ${q('effect')}, g.attitude AS ${q('attitude')}`,
        };
      }
      case 'overdue':
        on('r');
        inPeriod('m.dueAt');
        categoryOf();
        if (deptScope) {
          where.push(`m.unitType = 'DEPARTMENT' AND m.unitId = ?`);
          params.push(scope.id);
        }
        return {
          idColumn: 'm.id',
          from: `${q('deadline_miss')} m JOIN ${request} ON r.id = m.requestId LEFT JOIN ${q('department')} dp ON m.unitType = 'DEPARTMENT' AND dp.id = m.unitId`,
          where,
          params,
          countedAt: 'm.dueAt',
          hit: null,
          extra: `, m.kind AS ${q('kind')}, m.unitType AS ${q('unitType')}, dp.name AS ${q('departmentName')}`,
        };
      case 'whistled':
      case 'reportOnTime':
      case 'return':
      case 'returned': {
        if (deptScope) {
          where.push('a.departmentId = ?');
          params.push(scope.id);
        } else if (key === 'whistled') {
          on('r');
          where.push('a.lead = 1');
        } else {
          where.push('a.streetId = ?');
          params.push(scope.streetId);
        }
        if (key === 'whistled') inPeriod('a.notifiedAt');
        if (key === 'reportOnTime') {
          where.push(`a.reportState IN ('ON_TIME', 'LATE')`);
          inPeriod('a.reportAt');
        }
        if (key === 'return' || key === 'returned') {
          where.push('a.endKind IS NOT NULL');
          inPeriod('a.endAt');
          if (key === 'returned') where.push(`a.endKind = 'RETURNED'`);
        }
        categoryOf();
        const countedAt = key === 'whistled' ? 'a.notifiedAt' : key === 'reportOnTime' ? 'a.reportAt' : 'a.endAt';
        const hit = key === 'reportOnTime' ? `a.reportState = 'ON_TIME'` : key === 'return' ? `a.endKind = 'RETURNED'` : null;
        return {
          idColumn: 'a.assignmentId',
          from: `${q('metric_assignment')} a JOIN ${request} ON r.id = a.requestId${department('a')}`,
          where,
          params,
          countedAt,
          hit,
          extra: `, dp.name AS ${q('departmentName')}, a.lead AS ${q('lead')}, a.reportState AS ${q('state')}, a.endKind AS ${q('endKind')}`,
        };
      }
    }
  }

  private quoter(): (name: string) => string {
    return dialectOf(this.dataSource.manager) === 'mysql' ? (name) => `\`${name}\`` : (name) => `"${name}"`;
  }
}

/** An instant as the databases store DATETIME (UTC, 'YYYY-MM-DD HH:MM:SS.mmm'), for comparisons in raw SQL. */
function sqlTime(at: Date): string {
  return at.toISOString().replace('T', ' ').replace('Z', '');
}

function hours(minutes: unknown): string {
  return `${Math.round((Number(minutes) / 60) * 10) / 10}`;
}

function itemOf(row: Record<string, unknown>, set: SetKey): MetricsItem {
  const key = 'rate' in set ? set.rate : set.count;
  const hit = row.hit === null || row.hit === undefined ? null : Number(row.hit) === 1;
  const contactName = String(row.contactName ?? '');
  // the description anonymised as on the board and in the monthly report: phones, ids, rooms, the reporter's name
  const description = anonymise(String(row.description ?? ''), { names: [contactName] });
  const category = row.category as RequestCategory;
  return {
    requestId: Number(row.id),
    serial: formatSerial(Number(row.id)),
    category,
    categoryLabel: categoryLabel(category, String(row.subcategory ?? '')),
    gridName: String(row.gridName ?? ''),
    excerpt: excerpt(description, 40),
    reporterName: reporterNameFor(contactName, { viewerIsOwner: false }),
    status: row.status as RequestStatus,
    receivedAt: (toDate(row.createdAt) as Date).toISOString(),
    countedAt: (toDate(row.countedAt) ?? (toDate(row.createdAt) as Date)).toISOString(),
    hit: 'rate' in set ? hit : null,
    note: noteOf(key, row, hit),
    departmentName: row.departmentName ? String(row.departmentName) : null,
  };
}

function noteOf(key: RateKey | ItemCountKey, row: Record<string, unknown>, hit: boolean | null): string {
  const scores = `${row.speed}/${row.effect}/${row.attitude}`;
  switch (key) {
    case 'response':
      return hit ? '按时响应' : '签收超时';
    case 'onTimeResolution':
      return hit ? '按时办结' : '办结超时';
    case 'resolved':
      return `办结用时 ${hours(row.minutes)} 小时`;
    case 'resolution':
      return hit ? `期内已办结（用时 ${hours(row.minutes)} 小时）` : '期末未办结';
    case 'received':
      return '受理';
    case 'satisfaction':
      return hit ? `满意（${scores}）` : `未达满意（${scores}）`;
    case 'reopen':
      return hit ? `重办（${scores}）` : `未重办（${scores}）`;
    case 'rated':
      return `评价（${scores}）`;
    case 'reopened':
      return `重办（${scores}）`;
    case 'overdue': {
      const label = DEADLINE_KIND_LABELS[row.kind as DeadlineKind] ?? '';
      return row.departmentName ? `${row.departmentName}${label}超时` : `${label}超时`;
    }
    case 'whistled':
      return Number(row.lead) ? '主办' : '协办';
    case 'reportOnTime':
      return hit ? '按时报到' : '报到超时';
    case 'return':
    case 'returned':
      return row.endKind === 'RETURNED' ? '退回' : row.endKind === 'DONE' ? '办结' : '收回';
  }
}
