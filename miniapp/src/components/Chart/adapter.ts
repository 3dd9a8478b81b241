/**
 * The thin adapter between our chart description (`ChartSpec`, built by pages from API answers) and the
 * chart library (uCharts, `@qiun/ucharts`). Pure functions, no Taro: what the library receives and what the
 * text fallback under each chart shows are both derived here, so tests can check them without a canvas.
 */

export type ChartKind = 'line' | 'column' | 'bar' | 'pie';

/**
 * How values are given and shown:
 * - `percent`: fractions 0–1 (as the API sends rates), drawn and shown as 0–100 %;
 * - `count`: whole numbers (items);
 * - `hours`: durations in hours, one decimal.
 */
export type ChartUnit = 'percent' | 'count' | 'hours';

export interface ChartSeries {
  name: string;
  /** one value per category; null = no data for that category (a gap, '—' in the table) */
  data: (number | null)[];
}

export interface ChartSpec {
  kind: ChartKind;
  /** x-axis labels (line, column), y-axis labels (bar), slice names (pie) */
  categories: string[];
  /** pie: exactly one series, one value per category */
  series: ChartSeries[];
  unit: ChartUnit;
}

export interface ChartSize {
  /** CSS pixels of the drawing area */
  width: number;
  height: number;
  /** device pixels per CSS pixel (the canvas is drawn at width × pixelRatio) */
  pixelRatio: number;
}

/** Colours of the series / slices (the mini-program's blue first). */
export const CHART_COLORS = ['#1677ff', '#52c41a', '#faad14', '#f5222d', '#13c2c2', '#722ed1', '#eb2f96', '#fa8c16', '#2f54eb'];

/** A value as the library draws it: percentages scaled to 0–100 with one decimal, hours with one decimal. */
export function toDrawnValue(value: number | null, unit: ChartUnit): number | null {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  if (unit === 'percent') return Math.round(value * 1000) / 10;
  if (unit === 'hours') return Math.round(value * 10) / 10;
  return value;
}

/** A value as people read it (table, summary): 93.5%, 12, 3.4 小时; '—' when there is no value. */
export function formatChartValue(value: number | null, unit: ChartUnit): string {
  const drawn = toDrawnValue(value, unit);
  if (drawn === null) return '—';
  if (unit === 'percent') return `${drawn}%`;
  if (unit === 'hours') return `${drawn} 小时`;
  return String(drawn);
}

/** Nothing to draw: no categories, or no value anywhere (a pie also when everything is 0). */
export function isEmptyChart(spec: ChartSpec): boolean {
  if (spec.categories.length === 0 || spec.series.length === 0) return true;
  const values = spec.series.flatMap((s) => s.data).filter((v): v is number => v !== null && v !== undefined && !Number.isNaN(v));
  if (values.length === 0) return true;
  if (spec.kind === 'pie') return values.every((v) => v <= 0);
  return false;
}

export interface ChartTable {
  /** first column's header, then one per series (pie: 数量 / 占比) */
  header: string[];
  rows: string[][];
}

/** The numbers behind the chart as a small table: one row per category. */
export function chartTable(spec: ChartSpec): ChartTable {
  if (spec.kind === 'pie') {
    const values = spec.categories.map((_, i) => spec.series[0]?.data[i] ?? null);
    const total = values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
    return {
      header: ['类别', spec.series[0]?.name ?? '数值', '占比'],
      rows: spec.categories.map((category, i) => {
        const v = values[i];
        const share = v !== null && total > 0 ? formatChartValue(v / total, 'percent') : '—';
        return [category, formatChartValue(v, spec.unit), share];
      }),
    };
  }
  return {
    header: [spec.kind === 'line' ? '时间' : '类别', ...spec.series.map((s) => s.name)],
    rows: spec.categories.map((category, i) => [category, ...spec.series.map((s) => formatChartValue(s.data[i] ?? null, spec.unit))]),
  };
}

/** One sentence for screen readers (aria-label of the canvas). */
export function chartSummary(title: string, spec: ChartSpec): string {
  if (isEmptyChart(spec)) return `${title}：暂无数据`;
  const table = chartTable(spec);
  const parts = table.rows.map((row) =>
    spec.kind === 'pie' ? `${row[0]} ${row[1]}（${row[2]}）` : `${row[0]} ${row.slice(1).map((v, i) => (spec.series.length > 1 ? `${table.header[i + 1]} ${v}` : v)).join('，')}`,
  );
  return `${title}：${parts.join('；')}`;
}

/**
 * The options handed to `new uCharts(...)`, except `context` (the canvas's 2D context, added by the component).
 * Sizes are device pixels (uCharts draws at width × pixelRatio and scales fonts and lines by pixelRatio).
 */
export function toUChartsOptions(spec: ChartSpec, size: ChartSize): Record<string, unknown> {
  const pixelRatio = Math.max(1, size.pixelRatio || 1);
  const suffix = spec.unit === 'percent' ? '%' : '';
  const common = {
    type: spec.kind,
    width: Math.round(size.width * pixelRatio),
    height: Math.round(size.height * pixelRatio),
    pixelRatio,
    // the same code path on weapp (Canvas type="2d" node) and H5 (DOM canvas): both give a standard 2D context
    canvas2d: true,
    animation: false,
    background: '#FFFFFF',
    color: CHART_COLORS,
    fontSize: 11,
    // top, right, bottom, left; bars get room on the right for the value label of a full bar (100%)
    padding: spec.kind === 'bar' ? [12, 30, 4, 4] : [12, 12, 4, 4],
    dataLabel: spec.kind !== 'line' || spec.categories.length <= 6,
  };
  if (spec.kind === 'pie') {
    return {
      ...common,
      categories: [],
      series: [
        {
          data: spec.categories.map((name, i) => ({ name, value: toDrawnValue(spec.series[0]?.data[i] ?? null, spec.unit) ?? 0 })),
        },
      ],
      legend: { show: true, position: 'bottom', lineHeight: 18 },
      extra: { pie: { activeOpacity: 0.5, offsetAngle: -90, labelWidth: 12, border: true, borderWidth: 2, borderColor: '#FFFFFF' } },
    };
  }
  const series = spec.series.map((s) => ({ name: s.name, data: s.data.map((v) => toDrawnValue(v, spec.unit)) }));
  const legend = { show: spec.series.length > 1, position: 'bottom', lineHeight: 18 };
  if (spec.kind === 'bar') {
    return {
      ...common,
      categories: spec.categories,
      series,
      legend,
      // bars run along the x axis: the value scale is there
      xAxis: { min: 0, ...(spec.unit === 'percent' ? { max: 100 } : {}), boundaryGap: 'justify', disableGrid: false, gridType: 'dash' },
      yAxis: { data: [] },
      extra: { bar: { type: 'group', width: 14, meterBorde: 0, linearType: 'none' } },
    };
  }
  return {
    ...common,
    categories: spec.categories,
    series,
    legend,
    xAxis: { disableGrid: true, fontSize: 11, rotateLabel: spec.categories.length > 6 },
    yAxis: {
      gridType: 'dash',
      dashLength: 4,
      data: [{ min: 0, ...(spec.unit === 'percent' ? { max: 100 } : {}), unit: suffix, fontSize: 11 }],
    },
    extra:
      spec.kind === 'line'
        ? { line: { type: 'straight', width: 2, activeType: 'hollow' } }
        : { column: { type: 'group', width: 18, seriesGap: 2 } },
  };
}
