/** API answers for the metrics page tests, shaped by the shared contract (factories, not inline literals). */
import {
  MetricsScopeKind,
  RequestCategory,
  Role,
  type BreakdownBy,
  type DepartmentMetrics,
  type LoginResponse,
  type MetricsBreakdown,
  type MetricsScopeView,
  type MetricsTrend,
  type MetricsView,
  type RankingEntry,
  type RankingView,
  type Rate,
  type RequestMetrics,
} from '@gezhi/shared';

export const streetOfficerLogin = (): LoginResponse => ({
  token: 'street-token',
  expiresIn: 3600,
  me: { id: 9, nickname: '街道王', role: Role.StreetOfficer, home: null, staff: { gridIds: [], gridNames: [], communityId: null, streetId: 1 } },
});

export const streetScope: MetricsScopeView = { kind: MetricsScopeKind.Street, id: 1, name: '团结街道', category: null, categoryLabel: null };
export const period = (month: string) => ({ from: `${month}-01`, to: `${month}-28`, label: `${month.slice(0, 4)}年${Number(month.slice(5))}月`, days: 28 });

const average = { sum: 0, count: 0, value: null };

export function requestMetrics(over: {
  received?: number;
  resolved?: number;
  response?: Rate;
  resolution?: Rate;
  onTimeResolution?: Rate;
  satisfaction?: Rate;
  reopen?: Rate;
  ratingSources?: RequestMetrics['ratingSources'];
}): RequestMetrics {
  return {
    counts: { received: over.received ?? 0, resolved: over.resolved ?? 0, resolutions: over.resolved ?? 0, rejected: 0, cancelled: 0, rated: 0, reopened: 0, whistled: 0 },
    rates: {
      response: over.response ?? rate(0, 0),
      resolution: over.resolution ?? rate(0, 0),
      onTimeResolution: over.onTimeResolution ?? rate(0, 0),
      satisfaction: over.satisfaction ?? rate(0, 0),
      reopen: over.reopen ?? rate(0, 0),
    },
    ratingAverages: { speed: average, effect: average, attitude: average },
    ratingSources: over.ratingSources ?? { self: { rated: 0, satisfaction: rate(0, 0) }, returnVisit: { rated: 0, satisfaction: rate(0, 0) }, closedUnrated: 0 },
    handlingTime: { count: 0, averageHours: null, p90Hours: null, histogram: [] },
    overdue: { accept: 0, firstResponse: 0, resolve: 0, report: 0, total: 0, openNow: 0 },
  };
}

export function departmentMetrics(): DepartmentMetrics {
  return {
    counts: { whistled: 6, whistledAsLead: 4, reported: 5, reportMissed: 1, returned: 1, ended: 6, resolvedAsLead: 3, rated: 3, reopened: 0 },
    rates: { reportOnTime: rate(5, 6), return: rate(1, 6), satisfaction: rate(2, 3), reopen: rate(0, 3) },
    ratingAverages: { speed: average, effect: average, attitude: average },
  };
}

/** 团结街道 in a month: 响应率 45/48, 办结率 40/50, 按时办结率 38/40, no ratings (满意率 —), 6 overdue. */
export function streetView(month: string): MetricsView {
  const requests = requestMetrics({
    received: 50,
    resolved: 40,
    response: rate(45, 48),
    resolution: rate(40, 50),
    onTimeResolution: rate(38, 40),
    satisfaction: rate(0, 0),
    reopen: rate(0, 0),
  });
  requests.handlingTime = { count: 40, averageHours: 12.5, p90Hours: 30, histogram: [] };
  requests.overdue = { accept: 2, firstResponse: 0, resolve: 3, report: 1, total: 6, openNow: 2 };
  return { scope: streetScope, period: period(month), asOf: `${month}-20T08:00:00.000Z`, requests, departments: departmentMetrics(), projects: { opened: 1, closed: 0, closedOnTime: 0 } };
}

export function streetTrend(month: string): MetricsTrend {
  return {
    scope: streetScope,
    period: period(month),
    points: [
      { weekStart: '2026-11-02', weekEnd: '2026-11-08', label: '11/02–11/08', received: 10, resolved: 8, rated: 4, overdue: 1, response: rate(9, 10), resolution: rate(8, 10), onTimeResolution: rate(7, 8), satisfaction: rate(3, 4), averageHandlingHours: 10 },
      { weekStart: '2026-11-09', weekEnd: '2026-11-15', label: '11/09–11/15', received: 12, resolved: 12, rated: 0, overdue: 0, response: rate(12, 12), resolution: rate(12, 12), onTimeResolution: rate(12, 12), satisfaction: rate(0, 0), averageHandlingHours: 8 },
    ],
  };
}

export function breakdown(by: BreakdownBy, month: string): MetricsBreakdown {
  const row = (key: string, id: number | null, label: string, requests: RequestMetrics | null, departments: DepartmentMetrics | null = null) => ({
    key,
    id,
    label,
    requests,
    departments,
    query: {},
  });
  const rows = {
    category: [
      row(RequestCategory.Environment, null, '环境整治', requestMetrics({ received: 30, resolved: 25 })),
      row(RequestCategory.Infrastructure, null, '基础设施维修', requestMetrics({ received: 20, resolved: 15 })),
    ],
    grid: [
      row('1', 1, '第一网格', requestMetrics({ response: rate(20, 20), onTimeResolution: rate(18, 20), satisfaction: rate(9, 10) })),
      row('2', 2, '第二网格', requestMetrics({ response: rate(25, 28), onTimeResolution: rate(20, 20), satisfaction: rate(0, 0) })),
    ],
    community: [row('1', 1, '明日星城社区', requestMetrics({ received: 50 }))],
    department: [row('1', 1, '团结派出所', null, departmentMetrics())],
  }[by];
  return { scope: streetScope, period: period(month), by, rows };
}

export function gridEntry(month: string): RankingEntry {
  const unit = { kind: MetricsScopeKind.Grid as const, id: 2, name: '第二网格', parentName: '明日星城社区' };
  const q = (rateKey: 'response' | 'onTimeResolution' | 'satisfaction') => ({ scope: MetricsScopeKind.Grid, id: 2, month, rate: rateKey });
  return {
    rank: 1,
    unit,
    score: 96.43,
    passed: true,
    rates: { response: rate(25, 28), onTimeResolution: rate(20, 20), satisfaction: rate(0, 0) },
    itemQueries: { response: q('response'), onTimeResolution: q('onTimeResolution'), satisfaction: q('satisfaction') },
  };
}

/** A department's entry: 城管执法中队 meets the pass line, 交警中队 does not. */
export function departmentEntry(month: string, id: number, name: string, rank: number, reportOnTime: [number, number], passed: boolean): RankingEntry {
  const q = (rateKey: 'reportOnTime' | 'return' | 'satisfaction') => ({ scope: MetricsScopeKind.Department, id, month, rate: rateKey });
  return {
    rank,
    unit: { kind: MetricsScopeKind.Department, id, name, parentName: null },
    score: passed ? 86.67 : 62.5,
    passed,
    rates: { reportOnTime: rate(...reportOnTime), return: rate(1, 10), satisfaction: rate(0, 0) },
    itemQueries: { reportOnTime: q('reportOnTime'), return: q('return'), satisfaction: q('satisfaction') },
  };
}

export function ranking(kind: 'GRID' | 'DEPARTMENT', month: string): RankingView {
  const entries =
    kind === 'GRID' ? [gridEntry(month)] : [departmentEntry(month, 3, '城管执法中队', 1, [9, 10], true), departmentEntry(month, 6, '交警中队', 2, [3, 6], false)];
  return {
    month,
    kind,
    scope: streetScope,
    period: period(month),
    rule: '按响应率、按时办结率、满意率加权平均计分',
    minSample: 5,
    passPercent: 80,
    entries,
    red: entries.slice(0, 1),
    black: entries.slice(1),
    unranked:
      kind === 'DEPARTMENT'
        ? [
            {
              unit: { kind: MetricsScopeKind.Department, id: 1, name: '团结派出所', parentName: null },
              label: '样本不足',
              primaryCount: 3,
              reason: '样本不足：本月仅 3 件计入按时报到率，少于 5 件不参与排名',
              rates: { reportOnTime: rate(1, 3), return: rate(0, 3), satisfaction: rate(0, 0) },
            },
          ]
        : [],
  };
}

/** A rate as the server sends it (numerator / denominator, rounded to 4 places; null without a denominator). */
export const rate = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  value: denominator > 0 ? Math.round((numerator / denominator) * 10000) / 10000 : null,
});
