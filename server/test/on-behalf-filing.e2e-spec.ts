import { Channel, ErrorCode, ERROR_MESSAGES, FieldErrorCode, NotificationKind, Page, RequestDetail, RequestStatus, RequestSummary, Role, RoomResidentOption } from '@gezhi/shared';
import { DataSource } from 'typeorm';
import { ManualClock } from '../src/common/clock';
import { User } from '../src/modules/users/user.entity';
import { fileRequest, notificationsOf, requestBody } from './support/factories';
import { WEEKDAY_MORNING } from './support/instants';
import { ApiClient, bootTestApp, TestApp } from './support/test-app';

/**
 * 代居民登记 for a registered resident (issue 9): a grid leader files a walk-in for a room and picks the household
 * member it is for; the item is theirs — 我的诉求, a notice, their rating — exactly as if they had filed it.
 */
describe('filing on behalf of a registered resident', () => {
  let t: TestApp;
  let resident1: ApiClient;
  let resident2: ApiClient;
  let spouse: ApiClient;
  let leader1: ApiClient;
  let leader2: ApiClient;
  let roomId: number;
  const SPOUSE_PHONE = '13604712345';

  beforeAll(async () => {
    t = await bootTestApp({}, { clock: new ManualClock(WEEKDAY_MORNING) });
    [resident1, resident2, leader1, leader2] = await Promise.all(['resident1', 'resident2', 'gridleader1', 'gridleader2'].map((a) => t.loginAs(a)));
    roomId = resident1.me?.home?.roomId as number;
    // a second registered member of resident1's household
    await t.app.get(DataSource).getRepository(User).insert({
      openid: null,
      account: 'e2e-spouse',
      nickname: '老宋',
      realName: '宋美素',
      phone: SPOUSE_PHONE,
      role: Role.Resident,
      roomId,
      gridId: null,
      communityId: null,
      streetId: null,
      departmentId: null,
      tags: null,
      createdAt: WEEKDAY_MORNING,
    });
    spouse = await t.loginAs('e2e-spouse');
  });

  afterAll(() => t.close());

  /** the overrides of a walk-in filing for resident1's room (fileRequest / requestBody take them) */
  const walkIn = (overrides: Record<string, unknown> = {}) => ({
    roomId,
    channel: Channel.WalkIn,
    description: '来访反映：卫生间吊顶渗水，楼上防水层坏了，请尽快协调。',
    ...overrides,
  });

  it('lists the registered members of a room in the staff member’s scope, names and phones masked', async () => {
    const response = await leader1.get(`/api/staff/rooms/${roomId}/residents`).expect(200);
    const members = response.body as RoomResidentOption[];
    expect(members.map((m) => m.userId)).toEqual(expect.arrayContaining([resident1.me?.id, spouse.me?.id]));
    expect(members.find((m) => m.userId === spouse.me?.id)).toEqual({ userId: spouse.me?.id, nameMasked: '宋**', phoneMasked: '136****2345' });
    expect(JSON.stringify(response.body)).not.toContain(SPOUSE_PHONE);
    expect(JSON.stringify(response.body)).not.toContain('宋美素');
  });

  it('refuses the household list outside the caller’s scope, to residents, and for an unknown room', async () => {
    expect((await leader2.get(`/api/staff/rooms/${roomId}/residents`).expect(403)).body.code).toBe(ErrorCode.NotInYourScope);
    expect((await resident1.get(`/api/staff/rooms/${roomId}/residents`).expect(403)).body.code).toBe(ErrorCode.NotStaff);
    expect((await leader1.get('/api/staff/rooms/99999999/residents').expect(404)).body.code).toBe(ErrorCode.RoomNotFound);
  });

  it('makes a walk-in filed for a household member theirs: 我的诉求, a notice, and their rating', async () => {
    const filed = await fileRequest(leader1, walkIn({ residentUserId: spouse.me?.id }));
    expect(filed).toMatchObject({ channel: Channel.WalkIn, status: RequestStatus.PendingAccept });

    const mine = (await spouse.get('/api/requests/mine').expect(200)).body as Page<RequestSummary>;
    expect(mine.items.map((i) => i.id)).toContain(filed.id);
    await spouse.get(`/api/requests/${filed.id}`).expect(200);
    // the other member of the household does not get someone else's item
    const resident1Mine = (await resident1.get('/api/requests/mine').expect(200)).body as Page<RequestSummary>;
    expect(resident1Mine.items.map((i) => i.id)).not.toContain(filed.id);

    const told = (await notificationsOf(spouse)).find((n) => n.requestId === filed.id);
    expect(told).toMatchObject({ title: '工作人员已为您登记诉求', read: false });
    expect(told?.body).toContain('来源：来访');

    await leader1.post(`/api/requests/${filed.id}/accept`).expect(200);
    await leader1.post(`/api/requests/${filed.id}/resolve`, { note: '已联系楼上住户修复防水层。' }).expect(200);
    expect((await notificationsOf(spouse)).some((n) => n.requestId === filed.id && n.kind === NotificationKind.RequestResolved)).toBe(true);
    const rated = (await spouse.post(`/api/requests/${filed.id}/rate`, { speed: 5, effect: 5, attitude: 5 }).expect(200)).body as RequestDetail;
    expect(rated.status).toBe(RequestStatus.Closed);
  });

  it('refuses a residentUserId who is not a registered resident of that very room, with a stable code', async () => {
    for (const userId of [resident2.me?.id, leader1.me?.id, 99999999]) {
      const response = await leader1.post('/api/requests', requestBody(walkIn({ residentUserId: userId }))).expect(409);
      expect(response.body).toMatchObject({ code: ErrorCode.ResidentNotInRoom, message: ERROR_MESSAGES[ErrorCode.ResidentNotInRoom] });
    }
    expect((await leader1.post('/api/requests', requestBody(walkIn({ residentUserId: 'x' }))).expect(400)).body.errors).toHaveProperty('residentUserId');
  });

  it('does not let a resident name another owner', async () => {
    const response = await resident1.post('/api/requests', requestBody({ residentUserId: spouse.me?.id })).expect(400);
    expect(response.body.errors).toEqual({ residentUserId: FieldErrorCode.UnknownField });
  });

  it('keeps a walk-in without residentUserId as today: for someone not registered, under the contact given', async () => {
    const filed = await fileRequest(leader1, walkIn({ contactName: '王大爷', contactPhone: '13912345678' }));
    expect(filed).toMatchObject({ reporterName: '王**', contactPhoneMasked: '139****5678' });
    for (const client of [resident1, spouse]) {
      const mine = (await client.get('/api/requests/mine').expect(200)).body as Page<RequestSummary>;
      expect(mine.items.map((i) => i.id)).not.toContain(filed.id);
    }
  });
});
