/**
 * 数据 (metrics): response, resolution and satisfaction rates, handling times, overdue counts, department report-in
 * and return rates, monthly red/black lists. The definitions are in docs/metrics.md; this file is the contract the
 * server answers with and the mini-program draws from. Every rate is sent as numerator / denominator / value so any
 * number on screen can be explained (and the items behind it listed with GET /api/metrics/items).
 *
 * Time: all periods are local dates in Asia/Shanghai (UTC+8), inclusive at both ends. Weeks run Monday–Sunday.
 */
import type { RequestCategory } from './categories';
import type { Page } from './api';
import type { RequestStatus } from './request-lifecycle';

// ---- scopes and periods ----

/**
 * Whose numbers: a grid (网格), a grid leader (网格长: the grids they lead), a community (社区), a street (街道), or a
 * department (部门, whistle chain). A category (类别) is a filter on any scope (`category=`), not a scope of its own.
 */
export enum MetricsScopeKind {
  Grid = 'GRID',
  GridLeader = 'GRID_LEADER',
  Community = 'COMMUNITY',
  Street = 'STREET',
  Department = 'DEPARTMENT',
}

export const METRICS_SCOPE_LABELS: Record<MetricsScopeKind, string> = {
  [MetricsScopeKind.Grid]: '网格',
  [MetricsScopeKind.GridLeader]: '网格长',
  [MetricsScopeKind.Community]: '社区',
  [MetricsScopeKind.Street]: '街道',
  [MetricsScopeKind.Department]: '部门',
};

/** The label of the category filter (类别) in the UI. */
export const METRICS_CATEGORY_FILTER_LABEL = '类别';

/**
 * The period: either `month` (YYYY-MM) or `from` + `to` (YYYY-MM-DD, inclusive). Neither: the current month up to
 * today. Both, `from` after `to`, or a range over METRICS_LIMITS.maxPeriodDays → 400 with field codes.
 */
export interface MetricsPeriodQuery {
  month?: string;
  from?: string;
  to?: string;
}

/**
 * GET /api/metrics (and trend, breakdown, items): whose numbers and for when. `id` is the grid / community / street /
 * department id, or the grid leader's user id. Omitting scope and id means the viewer's own unit (a grid leader's
 * grid, a community officer's community, a street officer's street, a liaison's department).
 */
export interface MetricsQuery extends MetricsPeriodQuery {
  scope?: MetricsScopeKind;
  id?: number;
  category?: RequestCategory;
}

export interface MetricsPeriod {
  /** YYYY-MM-DD, inclusive */
  from: string;
  /** YYYY-MM-DD, inclusive */
  to: string;
  /** e.g. "2026年11月" or "2026-11-01 至 2026-11-20" */
  label: string;
  days: number;
}

export interface MetricsScopeView {
  kind: MetricsScopeKind;
  id: number;
  /** e.g. "第一网格", "苏月（第一网格）", "明日星城社区", "团结派出所" */
  name: string;
  category: RequestCategory | null;
  /** 类别 label, null when not filtered */
  categoryLabel: string | null;
}

// ---- numbers ----

/**
 * A rate that explains itself: `value` = numerator / denominator (0…1, rounded to 4 decimals), or null when the
 * denominator is 0 ("no data" — shown as "—", never as 0 % or 100 %).
 */
export interface Rate {
  numerator: number;
  denominator: number;
  value: number | null;
}

/** An average that explains itself: `value` = sum / count (rounded to 2 decimals), null when count is 0. */
export interface Average {
  sum: number;
  count: number;
  value: number | null;
}

/** The rates a view can carry; the keys of METRIC_LABELS and of `items?rate=`. */
export type RateKey =
  | 'response'
  | 'resolution'
  | 'onTimeResolution'
  | 'satisfaction'
  | 'reopen'
  | 'reportOnTime'
  | 'return';

/**
 * Handling-time histogram bucket upper bounds, in hours (the last bucket is open-ended). Handling time is
 * wall-clock time from filing to the first 办结; p90 is read from these buckets (docs/metrics.md#handling-time):
 * the upper bound of the bucket holding the 90th percentile, interpolated linearly inside the bucket.
 */
export const HANDLING_TIME_BUCKETS_HOURS: readonly number[] = [1, 2, 4, 8, 12, 24, 48, 72, 120, 168, 240, 360, 720, 1440];

export interface HistogramBucket {
  /** lower bound in hours (inclusive) */
  fromHours: number;
  /** upper bound in hours (exclusive); null for the last, open-ended bucket */
  toHours: number | null;
  count: number;
}

export interface HandlingTime {
  /** first resolutions (首次办结) in the period */
  count: number;
  /** hours, 1 decimal; null when count is 0 */
  averageHours: number | null;
  /** hours, 1 decimal, from the histogram (see HANDLING_TIME_BUCKETS_HOURS); null when count is 0 */
  p90Hours: number | null;
  histogram: HistogramBucket[];
}

/** 超时: deadlines missed in the period, by step (a miss counts on the day its due time passed). */
export interface OverdueCounts {
  /** 签收超时 */
  accept: number;
  /** 首次响应超时 */
  firstResponse: number;
  /** 办结超时 */
  resolve: number;
  /** 部门报到超时 */
  report: number;
  total: number;
  /** items with a running clock already past due right now (not tied to the period) */
  openNow: number;
}

/** The request-side numbers of a grid / grid leader / community / street (null for a department). */
export interface RequestMetrics {
  counts: {
    /** 受理量: items filed in the period */
    received: number;
    /** 办结量: items resolved for the first time in the period */
    resolved: number;
    /** every 办结 in the period, including re-resolutions after 重办 */
    resolutions: number;
    /** 驳回 in the period */
    rejected: number;
    /** 撤回 in the period */
    cancelled: number;
    /** 评价数: ratings given in the period */
    rated: number;
    /** 重办: ratings in the period that sent the item back (解决效果 ≤ 2) */
    reopened: number;
    /** 吹哨: whistles blown in the period */
    whistled: number;
  };
  rates: {
    /** 响应率 */
    response: Rate;
    /** 办结率 (解决率) */
    resolution: Rate;
    /** 按时办结率 */
    onTimeResolution: Rate;
    /** 满意率 */
    satisfaction: Rate;
    /** 重办率 */
    reopen: Rate;
  };
  /** average score per rating dimension (1–5) over the ratings in the period */
  ratingAverages: { speed: Average; effect: Average; attitude: Average };
  /**
   * 回访: how the period's ratings were given — by the resident (居民自评) or by staff on their behalf on a 电话回访 —
   * and the items closed without any rating (未评价). self.rated + returnVisit.rated = counts.rated.
   */
  ratingSources: RatingSources;
  handlingTime: HandlingTime;
  overdue: OverdueCounts;
}

export interface RatingSources {
  /** 居民自评: ratings the residents gave themselves, and the share satisfied */
  self: { rated: number; satisfaction: Rate };
  /** 电话回访: ratings recorded by staff on a return visit, and the share satisfied */
  returnVisit: { rated: number; satisfaction: Rate };
  /** 未评价办结: items closed by the system in the period because nobody rated them (not in 评价数, never 满意) */
  closedUnrated: number;
}

/** The whistle-chain numbers of a department (or of all departments of a street). */
export interface DepartmentMetrics {
  counts: {
    /** 被吹哨: assignments received in the period (lead + assist) */
    whistled: number;
    /** of which 主办 */
    whistledAsLead: number;
    /** 报到 in the period */
    reported: number;
    /** 报到超时: report deadlines missed in the period */
    reportMissed: number;
    /** 退回 in the period */
    returned: number;
    /** assignments that ended in the period (returned, done, or recalled) */
    ended: number;
    /** 办结 as lead in the period (every round) */
    resolvedAsLead: number;
    /** ratings in the period of items this department resolved as lead */
    rated: number;
    reopened: number;
  };
  rates: {
    /** 按时报到率 */
    reportOnTime: Rate;
    /** 退回率 */
    return: Rate;
    /** 满意率 of the items it resolved as lead */
    satisfaction: Rate;
    /** 重办率 of the items it resolved as lead */
    reopen: Rate;
  };
  ratingAverages: { speed: Average; effect: Average; attitude: Average };
}

/** 项目服务清单 in the scope (filled by the projects feature; zeros until projects exist). */
export interface ProjectMetrics {
  /** projects opened in the period */
  opened: number;
  /** projects closed in the period */
  closed: number;
  /** of those closed, closed by their deadline */
  closedOnTime: number;
}

/** GET /api/metrics */
export interface MetricsView {
  scope: MetricsScopeView;
  period: MetricsPeriod;
  /** server time the numbers were read */
  asOf: string;
  /** null for a DEPARTMENT scope */
  requests: RequestMetrics | null;
  /** a DEPARTMENT scope: its own; a STREET scope: all departments of the street together; otherwise null */
  departments: DepartmentMetrics | null;
  /** null for a DEPARTMENT scope; with the projects still open (and overdue) at the end of the period (ProjectCounts) */
  projects: (ProjectMetrics & { openAtEnd?: number; overdueAtEnd?: number }) | null;
}

// ---- trend (weekly) ----

/** GET /api/metrics/trend: MetricsQuery; the period is cut into Monday–Sunday weeks (default: the last 12 weeks). */
export interface TrendPoint {
  /** Monday, YYYY-MM-DD */
  weekStart: string;
  /** Sunday, YYYY-MM-DD */
  weekEnd: string;
  /** e.g. "11/16–11/22" */
  label: string;
  received: number;
  resolved: number;
  rated: number;
  overdue: number;
  response: Rate;
  resolution: Rate;
  onTimeResolution: Rate;
  satisfaction: Rate;
  averageHandlingHours: number | null;
  /** DEPARTMENT scope only */
  reportOnTime?: Rate;
  return?: Rate;
}

export interface MetricsTrend {
  scope: MetricsScopeView;
  period: MetricsPeriod;
  points: TrendPoint[];
}

// ---- breakdowns ----

/** What a breakdown splits by: 类别, or the child units of the scope (社区 of a street, 网格 of a street/community/grid leader), or 部门 of a street. */
export type BreakdownBy = 'category' | 'community' | 'grid' | 'department';
export const BREAKDOWN_BYS: readonly BreakdownBy[] = ['category', 'community', 'grid', 'department'];

export const BREAKDOWN_BY_LABELS: Record<BreakdownBy, string> = {
  category: '按类别',
  community: '按社区',
  grid: '按网格',
  department: '按部门',
};

/** GET /api/metrics/breakdown?by=…: MetricsQuery + by */
export interface BreakdownQuery extends MetricsQuery {
  by: BreakdownBy;
}

export interface BreakdownRow {
  /** the category code, or the unit's id as a string */
  key: string;
  /** the unit's id (null for a category row) */
  id: number | null;
  label: string;
  /** request numbers (null for department rows) */
  requests: RequestMetrics | null;
  /** department rows only */
  departments: DepartmentMetrics | null;
  /** MetricsQuery selecting this row (drill down: GET /api/metrics with it) */
  query: MetricsQuery;
}

export interface MetricsBreakdown {
  scope: MetricsScopeView;
  period: MetricsPeriod;
  by: BreakdownBy;
  /** every category / child unit, also those without data (their rates are null), in a stable order */
  rows: BreakdownRow[];
}

// ---- rankings (红黑榜) ----

export type RankingKind = 'GRID' | 'DEPARTMENT';
export const RANKING_KINDS: readonly RankingKind[] = ['GRID', 'DEPARTMENT'];

export const RANKING_KIND_LABELS: Record<RankingKind, string> = {
  GRID: '网格排名',
  DEPARTMENT: '部门排名',
};

/**
 * GET /api/metrics/rankings?month=YYYY-MM&kind=GRID|DEPARTMENT[&scope=STREET|COMMUNITY&id=]. Grids are ranked within
 * a street (street officers) or a community (community officers); departments within a street (street officers).
 * Default month: the previous month.
 */
export interface RankingQuery {
  month?: string;
  kind: RankingKind;
  scope?: MetricsScopeKind.Street | MetricsScopeKind.Community;
  id?: number;
}

/**
 * The ranking rule (docs/metrics.md#rankings). Grids by 响应率, 按时办结率, 满意率; departments by 按时报到率, 1 − 退回率,
 * 满意率 — the first is the primary rate.
 * 1. 样本不足: a unit is ranked only when the primary rate's denominator is at least the minimum sample
 *    (`RankingView.minSample`, server configuration RANKING_MIN_SAMPLE, default 5); the others are listed unranked.
 * 2. 达标: a unit whose primary rate is below the pass line (`RankingView.passPercent`, RANKING_PASS_PERCENT, default
 *    80) ranks after every unit that meets it and is never on the red list.
 * 3. Score = the weighted mean of the unit's rates that are not null (weights re-normalised over those), × 100, 2
 *    decimals; the primary rate weighs 2, the others 1.
 * Order: 达标 first, score, the rates in the listed order, the larger denominator of the primary rate, the unit id.
 * Red list (红榜) = the first `listSize` units that meet the pass line; black list (黑榜) = the last `listSize` not
 * already on the red list.
 */
export const RANKING_RULE = {
  listSize: 3,
  gridWeights: { response: 2, onTimeResolution: 1, satisfaction: 1 },
  departmentWeights: { reportOnTime: 2, return: 1, satisfaction: 1 },
} as const;

/** How a unit not ranked is shown (样本不足: too few items in the primary rate to judge). */
export const INSUFFICIENT_SAMPLE_LABEL = '样本不足';

export interface RankingUnit {
  kind: MetricsScopeKind.Grid | MetricsScopeKind.Department;
  id: number;
  name: string;
  /** the community of a grid */
  parentName: string | null;
}

export interface RankingEntry {
  /** 1 = best; unique (ties are broken as in RANKING_RULE) */
  rank: number;
  unit: RankingUnit;
  /** 0–100, 2 decimals */
  score: number;
  /** 达标: its primary rate (响应率 / 按时报到率) meets the pass line; only such units are on the red list */
  passed: boolean;
  /** the rates it was ranked by, in order (grids: response, onTimeResolution, satisfaction; departments: reportOnTime, return, satisfaction) */
  rates: Partial<Record<RateKey, Rate>>;
  /** items behind each rate: GET /api/metrics/items with this query (add page/pageSize) */
  itemQueries: Partial<Record<RateKey, MetricsItemsQuery>>;
}

export interface UnrankedUnit {
  unit: RankingUnit;
  /** 样本不足 (INSUFFICIENT_SAMPLE_LABEL) */
  label: string;
  /** the items counted in its primary rate (fewer than the minimum sample) */
  primaryCount: number;
  /** e.g. "样本不足：本月仅 2 件计入响应率，少于 5 件不参与排名" */
  reason: string;
  rates: Partial<Record<RateKey, Rate>>;
}

export interface RankingView {
  month: string;
  kind: RankingKind;
  /** the street or community the ranking covers */
  scope: MetricsScopeView;
  period: MetricsPeriod;
  /** the rule in words (红黑榜规则) */
  rule: string;
  /** the minimum sample: fewer items in the primary rate → 样本不足, not ranked */
  minSample: number;
  /** the pass line (达标) of the primary rate, in percent */
  passPercent: number;
  /** every ranked unit, best first */
  entries: RankingEntry[];
  /** 红榜 */
  red: RankingEntry[];
  /** 黑榜, worst last */
  black: RankingEntry[];
  /** 样本不足, by unit id */
  unranked: UnrankedUnit[];
}

// ---- the items behind a number ----

/** Which items: those counted in a rate's denominator (`rate=`), or those behind a count (`count=`). */
export type ItemCountKey = 'received' | 'resolved' | 'rated' | 'reopened' | 'overdue' | 'whistled' | 'returned';
export const ITEM_COUNT_KEYS: readonly ItemCountKey[] = ['received', 'resolved', 'rated', 'reopened', 'overdue', 'whistled', 'returned'];
export const RATE_KEYS: readonly RateKey[] = ['response', 'resolution', 'onTimeResolution', 'satisfaction', 'reopen', 'reportOnTime', 'return'];

/**
 * GET /api/metrics/items: MetricsQuery + exactly one of `rate` / `count`, optional `outcome` (HIT: only those in
 * the numerator, MISS: only those not) for a rate, and page/pageSize. Newest first.
 */
export interface MetricsItemsQuery extends MetricsQuery {
  rate?: RateKey;
  count?: ItemCountKey;
  outcome?: 'HIT' | 'MISS';
  page?: number;
  pageSize?: number;
}

/** One item behind a number. Personal data is masked (the reporter as 宋**, shared/privacy.ts; the excerpt anonymised; no phone). */
export interface MetricsItem {
  requestId: number;
  serial: string;
  category: RequestCategory;
  categoryLabel: string;
  gridName: string;
  /** first 40 characters of the description, anonymised (phones, ids, rooms, the reporter's name) */
  excerpt: string;
  /** masked: 宋** (maskPersonName) */
  reporterName: string;
  status: RequestStatus;
  receivedAt: string;
  /** the moment that put it into this number (response, resolution, rating, miss, whistle…) */
  countedAt: string;
  /** for a rate: whether it is in the numerator; null for a count */
  hit: boolean | null;
  /** e.g. "按时签收", "签收超时", "满意（5/5/4）", "办结用时 26.5 小时", "退回：不属本部门职责" */
  note: string;
  /** the department, for department items */
  departmentName: string | null;
}

export type MetricsItemsPage = Page<MetricsItem>;

// ---- labels ----

export const METRIC_LABELS = {
  response: '响应率',
  resolution: '办结率',
  onTimeResolution: '按时办结率',
  satisfaction: '满意率',
  reopen: '重办率',
  reportOnTime: '按时报到率',
  return: '退回率',
  received: '受理量',
  resolved: '办结量',
  resolutions: '办结次数',
  rejected: '驳回',
  cancelled: '撤回',
  rated: '评价数',
  ratedSelf: '居民自评数',
  ratedReturnVisit: '电话回访评价数',
  closedUnrated: '未评价办结数',
  satisfactionSelf: '自评满意率',
  satisfactionReturnVisit: '回访满意率',
  reopened: '重办数',
  whistled: '吹哨数',
  whistledAsLead: '主办数',
  reported: '报到数',
  reportMissed: '报到超时',
  returned: '退回数',
  ended: '结束派单数',
  resolvedAsLead: '主办办结数',
  overdue: '超时',
  overdueAccept: '签收超时',
  overdueFirstResponse: '首次响应超时',
  overdueResolve: '办结超时',
  overdueReport: '报到超时',
  overdueOpenNow: '当前超时未办',
  averageSpeed: '办理速度均分',
  averageEffect: '解决效果均分',
  averageAttitude: '服务态度均分',
  handlingTime: '办理用时',
  averageHandlingHours: '平均办理用时（小时）',
  p90HandlingHours: 'P90 办理用时（小时）',
  projectsOpened: '新立项目',
  projectsClosed: '结项项目',
  projectsClosedOnTime: '按期结项',
  score: '综合得分',
  rank: '排名',
  redList: '红榜',
  blackList: '黑榜',
} as const;

export type MetricLabelKey = keyof typeof METRIC_LABELS;

/** One-line definitions for tooltips (the full rules: docs/metrics.md). */
export const METRIC_DEFINITIONS: Record<RateKey, string> = {
  response: '期内判定的诉求中，签收时限内签收（或驳回、吹哨）的比例',
  resolution: '期内受理的诉求中（不含撤回、驳回），到期末已办结的比例',
  onTimeResolution: '期内判定的诉求中，首次办结前未发生办结超时的比例',
  satisfaction: '期内评价中，办理速度、解决效果、服务态度三项均不低于 4 分的比例',
  reopen: '期内评价中，因解决效果不满意（≤ 2 分）退回重办的比例',
  reportOnTime: '期内判定的部门派单中，报到时限内报到的比例',
  return: '期内结束的部门派单中，被部门退回的比例',
};

// ---- limits ----

export const METRICS_LIMITS = {
  /** longest from–to range */
  maxPeriodDays: 366,
  /** trend: most weeks per request */
  maxTrendWeeks: 54,
  defaultTrendWeeks: 12,
  /** the earliest date accepted */
  minDate: '2000-01-01',
} as const;

// ---- small pure helpers (the server computes with them; the UI may use them to explain) ----

/** numerator / denominator rounded to 4 decimals; null when the denominator is 0. */
export function rateOf(numerator: number, denominator: number): Rate {
  return { numerator, denominator, value: denominator > 0 ? Math.round((numerator / denominator) * 10000) / 10000 : null };
}

/** sum / count rounded to 2 decimals; null when count is 0. */
export function averageOf(sum: number, count: number): Average {
  return { sum, count, value: count > 0 ? Math.round((sum / count) * 100) / 100 : null };
}

/** "92.3%" or "—". */
export function formatRate(rate: Pick<Rate, 'value'>): string {
  return rate.value === null ? '—' : `${(Math.round(rate.value * 1000) / 10).toFixed(1)}%`;
}

/** The histogram bucket index (0 … HANDLING_TIME_BUCKETS_HOURS.length) of a handling time in minutes. */
export function handlingBucketOf(minutes: number): number {
  const hours = Math.max(0, minutes) / 60;
  const index = HANDLING_TIME_BUCKETS_HOURS.findIndex((upper) => hours < upper);
  return index === -1 ? HANDLING_TIME_BUCKETS_HOURS.length : index;
}

/**
 * A percentile (0 < p ≤ 1) from histogram counts (one per bucket, HANDLING_TIME_BUCKETS_HOURS.length + 1), in hours:
 * linear inside the bucket holding it; in the open-ended last bucket, its lower bound. Null when empty.
 */
export function percentileFromHistogram(counts: readonly number[], p: number): number | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const target = p * total;
  let below = 0;
  for (let i = 0; i < counts.length; i++) {
    const count = counts[i];
    if (count > 0 && below + count >= target) {
      const lower = i === 0 ? 0 : HANDLING_TIME_BUCKETS_HOURS[i - 1];
      const upper = HANDLING_TIME_BUCKETS_HOURS[i];
      if (upper === undefined) return lower;
      return Math.round((lower + ((target - below) / count) * (upper - lower)) * 10) / 10;
    }
    below += count;
  }
  return HANDLING_TIME_BUCKETS_HOURS[HANDLING_TIME_BUCKETS_HOURS.length - 1];
}
