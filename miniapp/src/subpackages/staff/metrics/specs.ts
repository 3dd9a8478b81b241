/**
 * From the metrics API's answers to what the 数据 page shows: KPI cards and chart specs. Pure (tested directly and
 * through the page).
 */
import {
  METRIC_LABELS,
  formatRate,
  type DepartmentMetrics,
  type MetricsBreakdown,
  type MetricsTrend,
  type MetricsView,
  type Rate,
  type RateKey,
  type RequestMetrics,
} from '@gezhi/shared';
import type { ChartSpec } from '../../../components/Chart';

export interface KpiCard {
  key: string;
  label: string;
  /** the big number: "92.3%", "12.5 小时", "4"; '—' without data */
  value: string;
  /** shown when tapped: where the number comes from, e.g. "按时响应 45 / 应响应 48" */
  detail: string;
  /** the rate behind the card, when it is one (opens the items behind it) */
  rate?: RateKey;
  /** ItemCountKey behind a count card */
  count?: 'overdue';
  /** bad direction: a high 重办率 / many 超时 is shown in the warning colour */
  tone?: 'normal' | 'warning';
}

const hours = (value: number | null): string => (value === null ? '—' : `${value} 小时`);

/** "45 / 48" and, without data, "暂无数据（分母为 0）". */
export function fraction(rate: Rate): string {
  return rate.denominator === 0 ? `0 / 0，暂无数据` : `${rate.numerator} / ${rate.denominator}`;
}

function rateCard(key: RateKey, rate: Rate, numeratorWord: string, denominatorWord: string, tone: KpiCard['tone'] = 'normal'): KpiCard {
  return {
    key,
    label: METRIC_LABELS[key],
    value: formatRate(rate),
    detail: rate.denominator === 0 ? `${denominatorWord} 0 件，暂无数据` : `${numeratorWord} ${rate.numerator} / ${denominatorWord} ${rate.denominator}`,
    rate: key,
    tone,
  };
}

/** 回访: who gave the ratings behind 满意率, and the items closed 未评价 (not in it). */
function withRatingSources(card: KpiCard, sources: RequestMetrics['ratingSources']): KpiCard {
  const parts: string[] = [];
  if (sources.self.rated + sources.returnVisit.rated > 0) parts.push(`居民自评 ${sources.self.rated} · 电话回访 ${sources.returnVisit.rated}`);
  if (sources.closedUnrated > 0) parts.push(`未评价办结 ${sources.closedUnrated} 件（不计入满意率）`);
  return parts.length ? { ...card, detail: `${card.detail}；${parts.join('；')}` } : card;
}

export function requestKpis(requests: RequestMetrics): KpiCard[] {
  const { rates, handlingTime, overdue } = requests;
  return [
    rateCard('response', rates.response, '按时响应', '应响应'),
    rateCard('resolution', rates.resolution, '已办结', '期内受理'),
    rateCard('onTimeResolution', rates.onTimeResolution, '按时办结', '应办结'),
    withRatingSources(rateCard('satisfaction', rates.satisfaction, '满意评价', '评价'), requests.ratingSources),
    rateCard('reopen', rates.reopen, '重办', '评价', (rates.reopen.value ?? 0) > 0 ? 'warning' : 'normal'),
    {
      key: 'handlingTime',
      label: '平均用时 / P90',
      value: hours(handlingTime.averageHours),
      detail:
        handlingTime.count === 0
          ? '期内没有首次办结的诉求'
          : `P90 ${hours(handlingTime.p90Hours)}，共 ${handlingTime.count} 件首次办结（提交→办结）`,
    },
    {
      key: 'overdue',
      label: '超时件数',
      value: String(overdue.total),
      detail: `签收 ${overdue.accept} · 首次响应 ${overdue.firstResponse} · 办结 ${overdue.resolve} · 部门报到 ${overdue.report}；当前超时未办 ${overdue.openNow}`,
      count: 'overdue',
      tone: overdue.total > 0 ? 'warning' : 'normal',
    },
  ];
}

export function departmentKpis(departments: DepartmentMetrics): KpiCard[] {
  const { rates, counts } = departments;
  return [
    rateCard('reportOnTime', rates.reportOnTime, '按时报到', '应报到'),
    rateCard('return', rates.return, '退回', '结束派单', (rates.return.value ?? 0) > 0 ? 'warning' : 'normal'),
    rateCard('satisfaction', rates.satisfaction, '满意评价', '评价'),
    rateCard('reopen', rates.reopen, '重办', '评价', (rates.reopen.value ?? 0) > 0 ? 'warning' : 'normal'),
    {
      key: 'whistled',
      label: METRIC_LABELS.whistled,
      value: String(counts.whistled),
      detail: `主办 ${counts.whistledAsLead} · 报到 ${counts.reported} · 报到超时 ${counts.reportMissed} · 主办办结 ${counts.resolvedAsLead}`,
    },
  ];
}

/** The cards of a view: request rates for units, department rates for a department (street: both, departments last). */
export function kpiCards(view: MetricsView): { requests: KpiCard[]; departments: KpiCard[] } {
  return {
    requests: view.requests ? requestKpis(view.requests) : [],
    departments: view.departments ? departmentKpis(view.departments) : [],
  };
}

/** Weekly trend (line, percent): 响应率, 办结率, 满意率 — or for a department 按时报到率, 退回率. */
export function trendSpec(trend: MetricsTrend, department: boolean): ChartSpec {
  const pick = (key: 'response' | 'resolution' | 'satisfaction' | 'reportOnTime' | 'return') =>
    trend.points.map((p) => (p[key] as Rate | undefined)?.value ?? null);
  const series = department
    ? [
        { name: METRIC_LABELS.reportOnTime, data: pick('reportOnTime') },
        { name: METRIC_LABELS.return, data: pick('return') },
      ]
    : [
        { name: METRIC_LABELS.response, data: pick('response') },
        { name: METRIC_LABELS.resolution, data: pick('resolution') },
        { name: METRIC_LABELS.satisfaction, data: pick('satisfaction') },
      ];
  return { kind: 'line', categories: trend.points.map((p) => p.label), series, unit: 'percent' };
}

/** Items by category (column, counts): 受理量 and 办结量 of each category. */
export function categorySpec(breakdown: MetricsBreakdown): ChartSpec {
  const rows = breakdown.rows.filter((r) => r.requests);
  return {
    kind: 'column',
    categories: rows.map((r) => r.label),
    series: [
      { name: METRIC_LABELS.received, data: rows.map((r) => r.requests!.counts.received) },
      { name: METRIC_LABELS.resolved, data: rows.map((r) => r.requests!.counts.resolved) },
    ],
    unit: 'count',
  };
}

/** Rates by grid (horizontal bars, percent): 响应率, 按时办结率, 满意率 of each grid. */
export function gridRatesSpec(breakdown: MetricsBreakdown): ChartSpec {
  const rows = breakdown.rows.filter((r) => r.requests);
  const rate = (key: 'response' | 'onTimeResolution' | 'satisfaction') => rows.map((r) => r.requests!.rates[key].value);
  return {
    kind: 'bar',
    categories: rows.map((r) => r.label),
    series: [
      { name: METRIC_LABELS.response, data: rate('response') },
      { name: METRIC_LABELS.onTimeResolution, data: rate('onTimeResolution') },
      { name: METRIC_LABELS.satisfaction, data: rate('satisfaction') },
    ],
    unit: 'percent',
  };
}

/** A bar chart's height (design px): room for every bar of every row. */
export function barChartHeight(spec: ChartSpec): number {
  return Math.max(180, 60 + spec.categories.length * Math.max(1, spec.series.length) * 16);
}
