import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { BookingStatus, LIMITS, NotificationKind, type BookingView } from '@gezhi/shared';
import MessagesPage from '../../src/pages/messages';
import AskPage from '../../src/subpackages/services/pages/ask';
import MyBookingsPage from '../../src/subpackages/services/pages/my-bookings';
import { refreshMe } from '../../src/session/session';
import { setToken } from '../../src/session/token';
import { settle, typeInto } from '../helpers';
import { booking, resident } from './fixtures';
import { fakeApi, reply } from '../fake-api';
import { currentRoute, enablePageHooks, openPage } from '../pages';

const realFetch = window.fetch;
beforeAll(enablePageHooks);
afterEach(() => {
  window.fetch = realFetch;
});

async function signIn(routes: Record<string, unknown>, me = resident()) {
  setToken('t-resident');
  const api = fakeApi({ 'GET /me': me, ...routes });
  await refreshMe();
  openPage();
  return api;
}

const page = (items: BookingView[], total: number, pageNo = 1) => ({ items, total, page: pageNo, pageSize: LIMITS.pageSizeDefault });

describe('我的预约', () => {
  it('lists the bookings with their status, and 待评价 where a rating is due; a tap opens the detail', async () => {
    await signIn({
      'GET /bookings/mine': page(
        [
          booking({ id: 33 }),
          booking({ id: 32, status: BookingStatus.Completed, canCancel: false, canRate: true }),
          booking({ id: 31, status: BookingStatus.Cancelled, canCancel: false }),
        ],
        3,
      ),
    });
    const { container } = render(<MyBookingsPage />);
    await waitFor(() => expect(container.querySelectorAll('.gz-booking-card')).toHaveLength(3));
    const cards = Array.from(container.querySelectorAll('.gz-booking-card'));
    expect(cards.map((c) => c.querySelector('.gz-booking-status')?.textContent)).toEqual(['已预约', '已完成', '已取消']);
    expect(cards[0].textContent).toContain('08:30–11:30');
    expect(cards[1].querySelector('.gz-booking-card__rate')?.textContent).toBe('待评价');
    expect(cards[0].querySelector('.gz-booking-card__rate')).toBeNull();
    expect(screen.getByText('没有更多了')).toBeTruthy();

    fireEvent.click(cards[1]);
    await waitFor(() => expect(currentRoute()).toBe('/subpackages/services/pages/booking/index?id=32'));
  });

  it('loads the next page on demand', async () => {
    const first = Array.from({ length: LIMITS.pageSizeDefault }, (_, i) => booking({ id: 100 - i }));
    const api = await signIn({
      'GET /bookings/mine': (call: { query: Record<string, string> }) =>
        call.query.page === '2' ? page([booking({ id: 1 })], LIMITS.pageSizeDefault + 1, 2) : page(first, LIMITS.pageSizeDefault + 1),
    });
    const { container } = render(<MyBookingsPage />);
    await waitFor(() => expect(container.querySelectorAll('.gz-booking-card')).toHaveLength(LIMITS.pageSizeDefault));
    fireEvent.click(screen.getByText('上拉或点击加载更多'));
    await settle();
    await waitFor(() => expect(container.querySelectorAll('.gz-booking-card')).toHaveLength(LIMITS.pageSizeDefault + 1));
    expect(api.callsTo('GET', '/bookings/mine').map((c) => c.query.page)).toEqual(['1', '2']);
  });

  it('leads from an empty list to the catalogue', async () => {
    await signIn({ 'GET /bookings/mine': page([], 0) });
    render(<MyBookingsPage />);
    await waitFor(() => expect(screen.getByText('您还没有预约过服务')).toBeTruthy());
    fireEvent.click(screen.getByText('去看看便民服务'));
    await waitFor(() => expect(currentRoute()).toBe('/subpackages/services/pages/catalogue/index'));
  });
});

describe('消息: a booking notification', () => {
  it('opens the booking detail', async () => {
    const api = await signIn({
      'GET /notifications': {
        items: [
          {
            id: 9,
            kind: NotificationKind.BookingUpdated,
            title: '服务已完成，请评价',
            body: '三九便民日·理发 已完成',
            requestId: null,
            bookingId: 32,
            read: false,
            createdAt: new Date().toISOString(),
          },
        ],
        total: 1,
        page: 1,
        pageSize: LIMITS.pageSizeDefault,
      },
      'POST /notifications/9/read': { id: 9 },
      'GET /notifications/unread-count': { unread: 0 },
    });
    render(<MessagesPage />);
    await waitFor(() => expect(screen.getByText('服务已完成，请评价')).toBeTruthy());
    fireEvent.click(screen.getByText('服务已完成，请评价'));
    await waitFor(() => expect(currentRoute()).toBe('/subpackages/services/pages/booking/index?id=32'));
    await waitFor(() => expect(api.callsTo('POST', '/notifications/9/read')).toHaveLength(1));
  });
});

describe('没有找到想要的服务？ (ask for a service)', () => {
  it('files the description as a request and opens its detail', async () => {
    const api = await signIn({ 'POST /services/asks': reply(201, { id: 501 }) });
    const { container } = render(<AskPage />);
    expect(container.textContent).toContain('民生服务');
    fireEvent.click(screen.getByText('提交'));
    await settle();
    expect(screen.getByText('请填写需求描述')).toBeTruthy();
    await typeInto(container, 'gz-ask-description', '  老人行动不便，想请人每周上门代买一次菜  ');
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(api.callsTo('POST', '/services/asks')).toHaveLength(1));
    expect(api.callsTo('POST', '/services/asks')[0].body).toEqual({ description: '老人行动不便，想请人每周上门代买一次菜' });
    await waitFor(() => expect(currentRoute()).toBe('/pages/request-detail/index?id=501'));
  });
});
