import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import {
  EligibilityMode,
  ErrorCode,
  ERROR_MESSAGES,
  FIELD_ERROR_MESSAGES,
  FieldErrorCode,
  ProviderKind,
  RecurrenceKind,
  ResidentTag,
  Role,
  ServiceKind,
  type RecurrenceRuleView,
  type ServiceOfferingView,
  type SlotView,
} from '@gezhi/shared';
import { signInWithDemoAccount, signOut } from '../../src/session/session';
import { ServiceEditor } from '../../src/subpackages/staff/catalogue/ServiceEditor';
import CataloguePage from '../../src/subpackages/staff/pages/catalogue/index';
import CatalogueEditPage from '../../src/subpackages/staff/pages/catalogue-edit/index';
import CatalogueSlotsPage from '../../src/subpackages/staff/pages/catalogue-slots/index';
import StaffInboxPage from '../../src/subpackages/staff/pages/inbox/index';
import { confirmAction, toastError } from '../../src/utils/confirm';
import { settle, typeInto } from '../helpers';
import { errorEnvelope, fakeApi, reply, type FakeApi } from '../fake-api';
import { renderPage } from '../pages';

jest.mock('../../src/utils/confirm', () => ({
  confirmAction: jest.fn().mockResolvedValue(true),
  toastError: jest.fn(),
  toastSuccess: jest.fn(),
}));
const confirmMock = confirmAction as jest.MockedFunction<typeof confirmAction>;
const toastErrorMock = toastError as jest.MockedFunction<typeof toastError>;

let server: FakeApi | null = null;
afterEach(() => {
  server?.restore();
  server = null;
});
beforeEach(() => {
  confirmMock.mockReset();
  confirmMock.mockResolvedValue(true);
  toastErrorMock.mockReset();
});

/** a route answering these in turn (the last one repeats); a plain value is a 200 body */
function inTurn<T>(...answers: T[]) {
  let n = 0;
  return () => answers[Math.min(n++, answers.length - 1)];
}
const bodiesTo = (method: string, path: string) => server!.callsTo(method, path).map((c) => c.body);

function service(overrides: Partial<ServiceOfferingView> = {}): ServiceOfferingView {
  return {
    id: 5,
    communityId: 1,
    name: '上门理发',
    kind: ServiceKind.DoorToDoor,
    kindLabel: '上门服务',
    description: '为行动不便的老人上门理发',
    durationMinutes: 60,
    provider: { kind: ProviderKind.VolunteerTeam, name: '明日星城志愿服务队', coordinatorUserId: null },
    eligibility: { mode: EligibilityMode.OnlyTagged, tags: [ResidentTag.ElderlyAlone] },
    requiredDocuments: [],
    bundleServiceIds: [],
    active: true,
    version: 3,
    coordinatorName: null,
    ...overrides,
  };
}

async function tap(text: string) {
  fireEvent.click(screen.getByText(text));
  await settle();
}

/** taps the chip with this text inside the group with the className hook */
async function tapChip(container: HTMLElement, group: string, text: string) {
  const chip = Array.from(container.querySelectorAll(`.${group} .gz-chip`)).find((c) => c.textContent === text);
  if (!chip) throw new Error(`no chip ${text} in .${group}`);
  fireEvent.click(chip);
  await settle();
}

const officerMe = (role: Role) => ({
  id: 31,
  nickname: '陈立华',
  role,
  home: null,
  staff: { gridIds: [], gridNames: [], communityId: 1, streetId: 1 },
});

describe('新增服务 (ServiceEditor)', () => {
  it('requires the documents of a proxy errand, then posts the whole service with them', async () => {
    const created = service({ id: 12, name: '养老认证代办', kind: ServiceKind.Proxy, requiredDocuments: ['身份证', '社保卡'] });
    server = fakeApi({ 'POST /services': () => reply(201, created) });
    const onCreated = jest.fn();
    const { container } = render(<ServiceEditor serviceId={null} onCreated={onCreated} />);

    await typeInto(container, 'gz-service-name', '  养老认证代办 ');
    await tapChip(container, 'gz-service-kind', '代办服务');
    await typeInto(container, 'gz-service-description', '网格员代为办理养老金资格认证');
    await typeInto(container, 'gz-service-duration', '30');
    await tapChip(container, 'gz-provider-kind', '网格员');
    await tap('新增服务');
    expect(container.querySelector('.gz-field-error--requiredDocuments')?.textContent).toBe('代办服务请列出居民需提供的材料');
    expect(server.calls).toHaveLength(0);

    await typeInto(container, 'gz-document-input', '身份证');
    await tap('添加');
    await typeInto(container, 'gz-document-input', '社保卡');
    await tap('添加');
    await typeInto(container, 'gz-document-input', '身份证');
    await tap('添加');
    expect(screen.getByText('该材料已在清单中')).toBeTruthy();
    expect(Array.from(container.querySelectorAll('.gz-document')).map((d) => d.textContent)).toEqual(['身份证移除', '社保卡移除']);

    await tap('新增服务');
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(created));
    expect(bodiesTo('POST', '/services')).toEqual([
      {
        name: '养老认证代办',
        kind: ServiceKind.Proxy,
        description: '网格员代为办理养老金资格认证',
        durationMinutes: 30,
        provider: { kind: ProviderKind.GridStaff, name: '所在网格网格员', coordinatorUserId: null },
        eligibility: { mode: EligibilityMode.All, tags: [] },
        requiredDocuments: ['身份证', '社保卡'],
        bundleServiceIds: [],
      },
    ]);
  });

  it('requires a resident tag for a service only tagged residents may book', async () => {
    server = fakeApi({ 'POST /services': () => reply(201, service({ id: 13 })) });
    const onCreated = jest.fn();
    const { container } = render(<ServiceEditor serviceId={null} onCreated={onCreated} />);
    await typeInto(container, 'gz-service-name', '上门理发');
    await tapChip(container, 'gz-service-kind', '上门服务');
    await tapChip(container, 'gz-provider-kind', '网格员');
    await tapChip(container, 'gz-eligibility', '仅限重点人群');
    await tap('新增服务');
    expect(container.querySelector('.gz-field-error--tags')?.textContent).toBe('请至少选择一类居民');
    expect(server.calls).toHaveLength(0);

    await tapChip(container, 'gz-eligibility-tags', '独居老人');
    await tapChip(container, 'gz-eligibility-tags', '残疾人');
    await tap('新增服务');
    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(bodiesTo('POST', '/services')[0]).toMatchObject({
      kind: ServiceKind.DoorToDoor,
      eligibility: { mode: EligibilityMode.OnlyTagged, tags: [ResidentTag.ElderlyAlone, ResidentTag.Disabled] },
      requiredDocuments: [],
    });
  });

  it("picks a volunteer team's coordinator from the community's staff and shows the server's field error next to it", async () => {
    server = fakeApi({
      'GET /services/coordinators': () => [
        { id: 21, name: '李网格', label: '网格长 · 第一网格' },
        { id: 31, name: '陈立华', label: '社区工作人员' },
      ],
      'POST /services': () =>
        reply(400, { ...errorEnvelope(ErrorCode.ValidationFailed, 400), errors: { 'provider.coordinatorUserId': FieldErrorCode.UnknownCoordinator } }),
    });
    const { container } = render(<ServiceEditor serviceId={null} onCreated={jest.fn()} />);
    await typeInto(container, 'gz-service-name', '磨刀');
    await tapChip(container, 'gz-service-kind', '预约服务');
    await tapChip(container, 'gz-provider-kind', '志愿服务队');
    await typeInto(container, 'gz-provider-name', '明日星城志愿服务队');
    await waitFor(() => expect(container.querySelectorAll('.gz-coordinator .gz-chip')).toHaveLength(3));
    await tapChip(container, 'gz-coordinator', '陈立华 · 社区工作人员');
    await tap('新增服务');
    await waitFor(() =>
      expect(container.querySelector('.gz-field-error--coordinator')?.textContent).toBe(FIELD_ERROR_MESSAGES[FieldErrorCode.UnknownCoordinator]),
    );
    expect(bodiesTo('POST', '/services')).toHaveLength(1);
    expect(bodiesTo('POST', '/services')[0]).toMatchObject({
      provider: { kind: ProviderKind.VolunteerTeam, name: '明日星城志愿服务队', coordinatorUserId: 31 },
    });
  });

  it('offers the other non-bundle services as components of a bundle and sends 2–6 of them', async () => {
    server = fakeApi({
      'GET /services': () => [
        service({ id: 1, name: '义诊', kind: ServiceKind.Appointment }),
        service({ id: 2, name: '理发', kind: ServiceKind.DoorToDoor, active: false }),
        service({ id: 3, name: '磨刀', kind: ServiceKind.Appointment }),
        service({ id: 4, name: '老人便民包', kind: ServiceKind.Bundle }),
      ],
      'POST /services': () => reply(201, service({ id: 14, kind: ServiceKind.Bundle })),
    });
    const onCreated = jest.fn();
    const { container } = render(<ServiceEditor serviceId={null} onCreated={onCreated} />);
    await typeInto(container, 'gz-service-name', '上门便民包');
    await tapChip(container, 'gz-service-kind', '打包服务');
    await tapChip(container, 'gz-provider-kind', '网格员');
    await waitFor(() => expect(container.querySelectorAll('.gz-bundle-components .gz-chip')).toHaveLength(3));
    expect(Array.from(container.querySelectorAll('.gz-bundle-components .gz-chip')).map((c) => c.textContent)).toEqual([
      '义诊',
      '理发（已停用）',
      '磨刀',
    ]);
    await tapChip(container, 'gz-bundle-components', '磨刀');
    await tap('新增服务');
    expect(container.querySelector('.gz-field-error--bundleServiceIds')?.textContent).toBe('请选择 2–6 项组合服务');
    await tapChip(container, 'gz-bundle-components', '义诊');
    await tap('新增服务');
    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(bodiesTo('POST', '/services')[0]).toMatchObject({ kind: ServiceKind.Bundle, bundleServiceIds: [1, 3], requiredDocuments: [] });
  });
});

describe('编辑服务 page', () => {
  it('sends the version read, and reloads the service when someone else changed it meanwhile', async () => {
    server = fakeApi({
      'GET /services/5': inTurn(service(), service({ version: 4, name: '上门理发（每周三）' })),
      'PUT /services/5': () => reply(409, errorEnvelope(ErrorCode.ConcurrentModification)),
    });
    const { container } = renderPage(CatalogueEditPage, { id: '5' });
    await waitFor(() => expect(screen.getByText('保存修改')).toBeTruthy());
    await typeInto(container, 'gz-service-duration', '45');
    await tap('保存修改');
    await waitFor(() => expect(screen.getByText('该服务刚被其他工作人员修改过，已载入最新内容，请核对后重新操作')).toBeTruthy());
    expect(bodiesTo('PUT', '/services/5')[0]).toMatchObject({ version: 3, durationMinutes: 45, name: '上门理发' });
    expect(server.callsTo('GET', '/services/5')).toHaveLength(2);
    await waitFor(() => expect((container.querySelector('.gz-service-name input') as HTMLInputElement).value).toBe('上门理发（每周三）'));
  });

  it("asks before taking a service off the residents' list, and sends only the version and the state", async () => {
    server = fakeApi({
      'GET /services/5': () => service(),
      'PUT /services/5': () => service({ version: 4, active: false }),
    });
    renderPage(CatalogueEditPage, { id: '5' });
    await waitFor(() => expect(screen.getByText('停用服务')).toBeTruthy());
    confirmMock.mockResolvedValueOnce(false);
    await tap('停用服务');
    expect(confirmMock).toHaveBeenCalledWith(expect.objectContaining({ title: '停用服务', confirmText: '确认停用' }));
    expect(server.callsTo('PUT', '/services/5')).toHaveLength(0);

    await tap('停用服务');
    await waitFor(() => expect(screen.getByText('已停用')).toBeTruthy());
    expect(bodiesTo('PUT', '/services/5')).toEqual([{ version: 3, active: false }]);
    expect(screen.getByText('重新启用')).toBeTruthy();
  });
});

describe('服务清单管理 list and entry', () => {
  afterEach(() => act(() => signOut()));

  it('lists active services first and the inactive ones marked 已停用, with their kinds', async () => {
    server = fakeApi({
      'POST /auth/dev-login': () => ({ token: 't-1', expiresIn: 3600, me: officerMe(Role.CommunityOfficer) }),
      'GET /services': () => [
        service({ id: 1, name: '理发', active: false }),
        service({ id: 2, name: '养老认证代办', kind: ServiceKind.Proxy, eligibility: { mode: EligibilityMode.All, tags: [] } }),
      ],
    });
    await signInWithDemoAccount('community1');
    const { container } = renderPage(CataloguePage);
    await waitFor(() => expect(container.querySelectorAll('.gz-catalogue-item')).toHaveLength(2));
    const items = Array.from(container.querySelectorAll('.gz-catalogue-item'));
    expect(items[0].textContent).toContain('养老认证代办');
    expect(items[0].textContent).toContain('代办服务');
    expect(items[0].textContent).not.toContain('已停用');
    expect(items[1].textContent).toContain('理发');
    expect(items[1].textContent).toContain('已停用');
    expect(screen.getByText('共 2 项，其中 1 项已停用')).toBeTruthy();
    expect(screen.getByText('新增服务')).toBeTruthy();
  });

  it('shows the empty catalogue with a way to add the first service', async () => {
    server = fakeApi({
      'POST /auth/dev-login': () => ({ token: 't-1', expiresIn: 3600, me: officerMe(Role.CommunityOfficer) }),
      'GET /services': () => [],
    });
    await signInWithDemoAccount('community1');
    renderPage(CataloguePage);
    await waitFor(() => expect(screen.getByText('还没有服务')).toBeTruthy());
  });

  it.each([
    [Role.CommunityOfficer, true],
    [Role.GridLeader, false],
  ])('offers 服务清单管理 on the staff inbox to %s: %s', async (role, offered) => {
    server = fakeApi({
      'POST /auth/dev-login': () => ({ token: 't-1', expiresIn: 3600, me: officerMe(role) }),
      'GET /staff/inbox': () => ({ items: [], total: 0, page: 1, pageSize: 20 }),
      'GET /staff/inbox/counts': () => ({ pendingAccept: 0, inProgress: 0, resolved: 0, dueSoon: 0, overdue: 0 }),
    });
    await signInWithDemoAccount('demo');
    const { container } = renderPage(StaffInboxPage);
    await waitFor(() => expect(screen.getByText('代居民登记')).toBeTruthy());
    expect(!!container.querySelector('.gz-catalogue-entry')).toBe(offered);
  });
});

describe('时段管理 page', () => {
  const inDays = (days: number, hour = 9) => {
    const at = new Date(Date.now() + days * 24 * 3600 * 1000);
    at.setUTCHours(hour - 8, 0, 0, 0); // hour:00 in Asia/Shanghai
    return at;
  };
  function slot(overrides: Partial<SlotView> = {}): SlotView {
    const startsAt = inDays(3);
    return {
      id: 101,
      serviceId: 7,
      ruleId: null,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
      capacity: 10,
      booked: 5,
      free: 5,
      ...overrides,
    };
  }
  const clinic = service({ id: 7, name: '"三九"义诊', kind: ServiceKind.Appointment });
  const slotsPage = () => renderPage(CatalogueSlotsPage, { id: '7' });

  it('adds a monthly rule with the chosen days and lists it in words', async () => {
    const rule: RecurrenceRuleView = {
      id: 3,
      serviceId: 7,
      kind: RecurrenceKind.Monthly,
      monthDays: [9, 19, 29],
      weekdays: [],
      startTime: '08:30',
      endTime: '11:30',
      capacity: 20,
      skipHolidays: true,
      validFrom: '2026-12-01',
      validUntil: null,
    };
    server = fakeApi({
      'GET /services/7': () => clinic,
      'GET /services/7/recurrences': () => [],
      'GET /services/7/slots': () => [],
      'POST /services/7/recurrences': () => reply(201, rule),
    });
    const { container } = slotsPage();
    await waitFor(() => expect(screen.getByText('还没有循环规则')).toBeTruthy());
    expect(server.callsTo('GET', '/services/7/slots')[0].query.from).toBeTruthy();

    await tap('添加循环规则');
    await tap('添加规则');
    expect(screen.getByText('请选择每月的日期')).toBeTruthy();
    expect(screen.getByText('请填写每场人数')).toBeTruthy();
    expect(server.callsTo('POST', '/services/7/recurrences')).toHaveLength(0);
    for (const day of ['29', '9', '19']) await tapChip(container, 'gz-month-days', day);
    await typeInto(container, 'gz-rule-capacity', '20');
    expect(screen.getByText('预览：每月 9、19、29 日 08:30–11:30，每场 20 人，节假日不开放')).toBeTruthy();
    await tap('添加规则');

    await waitFor(() => expect(screen.getByText('每月 9、19、29 日 08:30–11:30，每场 20 人，节假日不开放')).toBeTruthy());
    expect(screen.getByText('2026-12-01 起长期有效')).toBeTruthy();
    expect(bodiesTo('POST', '/services/7/recurrences')).toEqual([
      { kind: RecurrenceKind.Monthly, monthDays: [9, 19, 29], startTime: '08:30', endTime: '11:30', capacity: 20, skipHolidays: true },
    ]);
    // the rule's slots were created ahead: the list is read again
    await waitFor(() => expect(server!.callsTo('GET', '/services/7/slots')).toHaveLength(2));
  });

  it('adds a weekly rule and shows the server\'s field errors next to the fields', async () => {
    server = fakeApi({
      'GET /services/7': () => clinic,
      'GET /services/7/recurrences': () => [],
      'GET /services/7/slots': () => [],
      'POST /services/7/recurrences': () => reply(400, { ...errorEnvelope(ErrorCode.ValidationFailed, 400), errors: { validFrom: FieldErrorCode.OutOfRange } }),
    });
    const { container } = slotsPage();
    await waitFor(() => expect(screen.getByText('还没有循环规则')).toBeTruthy());
    await tap('添加循环规则');
    await tapChip(container, 'gz-rule-kind', '每周固定星期');
    for (const day of ['周一', '周二', '周三', '周四', '周五']) await tapChip(container, 'gz-weekdays', day);
    await typeInto(container, 'gz-rule-capacity', '8');
    await tap('添加规则');
    await waitFor(() => expect(container.querySelector('.gz-field-error--validFrom')?.textContent).toBe(FIELD_ERROR_MESSAGES[FieldErrorCode.OutOfRange]));
    expect(bodiesTo('POST', '/services/7/recurrences')).toEqual([
      { kind: RecurrenceKind.Weekly, weekdays: [1, 2, 3, 4, 5], startTime: '08:30', endTime: '11:30', capacity: 8, skipHolidays: true },
    ]);
  });

  it('lists weekly rules in words', async () => {
    const weekly: RecurrenceRuleView = {
      id: 4,
      serviceId: 7,
      kind: RecurrenceKind.Weekly,
      monthDays: [],
      weekdays: [1, 2, 3, 4, 5],
      startTime: '18:30',
      endTime: '20:30',
      capacity: 8,
      skipHolidays: false,
      validFrom: '2026-12-01',
      validUntil: '2027-06-30',
    };
    server = fakeApi({
      'GET /services/7': () => clinic,
      'GET /services/7/recurrences': () => [weekly],
      'GET /services/7/slots': () => [],
    });
    slotsPage();
    await waitFor(() => expect(screen.getByText('每周一至五 18:30–20:30，每场 8 人')).toBeTruthy());
    expect(screen.getByText('2026-12-01 至 2027-06-30 有效')).toBeTruthy();
    expect(screen.getByText('未来 14 天没有时段')).toBeTruthy();
  });

  it('does not lower a capacity below the places booked, and shows CAPACITY_BELOW_BOOKED when a booking came in meanwhile', async () => {
    server = fakeApi({
      'GET /services/7': () => clinic,
      'GET /services/7/recurrences': () => [],
      'GET /services/7/slots': inTurn([slot()], [slot({ booked: 7, free: 3 })]),
      'PUT /services/7/slots/101': () => reply(409, errorEnvelope(ErrorCode.CapacityBelowBooked)),
    });
    const { container } = slotsPage();
    await waitFor(() => expect(screen.getByText('已约 5/10')).toBeTruthy());
    expect(screen.getByText('已有预约，不能删除')).toBeTruthy();
    expect(screen.queryByText('删除')).toBeNull();

    await tap('改名额');
    await typeInto(container, 'gz-slot-capacity-input', '3');
    await tap('保存');
    expect(screen.getByText('不能少于已预约的 5 人')).toBeTruthy();
    expect(server.callsTo('PUT', '/services/7/slots/101')).toHaveLength(0);

    await typeInto(container, 'gz-slot-capacity-input', '6');
    await tap('保存');
    await waitFor(() => expect(bodiesTo('PUT', '/services/7/slots/101')).toEqual([{ capacity: 6 }]));
    await waitFor(() =>
      expect(container.querySelector('.gz-slot-row__error')?.textContent).toBe(`${ERROR_MESSAGES[ErrorCode.CapacityBelowBooked]}，已刷新最新预约人数`),
    );
    await waitFor(() => expect(screen.getByText('已约 7/10')).toBeTruthy());
  });

  it('changes a capacity', async () => {
    server = fakeApi({
      'GET /services/7': () => clinic,
      'GET /services/7/recurrences': () => [],
      'GET /services/7/slots': () => [slot()],
      'PUT /services/7/slots/101': () => slot({ capacity: 15, free: 10 }),
    });
    const { container } = slotsPage();
    await waitFor(() => expect(screen.getByText('已约 5/10')).toBeTruthy());
    await tap('改名额');
    await typeInto(container, 'gz-slot-capacity-input', '15');
    await tap('保存');
    await waitFor(() => expect(screen.getByText('已约 5/15')).toBeTruthy());
    expect(bodiesTo('PUT', '/services/7/slots/101')).toEqual([{ capacity: 15 }]);
  });

  it('asks before deleting a slot nobody booked, and deletes it only when confirmed', async () => {
    const empty = slot({ id: 102, booked: 0, free: 10 });
    server = fakeApi({
      'GET /services/7': () => clinic,
      'GET /services/7/recurrences': () => [],
      'GET /services/7/slots': () => [empty],
      'DELETE /services/7/slots/102': () => empty,
    });
    slotsPage();
    await waitFor(() => expect(screen.getByText('已约 0/10')).toBeTruthy());

    confirmMock.mockResolvedValueOnce(false);
    await tap('删除');
    expect(confirmMock).toHaveBeenCalledWith(expect.objectContaining({ title: '删除时段', confirmText: '确认删除' }));
    expect(server.callsTo('DELETE', '/services/7/slots/102')).toHaveLength(0);
    expect(screen.getByText('已约 0/10')).toBeTruthy();

    await tap('删除');
    await waitFor(() => expect(screen.queryByText('已约 0/10')).toBeNull());
    expect(server.callsTo('DELETE', '/services/7/slots/102')).toHaveLength(1);
    expect(screen.getByText('未来 14 天没有时段')).toBeTruthy();
  });

  it('tells the officer when a booking came in before the delete (SLOT_HAS_BOOKINGS) and shows the slot again', async () => {
    server = fakeApi({
      'GET /services/7': () => clinic,
      'GET /services/7/recurrences': () => [],
      'GET /services/7/slots': inTurn([slot({ id: 102, booked: 0, free: 10 })], [slot({ id: 102, booked: 1, free: 9 })]),
      'DELETE /services/7/slots/102': () => reply(409, errorEnvelope(ErrorCode.SlotHasBookings)),
    });
    slotsPage();
    await waitFor(() => expect(screen.getByText('已约 0/10')).toBeTruthy());
    await tap('删除');
    await waitFor(() => expect(toastErrorMock).toHaveBeenCalledWith(ERROR_MESSAGES[ErrorCode.SlotHasBookings]));
    await waitFor(() => expect(screen.getByText('已约 1/10')).toBeTruthy());
    expect(screen.getByText('已有预约，不能删除')).toBeTruthy();
    expect(server.callsTo('DELETE', '/services/7/slots/102')).toHaveLength(1);
  });

  it('loads the next 14 days on demand', async () => {
    server = fakeApi({
      'GET /services/7': () => clinic,
      'GET /services/7/recurrences': () => [],
      'GET /services/7/slots': (call) =>
        new Date(call.query.from).getTime() > Date.now() + 24 * 3600_000
          ? [slot({ id: 103, startsAt: inDays(20).toISOString(), endsAt: inDays(20, 10).toISOString(), booked: 2, free: 8 })]
          : [slot()],
    });
    slotsPage();
    await waitFor(() => expect(screen.getByText('已约 5/10')).toBeTruthy());
    await tap('上拉或点击加载更多');
    await waitFor(() => expect(screen.getByText('已约 2/10')).toBeTruthy());
    const windows = server.callsTo('GET', '/services/7/slots').map((c) => [c.query.from, c.query.to]);
    expect(windows).toHaveLength(2);
    expect(windows[1][0]).toBe(windows[0][1]);
    expect(new Date(windows[1][1]).getTime() - new Date(windows[1][0]).getTime()).toBe(14 * 24 * 3600_000);
  });
});
