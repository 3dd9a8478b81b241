import { render } from '@testing-library/react';
import UCharts from '@qiun/ucharts';
import { Chart, type ChartSpec } from '../../src/components/Chart';
import { chartTable, isEmptyChart, toUChartsOptions } from '../../src/components/Chart/adapter';
import { settle } from '../helpers';

/**
 * The chart library is the drawing boundary: jsdom has no canvas, so uCharts is replaced by a recorder of what
 * it was handed (the real drawing is checked on Chromium by journeys/data.journey.ts).
 */
jest.mock('@qiun/ucharts', () => {
  const calls: Record<string, unknown>[] = [];
  const Recorder = jest.fn().mockImplementation((options: Record<string, unknown>) => {
    calls.push(options);
  });
  return { __esModule: true, default: Recorder };
});
const UChartsMock = UCharts as unknown as jest.Mock;

/** jsdom has no 2D context: a stand-in object, as a browser would return. */
const fakeContext = { fake2d: true };
beforeEach(() => {
  UChartsMock.mockClear();
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => fakeContext as unknown as CanvasRenderingContext2D);
});
afterEach(() => jest.restoreAllMocks());

const trend: ChartSpec = {
  kind: 'line',
  categories: ['第1周', '第2周', '第3周'],
  series: [
    { name: '响应率', data: [0.9, 0.955, null] },
    { name: '办结率', data: [0.8, 1, 0.5] },
  ],
  unit: 'percent',
};

describe('chart adapter (what uCharts receives)', () => {
  it('scales rates to percentages with one decimal and keeps gaps as null', () => {
    const options = toUChartsOptions(trend, { width: 300, height: 200, pixelRatio: 2 });
    expect(options).toMatchObject({
      type: 'line',
      width: 600,
      height: 400,
      pixelRatio: 2,
      categories: ['第1周', '第2周', '第3周'],
      series: [
        { name: '响应率', data: [90, 95.5, null] },
        { name: '办结率', data: [80, 100, 50] },
      ],
    });
    expect((options.yAxis as { data: { max: number; unit: string }[] }).data[0]).toMatchObject({ min: 0, max: 100, unit: '%' });
  });

  it('turns a pie into named slices and its table into counts and shares', () => {
    const pie: ChartSpec = { kind: 'pie', categories: ['环境整治', '基础设施维修'], series: [{ name: '件数', data: [3, 1] }], unit: 'count' };
    const options = toUChartsOptions(pie, { width: 300, height: 200, pixelRatio: 1 });
    expect(options.series).toEqual([{ data: [{ name: '环境整治', value: 3 }, { name: '基础设施维修', value: 1 }] }]);
    expect(chartTable(pie)).toEqual({
      header: ['类别', '件数', '占比'],
      rows: [
        ['环境整治', '3', '75%'],
        ['基础设施维修', '1', '25%'],
      ],
    });
  });

  it('calls a chart without categories or values empty', () => {
    expect(isEmptyChart({ ...trend, categories: [] })).toBe(true);
    expect(isEmptyChart({ ...trend, series: [{ name: '响应率', data: [null, null, null] }] })).toBe(true);
    expect(isEmptyChart({ kind: 'pie', categories: ['环境整治'], series: [{ name: '件数', data: [0] }], unit: 'count' })).toBe(true);
    expect(isEmptyChart(trend)).toBe(false);
  });
});

describe('Chart', () => {
  it('hands the series to uCharts on a canvas and shows the numbers as a table under it', async () => {
    const { container } = render(<Chart title='每周趋势' spec={trend} />);
    await settle();
    expect(UChartsMock).toHaveBeenCalledTimes(1);
    const options = UChartsMock.mock.calls[0][0];
    expect(options.context).toBe(fakeContext);
    expect(options.series).toEqual([
      { name: '响应率', data: [90, 95.5, null] },
      { name: '办结率', data: [80, 100, 50] },
    ]);
    const canvas = container.querySelector('canvas.gz-chart__canvas')!;
    expect(canvas.getAttribute('aria-label')).toBe('每周趋势：第1周 响应率 90%，办结率 80%；第2周 响应率 95.5%，办结率 100%；第3周 响应率 —，办结率 50%');
    const rows = Array.from(container.querySelectorAll('.gz-chart__row')).map((row) => row.textContent);
    expect(rows).toEqual(['时间响应率办结率', '第1周90%80%', '第2周95.5%100%', '第3周—50%']);
  });

  it('shows the empty state and draws nothing without data', async () => {
    const { container } = render(<Chart title='类别分布' spec={{ kind: 'pie', categories: [], series: [], unit: 'count' }} emptyText='本月没有诉求' />);
    await settle();
    expect(UChartsMock).not.toHaveBeenCalled();
    expect(container.querySelector('canvas')).toBeNull();
    expect(container.querySelector('.gz-chart__empty')?.textContent).toBe('本月没有诉求');
  });
});
