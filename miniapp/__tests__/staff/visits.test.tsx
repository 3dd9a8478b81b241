import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import {
  Role,
  BOOKING_STATUS_LABELS,
  BookingStatus,
  CUSTODY_STEP_LABELS,
  CustodyStep,
  ErrorCode,
  SERVICE_KIND_LABELS,
  ServiceKind,
  VisitAction,
  type CustodyEventView,
  type ProviderVisitView,
} from '@gezhi/shared';
import { signInWithDemoAccount, signOut } from '../../src/session/session';
import StaffInboxPage from '../../src/subpackages/staff/pages/inbox/index';
import StaffVisitPage from '../../src/subpackages/staff/pages/visit/index';
import StaffVisitsPage from '../../src/subpackages/staff/pages/visits/index';
import { confirmAction } from '../../src/utils/confirm';
import { settle, typeInto } from '../helpers';
import { errorEnvelope, fakeApi, reply, type FakeApi } from '../fake-api';
import { pickPhotos, renderPage } from '../pages';

jest.mock('../../src/utils/confirm', () => ({
  confirmAction: jest.fn().mockResolvedValue(true),
  toastError: jest.fn(),
  toastSuccess: jest.fn(),
}));
const confirmMock = confirmAction as jest.MockedFunction<typeof confirmAction>;

let server: FakeApi | null = null;
beforeEach(() => {
  confirmMock.mockReset();
  confirmMock.mockResolvedValue(true);
});
afterEach(() => {
  server?.restore();
  server = null;
});

/** a visit of 2026-12-09 (Asia/Shanghai); `at` is the UTC time of day */
function visit(bookingId: number, at: string, overrides: Partial<ProviderVisitView> = {}): ProviderVisitView {
  const startsAt = at.includes('T') ? at : `2026-12-09T${at}:00.000Z`;
  const status = overrides.status ?? BookingStatus.Booked;
  const kind = overrides.service?.kind ?? ServiceKind.DoorToDoor;
  return {
    bookingId,
    status,
    statusLabel: BOOKING_STATUS_LABELS[status],
    service: { id: 3, name: '上门理发', kind, kindLabel: SERVICE_KIND_LABELS[kind], components: [], requiredDocuments: [] },
    startsAt,
    endsAt: new Date(new Date(startsAt).getTime() + 30 * 60_000).toISOString(),
    address: `明日星城 ${bookingId}号楼 1单元 101`,
    residentName: '程*英',
    residentPhoneMasked: '138****5678',
    note: null,
    providerNote: null,
    completionPhotos: [],
    rating: null,
    availableActions: [VisitAction.Confirm, VisitAction.Arrive, VisitAction.Complete],
    custody: [],
    nextCustodyStep: null,
    ...overrides,
  };
}

const tapText = async (text: string) => {
  fireEvent.click(screen.getByText(text));
  await settle();
};
const cardTexts = (container: HTMLElement, selector: string) =>
  Array.from(container.querySelectorAll(selector)).map((el) => el.textContent ?? '');

describe('上门服务计划 (day plan)', () => {
  it('orders the visits by time and shows each address, service, masked resident and note', async () => {
    server = fakeApi({
      'GET /provider/visits': () => [
        visit(21, '06:00'), // 14:00
        visit(22, '00:30', { note: '老人行动不便，请敲门后稍等' }), // 08:30
        visit(23, '02:00', { service: { id: 4, name: '养老认证代办', kind: ServiceKind.Proxy, kindLabel: '代办服务', components: [], requiredDocuments: ['身份证'] } }), // 10:00
      ],
    });
    const { container } = renderPage(StaffVisitsPage);
    await waitFor(() => expect(container.querySelectorAll('.gz-visit-card')).toHaveLength(3));

    expect(cardTexts(container, '.gz-visit-card__time')).toEqual(['08:30–09:00', '10:00–10:30', '14:00–14:30']);
    expect(cardTexts(container, '.gz-visit-address__text')).toEqual(['明日星城 22号楼 1单元 101', '明日星城 23号楼 1单元 101', '明日星城 21号楼 1单元 101']);
    const first = container.querySelector('.gz-visit-card')!;
    expect(first.textContent).toContain('上门理发');
    expect(first.textContent).toContain('上门服务');
    expect(first.textContent).toContain('上门地址');
    expect(first.textContent).toContain('程*英 · 138****5678');
    expect(first.textContent).toContain('居民留言：老人行动不便，请敲门后稍等');
    expect(first.querySelector('.gz-status-tag')?.textContent).toBe('已预约');
    expect(container.querySelectorAll('.gz-visit-card')[1].textContent).toContain('代办服务');
    expect(container.querySelector('.gz-visit-day__label')?.textContent).toContain('12月9日 周三 · 3 个预约');
  });

  it('asks for today with days=1, for 本周 with days=7, and groups the week by day', async () => {
    server = fakeApi({
      'GET /provider/visits': (call) =>
        call.query.days === '7' ? [visit(32, '2026-12-10T01:00:00.000Z'), visit(31, '01:00')] : [visit(31, '01:00')],
    });
    const { container } = renderPage(StaffVisitsPage);
    await waitFor(() => expect(container.querySelectorAll('.gz-visit-card')).toHaveLength(1));
    expect(server.callsTo('GET', '/provider/visits').map((c) => c.query)).toEqual([{ days: '1' }]);

    await tapText('本周');
    await waitFor(() => expect(container.querySelectorAll('.gz-visit-card')).toHaveLength(2));
    expect(server.callsTo('GET', '/provider/visits')[1].query).toEqual({ days: '7' });
    const days = cardTexts(container, '.gz-visit-day__label');
    expect(days).toHaveLength(2);
    expect(days[0]).toContain('12月9日');
    expect(days[1]).toContain('12月10日');

    await tapText('今天');
    await waitFor(() => expect(server!.callsTo('GET', '/provider/visits')).toHaveLength(3));
    expect(server.callsTo('GET', '/provider/visits')[2].query).toEqual({ days: '1' });
  });

  it('opens the day of the `day` parameter, steps to the next day, and says 当天没有预约 when it is empty', async () => {
    server = fakeApi({ 'GET /provider/visits': (call) => (call.query.day === '2026-12-09' ? [visit(41, '01:00')] : []) });
    const { container } = renderPage(StaffVisitsPage, { day: '2026-12-09' });
    await waitFor(() => expect(container.querySelectorAll('.gz-visit-card')).toHaveLength(1));
    expect(server.callsTo('GET', '/provider/visits')[0].query).toEqual({ day: '2026-12-09', days: '1' });
    expect(container.querySelector('.gz-visit-day')?.textContent).toContain('12月9日 周三');

    fireEvent.click(container.querySelector('.gz-visit-day-next')!);
    await waitFor(() => expect(screen.getByText('当天没有预约')).toBeTruthy());
    expect(server.callsTo('GET', '/provider/visits')[1].query).toEqual({ day: '2026-12-10', days: '1' });
    expect(container.querySelector('.gz-visit-card')).toBeNull();
  });

  it('shows why the plan did not load and reloads on 重新加载', async () => {
    let fail = true;
    server = fakeApi({
      'GET /provider/visits': () => (fail ? reply(403, errorEnvelope(ErrorCode.Forbidden, 403)) : [visit(51, '01:00')]),
    });
    const { container } = renderPage(StaffVisitsPage);
    await waitFor(() => expect(screen.getByText('没有权限查看')).toBeTruthy());
    fail = false;
    await tapText('重新加载');
    await waitFor(() => expect(container.querySelectorAll('.gz-visit-card')).toHaveLength(1));
  });
});

describe('visit detail', () => {
  const actionButtons = (container: HTMLElement) =>
    Array.from(container.querySelectorAll('.gz-staff-actions .nut-button')).map((b) => b.textContent?.trim());

  it('shows only the actions the server allows', async () => {
    server = fakeApi({ 'GET /provider/visits/:id': () => visit(7, '01:00', { status: BookingStatus.Confirmed, availableActions: [VisitAction.Arrive, VisitAction.Complete] }) });
    const { container } = renderPage(StaffVisitPage, { id: '7' });
    await waitFor(() => expect(container.querySelector('.gz-staff-actions')).toBeTruthy());
    expect(actionButtons(container)).toEqual(['已到达', '完成服务']);
    expect(container.querySelector('.gz-visit-action-confirm')).toBeNull();
    expect(container.querySelector('.gz-visit-action-no-show')).toBeNull();
    expect(container.querySelector('.gz-visit-address__text')?.textContent).toBe('明日星城 7号楼 1单元 101');
  });

  it('does not offer 已到达 / 完成服务 before the visit\'s day and says 预约日当天可操作', async () => {
    // the server leaves ARRIVE and COMPLETE out before the slot's local day (shared/visit-day.ts)
    server = fakeApi({ 'GET /provider/visits/:id': () => visit(8, '01:00', { status: BookingStatus.Booked, availableActions: [VisitAction.Confirm] }) });
    const { container } = renderPage(StaffVisitPage, { id: '8' });
    await waitFor(() => expect(container.querySelector('.gz-staff-actions')).toBeTruthy());
    expect(actionButtons(container)).toEqual(['确认']);
    expect(container.querySelector('.gz-visit-action-arrive')).toBeNull();
    expect(container.querySelector('.gz-visit-action-complete')).toBeNull();
    expect(container.querySelector('.gz-visit-day-hint')?.textContent).toContain('预约日当天可操作');
  });

  it('shows no day hint on the visit\'s day, when 已到达 and 完成服务 are offered', async () => {
    server = fakeApi({ 'GET /provider/visits/:id': () => visit(9, '01:00', { status: BookingStatus.Confirmed, availableActions: [VisitAction.Arrive, VisitAction.Complete] }) });
    const { container } = renderPage(StaffVisitPage, { id: '9' });
    await waitFor(() => expect(container.querySelector('.gz-staff-actions')).toBeTruthy());
    expect(actionButtons(container)).toEqual(['已到达', '完成服务']);
    expect(container.querySelector('.gz-visit-day-hint')).toBeNull();
  });

  it('shows no action at all once the visit is completed, with the record, photos and the rating', async () => {
    server = fakeApi({
      'GET /provider/visits/:id': () =>
        visit(8, '01:00', {
          status: BookingStatus.Completed,
          availableActions: [],
          providerNote: '已理发，老人满意',
          completionPhotos: [{ id: 'p1', url: '/files/p1', bytes: 100 }],
          rating: { speed: 5, effect: 4, attitude: 5, comment: '师傅很耐心', ratedAt: '2026-12-09T03:00:00.000Z' },
        }),
    });
    const { container } = renderPage(StaffVisitPage, { id: '8' });
    await waitFor(() => expect(screen.getByText('服务记录')).toBeTruthy());
    expect(actionButtons(container)).toEqual([]);
    expect(screen.getByText('已理发，老人满意')).toBeTruthy();
    expect(container.querySelectorAll('.gz-visit-record .gz-photos__item')).toHaveLength(1);
    expect(container.querySelectorAll('.gz-rating-view .gz-star--on')).toHaveLength(14);
    expect(screen.getByText('“师傅很耐心”')).toBeTruthy();
  });

  it('completing requires a note, then posts the note and the uploaded photo ids', async () => {
    let current = visit(9, '01:00');
    server = fakeApi({
      'GET /provider/visits/:id': () => current,
      'POST /uploads': () => reply(201, { id: 'photo-abc', url: '/files/photo-abc', bytes: 3 }),
      'POST /provider/visits/:id/complete': (call) => {
        const body = call.body as { note: string };
        current = { ...current, status: BookingStatus.Completed, statusLabel: '已完成', availableActions: [], providerNote: body.note };
        return current;
      },
    });
    const { container } = renderPage(StaffVisitPage, { id: '9' });
    await waitFor(() => expect(container.querySelector('.gz-visit-action-complete')).toBeTruthy());
    fireEvent.click(container.querySelector('.gz-visit-action-complete')!);
    await settle();

    await tapText('确认完成');
    expect(screen.getByText('请填写服务情况')).toBeTruthy();
    expect(server.callsTo('POST', '/provider/visits/9/complete')).toHaveLength(0);

    await typeInto(container, 'gz-visit-note', '  已上门理发，老人满意  ');
    await pickPhotos(container, [new File(['img'], 'haircut.jpg', { type: 'image/jpeg' })]);
    expect(server.callsTo('POST', '/uploads')).toHaveLength(1);
    await tapText('确认完成');
    await waitFor(() => expect(server!.callsTo('POST', '/provider/visits/9/complete')).toHaveLength(1));
    expect(server.callsTo('POST', '/provider/visits/9/complete')[0].body).toEqual({ note: '已上门理发，老人满意', photoIds: ['photo-abc'] });
    await waitFor(() => expect(container.querySelector('.gz-visit-complete-form')).toBeNull());
    expect(container.querySelector('.gz-status-tag')?.textContent).toBe('已完成');
    expect(screen.getByText('已上门理发，老人满意')).toBeTruthy();
  });

  it('asks before marking a no-show, sends nothing when declined, and marks it when confirmed', async () => {
    let current = visit(10, '01:00', { availableActions: [VisitAction.Arrive, VisitAction.Complete, VisitAction.NoShow] });
    server = fakeApi({
      'GET /provider/visits/:id': () => current,
      'POST /provider/visits/:id/no-show': () => {
        current = { ...current, status: BookingStatus.NoShow, statusLabel: '未到场', availableActions: [] };
        return current;
      },
    });
    const { container } = renderPage(StaffVisitPage, { id: '10' });
    await waitFor(() => expect(container.querySelector('.gz-visit-action-no-show')).toBeTruthy());

    confirmMock.mockResolvedValueOnce(false);
    fireEvent.click(container.querySelector('.gz-visit-action-no-show')!);
    await settle();
    expect(confirmMock).toHaveBeenCalledWith(expect.objectContaining({ title: '标记未上门/爽约', confirmText: '确认爽约' }));
    expect(server.callsTo('POST', '/provider/visits/10/no-show')).toHaveLength(0);

    fireEvent.click(container.querySelector('.gz-visit-action-no-show')!);
    await waitFor(() => expect(server!.callsTo('POST', '/provider/visits/10/no-show')).toHaveLength(1));
    await waitFor(() => expect(container.querySelector('.gz-status-tag')?.textContent).toBe('未到场'));
    expect(container.querySelector('.gz-visit-action-no-show')).toBeNull();
  });

  it('records the custody steps in order: the ticked documents, then the office, and shows the next step', async () => {
    const proxyService = { id: 5, name: '养老认证代办', kind: ServiceKind.Proxy, kindLabel: '代办服务', components: [], requiredDocuments: ['身份证', '社保卡'] };
    const event = (step: CustodyStep, extra: Partial<CustodyEventView>): CustodyEventView => ({
      step,
      stepLabel: CUSTODY_STEP_LABELS[step],
      documents: [],
      office: null,
      note: null,
      actorName: '王网格',
      at: '2026-12-09T02:00:00.000Z',
      ...extra,
    });
    let current = visit(11, '01:00', { service: proxyService, nextCustodyStep: CustodyStep.DocumentsReceived });
    server = fakeApi({
      'GET /provider/visits/:id': () => current,
      'POST /provider/visits/:id/custody': (call) => {
        const body = call.body as { step: CustodyStep; documents?: string[]; office?: string };
        const next = body.step === CustodyStep.DocumentsReceived ? CustodyStep.Submitted : CustodyStep.Returned;
        current = { ...current, custody: [...current.custody, event(body.step, { documents: body.documents ?? [], office: body.office ?? null })], nextCustodyStep: next };
        return current;
      },
    });
    const { container } = renderPage(StaffVisitPage, { id: '11' });
    await waitFor(() => expect(container.querySelector('.gz-visit-action-custody')).toBeTruthy());
    expect(screen.getByText('下一步：已收取材料')).toBeTruthy();

    fireEvent.click(container.querySelector('.gz-visit-action-custody')!);
    await settle();
    await tapText('确认登记');
    expect(screen.getByText('请勾选从居民处收到的材料')).toBeTruthy();
    expect(server.callsTo('POST', '/provider/visits/11/custody')).toHaveLength(0);
    await tapText('身份证');
    await tapText('确认登记');
    await waitFor(() => expect(server!.callsTo('POST', '/provider/visits/11/custody')).toHaveLength(1));
    expect(server.callsTo('POST', '/provider/visits/11/custody')[0].body).toEqual({ step: 'DOCUMENTS_RECEIVED', documents: ['身份证'] });

    await waitFor(() => expect(screen.getByText('下一步：已递交办理')).toBeTruthy());
    expect(container.querySelector('.gz-custody-item--documents_received')?.textContent).toContain('材料：身份证');
    fireEvent.click(container.querySelector('.gz-visit-action-custody')!);
    await settle();
    expect(container.querySelector('.gz-custody-form--submitted')).toBeTruthy();
    await tapText('确认登记');
    expect(screen.getByText('请填写递交的办理单位')).toBeTruthy();
    await typeInto(container, 'gz-custody-office', ' 区社保中心 ');
    await tapText('确认登记');
    await waitFor(() => expect(server!.callsTo('POST', '/provider/visits/11/custody')).toHaveLength(2));
    expect(server.callsTo('POST', '/provider/visits/11/custody')[1].body).toEqual({ step: 'SUBMITTED', office: '区社保中心' });
    await waitFor(() => expect(screen.getByText('下一步：已归还材料')).toBeTruthy());
  });

  it('when the visit changed meanwhile (ILLEGAL_TRANSITION), says so and shows the current state', async () => {
    let current = visit(12, '01:00');
    server = fakeApi({
      'GET /provider/visits/:id': () => current,
      'POST /provider/visits/:id/confirm': () => {
        // the resident cancelled a moment before
        current = { ...current, status: BookingStatus.Cancelled, statusLabel: '已取消', availableActions: [] };
        return reply(409, errorEnvelope(ErrorCode.IllegalTransition));
      },
    });
    const { container } = renderPage(StaffVisitPage, { id: '12' });
    await waitFor(() => expect(container.querySelector('.gz-visit-action-confirm')).toBeTruthy());
    fireEvent.click(container.querySelector('.gz-visit-action-confirm')!);

    await waitFor(() => expect(container.querySelector('.gz-visit-notice')?.textContent).toContain('已刷新为最新状态'));
    await waitFor(() => expect(container.querySelector('.gz-status-tag')?.textContent).toBe('已取消'));
    expect(server.callsTo('GET', '/provider/visits/12')).toHaveLength(2);
    expect(container.querySelector('.gz-visit-action-confirm')).toBeNull();
  });
});

describe('staff inbox entry', () => {
  async function inboxAs(role: Role) {
    server = fakeApi({
      'POST /auth/dev-login': () => ({
        token: 't-1',
        expiresIn: 3600,
        me: { id: 2, nickname: '王网格', role, home: null, staff: { gridIds: [1], gridNames: ['第一网格'], communityId: 1, streetId: 1 } },
      }),
      'GET /staff/inbox': () => ({ items: [], total: 0, page: 1, pageSize: 20 }),
      'GET /staff/inbox/counts': () => ({ pendingAccept: 0, inProgress: 0, resolved: 0, dueSoon: 0, overdue: 0 }),
    });
    await signInWithDemoAccount('demo');
    const page = renderPage(StaffInboxPage);
    await waitFor(() => expect(screen.getByText('代居民登记')).toBeTruthy());
    return page;
  }
  // before the page unmounts: the session tells the mounted page that nobody is signed in any more
  afterEach(() => act(() => signOut()));

  it.each([Role.GridLeader, Role.CommunityOfficer])('offers 上门服务计划 to %s', async (role) => {
    const { container } = await inboxAs(role);
    expect(container.querySelector('.gz-visits-entry')?.textContent).toContain('上门服务计划');
  });

  it('does not offer it to street officers', async () => {
    const { container } = await inboxAs(Role.StreetOfficer);
    expect(container.querySelector('.gz-visits-entry')).toBeNull();
  });
});
