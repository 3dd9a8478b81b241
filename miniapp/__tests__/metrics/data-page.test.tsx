import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import UCharts from '@qiun/ucharts';
import { KpiCards } from '../../src/subpackages/staff/metrics/KpiCards';
import { requestKpis } from '../../src/subpackages/staff/metrics/specs';
import StaffDataPage from '../../src/subpackages/staff/pages/data/index';
import { signInWithDemoAccount, signOut } from '../../src/session/session';
import { settle } from '../helpers';
import { currentRoute, enablePageHooks } from '../pages';
import { fakeApi, reply } from '../fake-api';
import { rate } from './fixtures';
import { breakdown, ranking, requestMetrics, streetOfficerLogin, streetTrend, streetView } from './fixtures';

/** The chart library is the drawing boundary (jsdom has no canvas): a recorder of what it was handed. */
jest.mock('@qiun/ucharts', () => ({ __esModule: true, default: jest.fn() }));
const UChartsMock = UCharts as unknown as jest.Mock;

/** The month the page opens with: the current month in Asia/Shanghai (as the server counts). */
const MONTH = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 7);
const realFetch = window.fetch;

function metricsApi() {
  return fakeApi({
    'POST /api/auth/dev-login': () => streetOfficerLogin(),
    'GET /api/metrics': (c) => streetView(c.query.month),
    'GET /api/metrics/trend': () => streetTrend(MONTH),
    'GET /api/metrics/breakdown': (c) => breakdown(c.query.by as 'grid', MONTH),
    'GET /api/metrics/rankings': (c) => ranking(c.query.kind as 'GRID', c.query.month),
    'GET /api/metrics/report.xlsx': () =>
      reply(200, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), {
        'Content-Disposition': `attachment; filename="report.xlsx"; filename*=UTF-8''${encodeURIComponent(`格治月报-团结街道-${MONTH}.xlsx`)}`,
      }),
  });
}

async function openPageAsStreetOfficer() {
  const api = metricsApi();
  await signInWithDemoAccount('street1');
  const view = render(<StaffDataPage />);
  await waitFor(() => expect(view.container.querySelectorAll('.gz-chart').length).toBe(3));
  await waitFor(() => expect(view.container.querySelector('.gz-rank')).not.toBeNull());
  await settle();
  return { ...view, api };
}

beforeAll(enablePageHooks);
beforeEach(() => {
  UChartsMock.mockClear();
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => ({ fake2d: true }) as unknown as CanvasRenderingContext2D);
});
afterEach(() => {
  jest.restoreAllMocks();
  window.fetch = realFetch;
  signOut();
});

describe('KPI cards', () => {
  it('tell on 满意率 who gave the ratings (居民自评 / 电话回访) and how many items closed 未评价, outside it', async () => {
    const cards = requestKpis(
      requestMetrics({
        satisfaction: rate(7, 9),
        ratingSources: { self: { rated: 6, satisfaction: rate(5, 6) }, returnVisit: { rated: 3, satisfaction: rate(2, 3) }, closedUnrated: 2 },
      }),
    );
    const { container } = render(<KpiCards cards={cards} />);
    fireEvent.click(container.querySelector('.gz-kpi--satisfaction')!);
    await settle();
    expect(container.querySelector('.gz-kpi--satisfaction .gz-kpi__fraction')?.textContent).toBe(
      '满意评价 7 / 评价 9；居民自评 6 · 电话回访 3；未评价办结 2 件（不计入满意率）',
    );
  });

  it('show each rate, and its numerator / denominator when tapped; a rate without data is "—"', async () => {
    const cards = requestKpis(
      requestMetrics({ response: rate(45, 48), resolution: rate(40, 50), onTimeResolution: rate(38, 40), satisfaction: rate(0, 0), reopen: rate(1, 20) }),
    );
    const onOpenItems = jest.fn();
    const { container } = render(<KpiCards cards={cards} onOpenItems={onOpenItems} />);
    const value = (key: string) => container.querySelector(`.gz-kpi--${key} .gz-kpi__value`)?.textContent;
    expect(value('response')).toBe('93.8%');
    expect(value('resolution')).toBe('80.0%');
    expect(value('onTimeResolution')).toBe('95.0%');
    expect(value('satisfaction')).toBe('—');
    expect(value('reopen')).toBe('5.0%');
    expect(value('handlingTime')).toBe('—');

    fireEvent.click(container.querySelector('.gz-kpi--response')!);
    await settle();
    expect(container.querySelector('.gz-kpi--response .gz-kpi__fraction')?.textContent).toBe('按时响应 45 / 应响应 48');
    fireEvent.click(container.querySelector('.gz-kpi--satisfaction')!);
    await settle();
    expect(container.querySelector('.gz-kpi--response .gz-kpi__fraction')).toBeNull();
    expect(container.querySelector('.gz-kpi--satisfaction .gz-kpi__fraction')?.textContent).toBe('评价 0 件，暂无数据');
    fireEvent.click(container.querySelector('.gz-kpi--satisfaction .gz-kpi__items')!);
    expect(onOpenItems).toHaveBeenCalledWith(expect.objectContaining({ key: 'satisfaction', rate: 'satisfaction' }));
  });
});

describe('数据 page (street officer)', () => {
  it('asks for the current month of the own street and shows its numbers', async () => {
    const { container, api } = await openPageAsStreetOfficer();
    expect(api.callsTo('/api/metrics')[0].query).toEqual({ month: MONTH });
    expect(api.callsTo('/api/metrics')[0].headers).toMatchObject({ Authorization: 'Bearer street-token' });
    expect(container.querySelector('.gz-kpi--response .gz-kpi__value')?.textContent).toBe('93.8%');
    expect(container.querySelector('.gz-kpi--handlingTime .gz-kpi__value')?.textContent).toBe('12.5 小时');
    expect(container.querySelector('.gz-kpi--overdue .gz-kpi__value')?.textContent).toBe('6');
    // the street's departments: 按时报到率 5/6
    expect(container.querySelector('.gz-kpi--reportOnTime .gz-kpi__value')?.textContent).toBe('83.3%');
  });

  it('offers the units the street officer may see: communities and departments, then the grids of a community', async () => {
    const { container, api } = await openPageAsStreetOfficer();
    expect(container.querySelector('.gz-scope-picker__name')?.textContent).toBe('团结街道');
    fireEvent.click(screen.getByText('切换范围 ▾'));
    await settle();
    const groups = () => Array.from(container.querySelectorAll('.gz-scope-picker__group')).map((g) => g.textContent);
    expect(groups()).toEqual(['本街道', '社区明日星城社区', '部门团结派出所']);
    // the options come from breakdowns of the own street, which the server allows
    expect(api.callsTo('/api/metrics/breakdown').filter((c) => !c.query.scope).map((c) => c.query.by).sort()).toEqual(
      ['category', 'community', 'department', 'grid'],
    );

    const chip = (label: string) => Array.from(container.querySelectorAll('.gz-scope-picker .gz-chip')).find((c) => c.textContent === label)!;
    fireEvent.click(chip('明日星城社区'));
    await waitFor(() => expect(groups()).toContain('网格（明日星城社区）第一网格第二网格'));
    expect(api.callsTo('/api/metrics').pop()!.query).toEqual({ month: MONTH, scope: 'COMMUNITY', id: '1' });
    expect(api.callsTo('/api/metrics/breakdown').some((c) => c.query.by === 'grid' && c.query.scope === 'COMMUNITY' && c.query.id === '1')).toBe(true);

    fireEvent.click(chip('第二网格'));
    await waitFor(() => expect(api.callsTo('/api/metrics').pop()!.query).toEqual({ month: MONTH, scope: 'GRID', id: '2' }));
    await settle();
    // one grid: no rates-by-grid chart
    await waitFor(() => expect(container.querySelector('.gz-chart--grids')).toBeNull());
  });

  it('hands the trend, category and grid series from the API to the chart library and lists the numbers under each chart', async () => {
    const { container } = await openPageAsStreetOfficer();
    const byType = (type: string) => UChartsMock.mock.calls.map((c) => c[0]).filter((o) => o.type === type).pop();
    expect(byType('line')).toMatchObject({
      categories: ['11/02–11/08', '11/09–11/15'],
      series: [
        { name: '响应率', data: [90, 100] },
        { name: '办结率', data: [80, 100] },
        { name: '满意率', data: [75, null] },
      ],
    });
    expect(byType('column')).toMatchObject({
      categories: ['环境整治', '基础设施维修'],
      series: [
        { name: '受理量', data: [30, 20] },
        { name: '办结量', data: [25, 15] },
      ],
    });
    expect(byType('bar')).toMatchObject({
      categories: ['第一网格', '第二网格'],
      series: [
        { name: '响应率', data: [100, 89.3] },
        { name: '按时办结率', data: [90, 100] },
        { name: '满意率', data: [90, null] },
      ],
    });
    const trendRows = Array.from(container.querySelectorAll('.gz-chart--trend .gz-chart__row')).map((r) => r.textContent);
    expect(trendRows).toEqual(['时间响应率办结率满意率', '11/02–11/0890%80%75%', '11/09–11/15100%100%—']);
    const gridRows = Array.from(container.querySelectorAll('.gz-chart--grids .gz-chart__row')).map((r) => r.textContent);
    expect(gridRows[2]).toBe('第二网格89.3%100%—');
  });

  it('opens the items behind a red-list entry with the entry\'s own query, its other rates as tabs', async () => {
    const { container } = await openPageAsStreetOfficer();
    expect(container.querySelector('.gz-ranking--grid')?.textContent).toContain('第二网格');
    expect(container.querySelector('.gz-ranking--department')?.textContent).toContain('样本不足');
    fireEvent.click(container.querySelector('.gz-rank--red')!);
    await waitFor(() => expect(currentRoute()).toContain('metric-items'));
    const [path, search] = currentRoute().split('?');
    expect(path).toBe('/subpackages/staff/pages/metric-items/index');
    const params = Object.fromEntries(new URLSearchParams(search).entries());
    expect(params).toEqual({
      scope: 'GRID',
      id: '2',
      month: MONTH,
      rate: 'response',
      title: `第二网格 · ${MONTH.slice(0, 4)}年${Number(MONTH.slice(5))}月`,
      rates: 'response,onTimeResolution,satisfaction',
    });
  });

  it('lists a department with too few items as 样本不足 — never among the ranked — and marks a unit below the pass line 未达标', async () => {
    const { container } = await openPageAsStreetOfficer();
    const departments = container.querySelector('.gz-ranking--department') as HTMLElement;
    const rows = Array.from(departments.querySelectorAll('.gz-ranking__unranked-row')).map((r) => r.textContent);
    expect(rows).toEqual(['样本不足团结派出所：本月 3 件，按时报到率 1/3，退回率 0/3']);
    expect(departments.textContent).toContain('样本不足（计入按时报到率少于 5 件，不参与排名）');
    const ranked = Array.from(departments.querySelectorAll('.gz-rank')).map((r) => r.querySelector('.gz-rank__name')?.textContent);
    expect(ranked).toEqual(['城管执法中队', '交警中队']);
    expect(ranked).not.toContain('团结派出所');
    const red = departments.querySelector('.gz-rank--red') as HTMLElement;
    expect(red.querySelector('.gz-rank__tag')).toBeNull();
    expect(departments.querySelector('.gz-rank--black .gz-rank__tag--failed')?.textContent).toBe('未达标');
  });

  it('reloads everything for the month before', async () => {
    const { container, api } = await openPageAsStreetOfficer();
    fireEvent.click(container.querySelector('.gz-month__prev')!);
    await waitFor(() => expect(api.callsTo('/api/metrics').length).toBe(2));
    await settle();
    const before = new Date(Date.UTC(Number(MONTH.slice(0, 4)), Number(MONTH.slice(5)) - 2, 1)).toISOString().slice(0, 7);
    expect(api.callsTo('/api/metrics')[1].query).toEqual({ month: before });
    expect(api.callsTo('/api/metrics/rankings').map((c) => c.query.month)).toContain(before);
  });

  it('导出月报 downloads the report of the month with the token and saves it under the server\'s Chinese filename', async () => {
    const { container, api } = await openPageAsStreetOfficer();
    const saved: { href: string; download: string }[] = [];
    // jsdom implements neither blob URLs nor downloads: the browser's side of the download is recorded
    (URL as unknown as { createObjectURL: (b: Blob) => string }).createObjectURL = jest.fn(() => 'blob:report');
    (URL as unknown as { revokeObjectURL: (u: string) => void }).revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ href: this.href, download: this.download });
    });
    await act(async () => {
      fireEvent.click(screen.getByText('导出月报'));
    });
    await waitFor(() => expect(saved.length).toBe(1));
    const call = api.callsTo('/api/metrics/report.xlsx')[0];
    expect(call.method).toBe('GET');
    expect(call.query).toEqual({ month: MONTH });
    expect(call.headers).toMatchObject({ Authorization: 'Bearer street-token' });
    expect(saved[0]).toEqual({ href: 'blob:report', download: `格治月报-团结街道-${MONTH}.xlsx` });
    const blob = (URL.createObjectURL as jest.Mock).mock.calls[0][0] as Blob;
    expect(blob.size).toBe(7);
    expect(container.querySelector('.gz-export')).not.toBeNull();
  });
});
