import { fireEvent, render, waitFor } from '@testing-library/react';
import { RequestCategory, RequestStatus, type MetricsItem, type MetricsItemsPage } from '@gezhi/shared';
import MetricItemsPage from '../../src/subpackages/staff/pages/metric-items/index';
import { itemsRouteQuery, parseItemsRoute } from '../../src/subpackages/staff/metrics/period';
import { enablePageHooks, openPage } from '../pages';
import { settle } from '../helpers';
import { fakeApi } from '../fake-api';

const realFetch = window.fetch;
beforeAll(enablePageHooks);
afterEach(() => {
  window.fetch = realFetch;
});

function item(n: number, hit: boolean): MetricsItem {
  return {
    requestId: 100 + n,
    serial: `GZ${String(100 + n).padStart(8, '0')}`,
    category: RequestCategory.Environment,
    categoryLabel: '环境整治',
    gridName: '第二网格',
    excerpt: `楼道堆物第${n}件`,
    reporterName: '王*',
    status: RequestStatus.Closed,
    receivedAt: '2026-10-03T01:00:00.000Z',
    countedAt: '2026-10-03T02:00:00.000Z',
    hit,
    note: hit ? '按时签收' : '签收超时',
    departmentName: null,
  };
}

const page = (n: number, total: number, items: MetricsItem[]): MetricsItemsPage => ({ items, total, page: n, pageSize: 20 });

/** Route params as the platform hands them over: the values still URI-encoded. */
function routeParams(search: string): Record<string, string> {
  return Object.fromEntries(search.split('&').map((pair) => pair.split('=') as [string, string]));
}

describe('the items behind a number', () => {
  it('round-trips the query through the route', () => {
    const search = itemsRouteQuery({ scope: 'GRID' as never, id: 2, month: '2026-10', rate: 'response' }, '第二网格 · 2026年10月', ['response', 'satisfaction']);
    expect(parseItemsRoute(routeParams(search))).toEqual({
      query: { scope: 'GRID', id: 2, month: '2026-10', rate: 'response' },
      title: '第二网格 · 2026年10月',
      rates: ['response', 'satisfaction'],
    });
  });

  it('lists the items of the route\'s query with their hit / miss mark, switches rates and outcome, pages on', async () => {
    const api = fakeApi({
      'GET /api/metrics/items': (c) =>
        c.query.page === '1'
          ? page(1, 21, Array.from({ length: 20 }, (_, i) => item(i + 1, i % 2 === 0)))
          : page(2, 21, [item(21, false)]),
    });
    openPage(routeParams(itemsRouteQuery({ scope: 'GRID' as never, id: 2, month: '2026-10', rate: 'response' }, '第二网格 · 2026年10月', ['response', 'onTimeResolution', 'satisfaction'])));
    const { container } = render(<MetricItemsPage />);
    await waitFor(() => expect(container.querySelectorAll('.gz-metric-item').length).toBe(20));
    expect(api.callsTo('/api/metrics/items')[0].query).toEqual({ scope: 'GRID', id: '2', month: '2026-10', rate: 'response', page: '1', pageSize: '20' });
    expect(container.querySelector('.gz-section-title')?.textContent).toBe('第二网格 · 2026年10月');
    const first = container.querySelectorAll('.gz-metric-item')[0];
    expect(first.querySelector('.gz-metric-item__mark--hit')?.textContent).toBe('计入');
    expect(first.textContent).toContain('按时签收');
    expect(first.textContent).toContain('王*');
    expect(container.querySelectorAll('.gz-metric-item')[1].querySelector('.gz-metric-item__mark--miss')?.textContent).toBe('未计入');

    fireEvent.click(container.querySelector('.gz-load-more')!);
    await waitFor(() => expect(container.querySelectorAll('.gz-metric-item').length).toBe(21));
    expect(api.callsTo('/api/metrics/items')[1].query.page).toBe('2');

    // another rate of the same unit, only the misses
    const tab = Array.from(container.querySelectorAll('.gz-metric-items__tabs .gz-chip')).find((c) => c.textContent === '满意率')!;
    fireEvent.click(tab);
    await settle();
    fireEvent.click(Array.from(container.querySelectorAll('.gz-metric-items__outcome .gz-chip')).find((c) => c.textContent === '未计入')!);
    await waitFor(() => expect(api.callsTo('/api/metrics/items').length).toBe(4));
    expect(api.callsTo('/api/metrics/items')[3].query).toEqual({
      scope: 'GRID',
      id: '2',
      month: '2026-10',
      rate: 'satisfaction',
      outcome: 'MISS',
      page: '1',
      pageSize: '20',
    });
  });
});
