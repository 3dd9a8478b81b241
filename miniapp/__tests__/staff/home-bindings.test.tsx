import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Channel, ErrorCode, HandlingLevel, RequestCategory, RequestStatus, Role, Urgency, type RequestSummary, type UnverifiedHome } from '@gezhi/shared';
import { RequestCard } from '../../src/components/RequestCard';
import { signInWithDemoAccount, signOut } from '../../src/session/session';
import StaffHomeBindingsPage from '../../src/subpackages/staff/pages/home-bindings/index';
import StaffInboxPage from '../../src/subpackages/staff/pages/inbox/index';
import { confirmAction, toastError, toastSuccess } from '../../src/utils/confirm';
import { errorEnvelope, fakeApi, reply, type FakeApi } from '../fake-api';
import { renderPage } from '../pages';

jest.mock('../../src/utils/confirm', () => ({
  confirmAction: jest.fn().mockResolvedValue(true),
  toastError: jest.fn(),
  toastSuccess: jest.fn(),
}));

let server: FakeApi | null = null;
afterEach(() => {
  server?.restore();
  server = null;
  jest.clearAllMocks();
});

function home(residentUserId: number, overrides: Partial<UnverifiedHome> = {}): UnverifiedHome {
  return {
    residentUserId,
    residentName: '宋**',
    phoneMasked: '136****2345',
    roomId: 100 + residentUserId,
    address: '团结街道 明日星城社区 3号楼 2单元 501',
    gridName: '第一网格',
    boundAt: '2026-12-07T02:00:00.000Z',
    requestCount: 2,
    ...overrides,
  };
}

describe('住户核实 (staff home bindings)', () => {
  it('lists the unconfirmed homes masked, with the items filed from them', async () => {
    server = fakeApi({ 'GET /staff/home-bindings': () => [home(7), home(8, { phoneMasked: null, requestCount: 0, boundAt: null })] });
    const { container } = renderPage(StaffHomeBindingsPage);
    await waitFor(() => expect(container.querySelectorAll('.gz-unverified-home')).toHaveLength(2));
    const [first, second] = Array.from(container.querySelectorAll('.gz-unverified-home'));
    expect(first.textContent).toContain('宋**');
    expect(first.textContent).toContain('3号楼 2单元 501');
    expect(first.textContent).toContain('136****2345');
    expect(first.textContent).toContain('已提交诉求 2 件');
    expect(first.textContent).toContain('未核实住户');
    expect(second.textContent).toContain('未留电话');
    expect(second.textContent).toContain('绑定时间不详');
    expect(second.textContent).not.toContain('已提交诉求');
    expect(container.textContent).toContain('共 2 户');
  });

  it('says so when nobody is waiting', async () => {
    server = fakeApi({ 'GET /staff/home-bindings': () => [] });
    renderPage(StaffHomeBindingsPage);
    await waitFor(() => expect(screen.getByText('没有待核实的住户')).toBeTruthy());
  });

  it('确认 sends the room as listed, after asking, and reloads (the home leaves the list)', async () => {
    let confirmed = false;
    server = fakeApi({
      'GET /staff/home-bindings': () => (confirmed ? [] : [home(7)]),
      'POST /staff/home-bindings/:id/confirm': () => {
        confirmed = true;
        return reply(204, '');
      },
    });
    const { container } = renderPage(StaffHomeBindingsPage);
    await waitFor(() => expect(container.querySelector('.gz-unverified-home__confirm')).toBeTruthy());
    fireEvent.click(container.querySelector('.gz-unverified-home__confirm')!);
    await waitFor(() => expect(server!.callsTo('POST', '/staff/home-bindings/7/confirm')).toHaveLength(1));
    expect(server.callsTo('POST', '/staff/home-bindings/7/confirm')[0].body).toEqual({ roomId: 107 });
    expect(confirmAction).toHaveBeenCalledWith(expect.objectContaining({ title: '确认住户' }));
    await waitFor(() => expect(screen.getByText('没有待核实的住户')).toBeTruthy());
    expect(toastSuccess).toHaveBeenCalledWith('已确认');
  });

  it('驳回 is not sent when the staff member cancels the question', async () => {
    (confirmAction as jest.Mock).mockResolvedValueOnce(false);
    server = fakeApi({ 'GET /staff/home-bindings': () => [home(7)], 'POST /staff/home-bindings/:id/reject': () => reply(204, '') });
    const { container } = renderPage(StaffHomeBindingsPage);
    await waitFor(() => expect(container.querySelector('.gz-unverified-home__reject')).toBeTruthy());
    fireEvent.click(container.querySelector('.gz-unverified-home__reject')!);
    await waitFor(() => expect(confirmAction).toHaveBeenCalledWith(expect.objectContaining({ title: '驳回绑定' })));
    expect(server.callsTo('POST', '/staff/home-bindings/7/reject')).toHaveLength(0);
  });

  it('shows the refusal when the resident bound another home meanwhile, and reloads', async () => {
    server = fakeApi({
      'GET /staff/home-bindings': () => [home(7)],
      'POST /staff/home-bindings/:id/reject': () => reply(409, errorEnvelope(ErrorCode.ConcurrentModification)),
    });
    const { container } = renderPage(StaffHomeBindingsPage);
    await waitFor(() => expect(container.querySelector('.gz-unverified-home__reject')).toBeTruthy());
    fireEvent.click(container.querySelector('.gz-unverified-home__reject')!);
    await waitFor(() => expect(toastError).toHaveBeenCalled());
    await waitFor(() => expect(server!.callsTo('GET', '/staff/home-bindings').length).toBeGreaterThan(1));
  });
});

describe('「未核实住户」 on the staff inbox', () => {
  afterEach(() => act(() => signOut()));

  const summary = (overrides: Partial<RequestSummary> = {}): RequestSummary => ({
    id: 1,
    serial: 'GZ00000001',
    category: RequestCategory.Infrastructure,
    subcategory: 'LIGHTING',
    excerpt: '楼道灯不亮',
    urgency: Urgency.Normal,
    status: RequestStatus.PendingAccept,
    level: HandlingLevel.Grid,
    channel: Channel.MiniProgram,
    gridId: 1,
    gridName: '第一网格',
    reporterName: '宋**',
    address: '明日星城 3号楼 2单元 501',
    reopenCount: 0,
    createdAt: '2026-12-07T02:00:00.000Z',
    updatedAt: '2026-12-07T02:00:00.000Z',
    thumbnail: null,
    ...overrides,
  });

  it('tags items filed from an unverified home, for staff only', () => {
    const flagged = render(<RequestCard request={summary({ fromUnverifiedHome: true })} onClick={() => undefined} />);
    expect(flagged.container.querySelector('.gz-unverified-flag')?.textContent).toBe('未核实住户');
    const plain = render(<RequestCard request={summary({ fromUnverifiedHome: false })} onClick={() => undefined} />);
    expect(plain.container.querySelector('.gz-unverified-flag')).toBeNull();
    const own = render(<RequestCard request={summary({ fromUnverifiedHome: true })} onClick={() => undefined} resident />);
    expect(own.container.querySelector('.gz-unverified-flag')).toBeNull();
  });

  it('shows the tag in the inbox list and offers 住户核实 on the 工作台', async () => {
    server = fakeApi({
      'POST /auth/dev-login': () => ({
        token: 't-1',
        expiresIn: 3600,
        me: { id: 2, nickname: '王网格', role: Role.GridLeader, home: null, staff: { gridIds: [1], gridNames: ['第一网格'], communityId: 1, streetId: 1 } },
      }),
      'GET /staff/inbox': () => ({ items: [summary({ fromUnverifiedHome: true })], total: 1, page: 1, pageSize: 20 }),
      'GET /staff/inbox/counts': () => ({ pendingAccept: 1, inProgress: 0, resolved: 0, dueSoon: 0, overdue: 0 }),
    });
    await signInWithDemoAccount('demo');
    const { container } = renderPage(StaffInboxPage);
    await waitFor(() => expect(container.querySelector('.gz-request-card .gz-unverified-flag')?.textContent).toBe('未核实住户'));
    expect(container.querySelector('.gz-home-bindings-entry')?.textContent).toContain('住户核实');
  });
});
