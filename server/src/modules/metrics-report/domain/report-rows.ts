import {
  Average,
  categoryLabel,
  CHANNEL_LABELS,
  Channel,
  findCategory,
  HANDLING_LEVEL_LABELS,
  HandlingLevel,
  maskPersonName,
  METRIC_DEFINITIONS,
  METRIC_LABELS,
  METRICS_SCOPE_LABELS,
  MetricsView,
  Rate,
  RateKey,
  RequestCategory,
  RequestStatus,
  shanghaiWallClock,
  STATUS_LABELS,
  URGENCY_LABELS,
  Urgency,
} from '@gezhi/shared';
import { anonymise } from '../../board/domain/anonymise';
import { excerpt, formatSerial } from '../../requests/domain/request-presentation';

/**
 * What the monthly workbook says, as plain rows: one scope sheet per MetricsView (指标 | 数值 | 分子 | 分母 | 说明) and
 * the item list (诉求明细). The service only writes them with exceljs. Pure.
 */

/** How a value is written: its Excel number format follows from it. */
export type CellKind = 'text' | 'date' | 'datetime' | 'int' | 'rate' | 'decimal1' | 'decimal2';

export const NUMBER_FORMATS: Record<Exclude<CellKind, 'text'>, string> = {
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  int: '0',
  rate: '0.0%',
  decimal1: '0.0',
  decimal2: '0.00',
};

export interface ScopeRow {
  label: string;
  kind: CellKind;
  value: string | number | Date | null;
  numerator?: number;
  denominator?: number;
  note?: string;
}

export const SCOPE_SHEET_COLUMNS = [
  { header: '指标', width: 24 },
  { header: '数值', width: 18 },
  { header: '分子', width: 10 },
  { header: '分母', width: 10 },
  { header: '说明', width: 60 },
] as const;

/**
 * Excel dates carry no zone: a cell shows the wall-clock time it holds. The report shows China time (UTC+8), so
 * an instant is written as the Date whose UTC fields are the Shanghai wall clock.
 */
export function excelLocalTime(at: Date): Date {
  return shanghaiWallClock(at);
}

/** A local day YYYY-MM-DD as an Excel date (midnight). */
export function excelDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function scopeRows(view: MetricsView): ScopeRow[] {
  const rows: ScopeRow[] = [
    { label: '统计单位', kind: 'text', value: view.scope.name, note: METRICS_SCOPE_LABELS[view.scope.kind] },
    { label: '统计起始日', kind: 'date', value: excelDay(view.period.from) },
    { label: '统计截止日', kind: 'date', value: excelDay(view.period.to), note: view.period.label },
    { label: '数据时间', kind: 'datetime', value: excelLocalTime(new Date(view.asOf)), note: '北京时间' },
  ];
  if (view.scope.categoryLabel) rows.push({ label: '类别', kind: 'text', value: view.scope.categoryLabel });
  const r = view.requests;
  if (r) {
    const c = r.counts;
    rows.push(
      int(METRIC_LABELS.received, c.received),
      int(METRIC_LABELS.resolved, c.resolved),
      int(METRIC_LABELS.resolutions, c.resolutions),
      int(METRIC_LABELS.rejected, c.rejected),
      int(METRIC_LABELS.cancelled, c.cancelled),
      int(METRIC_LABELS.rated, c.rated),
      int(METRIC_LABELS.reopened, c.reopened),
      int(METRIC_LABELS.whistled, c.whistled),
      rate('response', r.rates.response),
      rate('resolution', r.rates.resolution),
      rate('onTimeResolution', r.rates.onTimeResolution),
      rate('satisfaction', r.rates.satisfaction),
      rate('reopen', r.rates.reopen),
      // 回访: who gave the ratings, and the items closed without one (docs/metrics.md)
      int(METRIC_LABELS.ratedSelf, r.ratingSources.self.rated, '居民在小程序中自行评价'),
      int(METRIC_LABELS.ratedReturnVisit, r.ratingSources.returnVisit.rated, '工作人员电话回访后代为录入'),
      share(METRIC_LABELS.satisfactionSelf, r.ratingSources.self.satisfaction, '居民自评中三项均不低于 4 分的比例'),
      share(METRIC_LABELS.satisfactionReturnVisit, r.ratingSources.returnVisit.satisfaction, '电话回访评价中三项均不低于 4 分的比例'),
      int(METRIC_LABELS.closedUnrated, r.ratingSources.closedUnrated, '办结后无人评价、回访联系不上，到期按未评价办结；不计入评价数和满意率'),
      average(METRIC_LABELS.averageSpeed, r.ratingAverages.speed),
      average(METRIC_LABELS.averageEffect, r.ratingAverages.effect),
      average(METRIC_LABELS.averageAttitude, r.ratingAverages.attitude),
      { label: METRIC_LABELS.averageHandlingHours, kind: 'decimal1', value: r.handlingTime.averageHours, denominator: r.handlingTime.count, note: '提交至首次办结' },
      { label: METRIC_LABELS.p90HandlingHours, kind: 'decimal1', value: r.handlingTime.p90Hours, denominator: r.handlingTime.count },
      int(METRIC_LABELS.overdueAccept, r.overdue.accept),
      int(METRIC_LABELS.overdueFirstResponse, r.overdue.firstResponse),
      int(METRIC_LABELS.overdueResolve, r.overdue.resolve),
      int(METRIC_LABELS.overdueReport, r.overdue.report),
      int(METRIC_LABELS.overdue, r.overdue.total),
      int(METRIC_LABELS.overdueOpenNow, r.overdue.openNow, '导出时仍超时未办'),
    );
  }
  const d = view.departments;
  if (d) {
    const prefix = view.requests ? '部门·' : '';
    const c = d.counts;
    rows.push(
      int(`${prefix}被吹哨`, c.whistled),
      int(`${prefix}${METRIC_LABELS.whistledAsLead}`, c.whistledAsLead),
      int(`${prefix}${METRIC_LABELS.reported}`, c.reported),
      int(`${prefix}${METRIC_LABELS.reportMissed}`, c.reportMissed),
      int(`${prefix}${METRIC_LABELS.returned}`, c.returned),
      int(`${prefix}${METRIC_LABELS.ended}`, c.ended),
      int(`${prefix}${METRIC_LABELS.resolvedAsLead}`, c.resolvedAsLead),
      rate('reportOnTime', d.rates.reportOnTime, prefix),
      rate('return', d.rates.return, prefix),
      rate('satisfaction', d.rates.satisfaction, prefix),
      rate('reopen', d.rates.reopen, prefix),
      average(`${prefix}${METRIC_LABELS.averageSpeed}`, d.ratingAverages.speed),
      average(`${prefix}${METRIC_LABELS.averageEffect}`, d.ratingAverages.effect),
      average(`${prefix}${METRIC_LABELS.averageAttitude}`, d.ratingAverages.attitude),
    );
  }
  if (view.projects) {
    rows.push(
      int(METRIC_LABELS.projectsOpened, view.projects.opened, '居民问需会项目服务清单'),
      int(METRIC_LABELS.projectsClosed, view.projects.closed),
      int(METRIC_LABELS.projectsClosedOnTime, view.projects.closedOnTime, '截止日当天或之前结项'),
    );
  }
  return rows;
}

function int(label: string, value: number, note?: string): ScopeRow {
  return { label, kind: 'int', value, ...(note ? { note } : {}) };
}

function rate(key: RateKey, value: Rate, prefix = ''): ScopeRow {
  return { label: `${prefix}${METRIC_LABELS[key]}`, kind: 'rate', value: value.value, numerator: value.numerator, denominator: value.denominator, note: METRIC_DEFINITIONS[key] };
}

/** A share that is not one of the RateKeys (e.g. the 满意率 of one rating source). */
function share(label: string, value: Rate, note: string): ScopeRow {
  return { label, kind: 'rate', value: value.value, numerator: value.numerator, denominator: value.denominator, note };
}

function average(label: string, value: Average): ScopeRow {
  return { label, kind: 'decimal2', value: value.value, denominator: value.count, note: '1–5 分' };
}

// ---- 诉求明细 ----

export interface ItemColumn {
  header: string;
  key: keyof ItemRow;
  width: number;
  kind: CellKind;
}

export const ITEM_COLUMNS: readonly ItemColumn[] = [
  { header: '编号', key: 'serial', width: 13, kind: 'text' },
  { header: '类别', key: 'category', width: 14, kind: 'text' },
  { header: '子类', key: 'subcategory', width: 14, kind: 'text' },
  { header: '社区', key: 'community', width: 14, kind: 'text' },
  { header: '网格', key: 'grid', width: 12, kind: 'text' },
  { header: '楼栋', key: 'building', width: 12, kind: 'text' },
  { header: '来源', key: 'channel', width: 8, kind: 'text' },
  { header: '紧急程度', key: 'urgency', width: 9, kind: 'text' },
  { header: '状态', key: 'status', width: 10, kind: 'text' },
  { header: '办理层级', key: 'level', width: 9, kind: 'text' },
  { header: '提交时间', key: 'filedAt', width: 17, kind: 'datetime' },
  { header: '办结时间', key: 'resolvedAt', width: 17, kind: 'datetime' },
  { header: '用时(小时)', key: 'hours', width: 11, kind: 'decimal1' },
  { header: '办理速度', key: 'speed', width: 9, kind: 'int' },
  { header: '解决效果', key: 'effect', width: 9, kind: 'int' },
  { header: '服务态度', key: 'attitude', width: 9, kind: 'int' },
  { header: '评价', key: 'rating', width: 8, kind: 'text' },
  { header: '重办次数', key: 'reopenCount', width: 9, kind: 'int' },
  { header: '反映人', key: 'reporter', width: 9, kind: 'text' },
  { header: '诉求摘要', key: 'summary', width: 60, kind: 'text' },
];

export interface ItemFacts {
  id: number;
  category: RequestCategory;
  subcategory: string;
  communityName: string;
  gridName: string;
  buildingName: string;
  channel: Channel;
  urgency: Urgency;
  status: RequestStatus;
  level: HandlingLevel;
  createdAt: Date;
  resolvedAt: Date | null;
  reopenCount: number;
  rating: { speed: number; effect: number; attitude: number } | null;
  contactName: string;
  description: string;
  /** names to remove from the summary (the reporter's household) */
  knownNames: readonly string[];
}

export interface ItemRow {
  serial: string;
  category: string;
  subcategory: string;
  community: string;
  grid: string;
  building: string;
  channel: string;
  urgency: string;
  status: string;
  level: string;
  filedAt: Date;
  resolvedAt: Date | null;
  hours: number | null;
  speed: number | null;
  effect: number | null;
  attitude: number | null;
  rating: string;
  reopenCount: number;
  reporter: string;
  summary: string;
}

/** Summaries are cut to this many characters (after anonymising). */
export const SUMMARY_LENGTH = 60;

/**
 * One row of the item list. Personal data is masked: the reporter by family name only (张*), no phone, no room
 * (the building only), the description anonymised like the public board's.
 */
export function itemRow(f: ItemFacts): ItemRow {
  const category = findCategory(f.category);
  const hours = f.resolvedAt ? Math.max(0, Math.round((f.resolvedAt.getTime() - f.createdAt.getTime()) / 360_000) / 10) : null;
  return {
    serial: formatSerial(f.id),
    category: category?.label ?? categoryLabel(f.category),
    subcategory: category?.subcategories.find((s) => s.code === f.subcategory)?.label ?? f.subcategory,
    community: f.communityName,
    grid: f.gridName,
    building: f.buildingName,
    channel: CHANNEL_LABELS[f.channel] ?? f.channel,
    urgency: URGENCY_LABELS[f.urgency] ?? f.urgency,
    status: STATUS_LABELS[f.status] ?? f.status,
    level: HANDLING_LEVEL_LABELS[f.level] ?? f.level,
    filedAt: excelLocalTime(f.createdAt),
    resolvedAt: f.resolvedAt ? excelLocalTime(f.resolvedAt) : null,
    hours,
    speed: f.rating?.speed ?? null,
    effect: f.rating?.effect ?? null,
    attitude: f.rating?.attitude ?? null,
    rating: f.rating ? (Math.min(f.rating.speed, f.rating.effect, f.rating.attitude) >= 4 ? '满意' : '不满意') : '',
    reopenCount: f.reopenCount,
    reporter: maskPersonName(f.contactName),
    summary: excerpt(anonymise(f.description, { names: [f.contactName, ...f.knownNames] }), SUMMARY_LENGTH),
  };
}

/** 团结街道-2026年11月-数据月报.xlsx */
export function reportFilename(scopeName: string, month: string): { filename: string; ascii: string } {
  const [year, mm] = month.split('-');
  return {
    filename: `${scopeName}-${year}年${Number(mm)}月-数据月报.xlsx`,
    ascii: `gezhi-report-${month}.xlsx`,
  };
}
