import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Channel, ErrorCode, HandlingLevel, RatingSource, RequestCategory, Role, type Page, type ReturnVisitItem } from '@gezhi/shared';
import { RatingSummary } from '../../src/components/RatingSummary';
import { signInWithDemoAccount, signOut } from '../../src/session/session';
import StaffInboxPage from '../../src/subpackages/staff/pages/inbox/index';
import StaffReturnVisitsPage from '../../src/subpackages/staff/pages/return-visits/index';
import { toastSuccess } from '../../src/utils/confirm';
import { dialPhone } from '../../src/utils/phone-call';
import { settle } from '../helpers';
import { errorEnvelope, fakeApi, reply, type FakeApi } from '../fake-api';
import { renderPage } from '../pages';

// the dialer (Taro.makePhoneCall) is the boundary: the page must dial what the server returned at that moment
jest.mock('../../src/utils/phone-call', () => ({ dialPhone: jest.fn().mockResolvedValue(undefined) }));
jest.mock('../../src/utils/confirm', () => ({
  confirmAction: jest.fn().mockResolvedValue(true),
  toastError: jest.fn(),
  toastSuccess: jest.fn(),
}));

let server: FakeApi | null = null;
afterEach(() => {
  server?.restore();
  server = null;
});

function item(id: number, overrides: Partial<ReturnVisitItem> = {}): ReturnVisitItem {
  return {
    id,
    serial: `GZ${String(id).padStart(8, '0')}`,
    category: RequestCategory.Infrastructure,
    subcategory: 'LIGHTING',
    excerpt: '来访反映：楼道声控灯不亮，晚上上下楼看不清。',
    channel: Channel.WalkIn,
    level: HandlingLevel.Grid,
    gridName: '第一网格',
    address: '明日星城 1号楼 2单元 301',
    contactName: '赵**',
    contactPhoneMasked: '137****9999',
    hasPhone: true,
    resolvedAt: '2026-12-07T02:00:00.000Z',
    closesAt: '2026-12-14T02:00:00.000Z',
    unreachableAttempts: 0,
    ...overrides,
  };
}

const page = (items: ReturnVisitItem[]) => ({ items, total: items.length, page: 1, pageSize: 20 });
const tapStar = (container: HTMLElement, row: string, score: number) => fireEvent.click(container.querySelectorAll(`.${row} .gz-star`)[score - 1]);

describe('待回访 (return visits)', () => {
  it('shows a loading state, then each item with the contact masked and no full number anywhere', async () => {
    let answer: (value: Page<ReturnVisitItem>) => void = () => undefined;
    server = fakeApi({ 'GET /staff/return-visits': () => new Promise<Page<ReturnVisitItem>>((resolve) => (answer = resolve)) });
    const { container } = renderPage(StaffReturnVisitsPage);
    await settle();
    expect(container.querySelector('.gz-return-visit')).toBeNull();
    expect(container.textContent).not.toContain('暂无待回访');
    await act(async () => answer(page([item(7), item(8, { channel: Channel.Phone, hasPhone: false, contactPhoneMasked: null, unreachableAttempts: 2 })])));
    await waitFor(() => expect(container.querySelectorAll('.gz-return-visit')).toHaveLength(2));
    const [first, second] = Array.from(container.querySelectorAll('.gz-return-visit'));
    expect(first.textContent).toContain('赵**');
    expect(first.textContent).toContain('137****9999');
    expect(first.textContent).toContain('来访');
    expect(first.querySelector('.gz-return-visit__call')).toBeTruthy();
    expect(second.textContent).toContain('电话');
    expect(second.textContent).toContain('未留电话');
    expect(second.textContent).toContain('已联系不上 2 次');
    expect(second.querySelector('.gz-return-visit__call')).toBeNull();
    expect(container.textContent).not.toMatch(/1370471\d{4}|13704719999/);
  });

  it('says so when nothing is waiting', async () => {
    server = fakeApi({ 'GET /staff/return-visits': () => page([]) });
    renderPage(StaffReturnVisitsPage);
    await waitFor(() => expect(screen.getByText('暂无待回访的诉求')).toBeTruthy());
  });

  it('dials the number the server gives at the moment of calling', async () => {
    const dial = dialPhone as jest.MockedFunction<typeof dialPhone>;
    server = fakeApi({ 'GET /staff/return-visits': () => page([item(7)]), 'POST /requests/:id/return-visit/call': () => ({ phone: '13704719999' }) });
    const { container } = renderPage(StaffReturnVisitsPage);
    await waitFor(() => expect(container.querySelector('.gz-return-visit__call')).toBeTruthy());
    fireEvent.click(container.querySelector('.gz-return-visit__call')!);
    await waitFor(() => expect(dial).toHaveBeenCalledWith('13704719999'));
    expect(server.callsTo('POST', '/requests/7/return-visit/call')).toHaveLength(1);
  });

  it('records the three scores given on the phone, then reloads the list (the item leaves it)', async () => {
    let rated = false;
    server = fakeApi({
      'GET /staff/return-visits': () => page(rated ? [] : [item(7)]),
      'POST /requests/:id/return-visit': () => {
        rated = true;
        return { id: 7 };
      },
    });
    const { container } = renderPage(StaffReturnVisitsPage);
    await waitFor(() => expect(container.querySelector('.gz-return-visit__rate')).toBeTruthy());
    fireEvent.click(container.querySelector('.gz-return-visit__rate')!);
    await settle();
    expect(container.textContent).toContain('电话回访评价');
    tapStar(container, 'gz-rate-speed', 5);
    tapStar(container, 'gz-rate-effect', 4);
    tapStar(container, 'gz-rate-attitude', 5);
    fireEvent.click(screen.getByText('提交评价'));
    await waitFor(() => expect(server!.callsTo('POST', '/requests/7/return-visit')).toHaveLength(1));
    expect(server.callsTo('POST', '/requests/7/return-visit')[0].body).toEqual({ speed: 5, effect: 4, attitude: 5 });
    await waitFor(() => expect(screen.getByText('暂无待回访的诉求')).toBeTruthy());
    expect(toastSuccess).toHaveBeenCalledWith('回访评价已录入');
  });

  it('records 联系不上 and shows the new attempt count', async () => {
    let attempts = 0;
    server = fakeApi({
      'GET /staff/return-visits': () => page([item(7, { unreachableAttempts: attempts })]),
      'POST /requests/:id/return-visit/unreachable': () => {
        attempts += 1;
        return { id: 7 };
      },
    });
    const { container } = renderPage(StaffReturnVisitsPage);
    await waitFor(() => expect(container.querySelector('.gz-return-visit__unreachable')).toBeTruthy());
    fireEvent.click(container.querySelector('.gz-return-visit__unreachable')!);
    await waitFor(() => expect(container.textContent).toContain('已联系不上 1 次'));
    expect(server.callsTo('POST', '/requests/7/return-visit/unreachable')).toHaveLength(1);
  });

  it('shows the server’s refusal of a rating recorded too early', async () => {
    server = fakeApi({
      'GET /staff/return-visits': () => page([item(7)]),
      'POST /requests/:id/return-visit': () => reply(409, { ...errorEnvelope(ErrorCode.ReturnVisitNotDue), message: '办结未满回访期限，请等待居民自行评价' }),
    });
    const { container } = renderPage(StaffReturnVisitsPage);
    await waitFor(() => expect(container.querySelector('.gz-return-visit__rate')).toBeTruthy());
    fireEvent.click(container.querySelector('.gz-return-visit__rate')!);
    await settle();
    for (const row of ['gz-rate-speed', 'gz-rate-effect', 'gz-rate-attitude']) tapStar(container, row, 5);
    fireEvent.click(screen.getByText('提交评价'));
    await waitFor(() => expect(container.textContent).toContain('办结未满回访期限'));
  });
});

describe('staff inbox entry to 待回访', () => {
  afterEach(() => act(() => signOut()));

  it('is offered on the 工作台', async () => {
    server = fakeApi({
      'POST /auth/dev-login': () => ({
        token: 't-1',
        expiresIn: 3600,
        me: { id: 2, nickname: '王网格', role: Role.GridLeader, home: null, staff: { gridIds: [1], gridNames: ['第一网格'], communityId: 1, streetId: 1 } },
      }),
      'GET /staff/inbox': () => ({ items: [], total: 0, page: 1, pageSize: 20 }),
      'GET /staff/inbox/counts': () => ({ pendingAccept: 0, inProgress: 0, resolved: 0, dueSoon: 0, overdue: 0 }),
    });
    await signInWithDemoAccount('demo');
    const { container } = renderPage(StaffInboxPage);
    await waitFor(() => expect(container.querySelector('.gz-return-visits-entry')?.textContent).toContain('待回访'));
  });
});

describe('a rating recorded on a return visit', () => {
  it('says it was given on the phone and who recorded it', () => {
    const { container } = render(
      <RatingSummary rating={{ speed: 5, effect: 4, attitude: 5, comment: null, ratedAt: '2026-12-10T02:00:00.000Z', source: RatingSource.ReturnVisit, recordedByName: '苏月' }} />,
    );
    expect(container.querySelector('.gz-rating-view__source')?.textContent).toBe('电话回访评价，由苏月代为录入');
    const self = render(<RatingSummary rating={{ speed: 5, effect: 4, attitude: 5, comment: null, ratedAt: '2026-12-10T02:00:00.000Z', source: RatingSource.Self }} />);
    expect(self.container.querySelector('.gz-rating-view__source')).toBeNull();
  });
});
