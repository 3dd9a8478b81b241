import { Channel, ErrorCode, FieldErrorCode, InboxCounts, Page, PAGE_COUNT_CAP, RequestCategory, RequestDetail, RequestSummary, RoomOption } from '@gezhi/shared';
import { DataSource } from 'typeorm';
import { RequestEntity } from '../src/modules/requests/request.entities';
import { fileRequest, requestBody } from './support/factories';
import { ApiClient, bootTestApp, TestApp } from './support/test-app';

describe('staff: inbox, counts and filing on behalf', () => {
  let t: TestApp;
  let leader1: ApiClient;

  beforeAll(async () => {
    t = await bootTestApp();
    leader1 = await t.loginAs('gridleader1');
  });

  afterAll(() => t.close());

  it("lists only the rooms of the leader's own grid for filing on behalf", async () => {
    const rooms = (await leader1.get('/api/staff/rooms').expect(200)).body as RoomOption[];
    expect(new Set(rooms.map((r) => r.buildingName))).toEqual(new Set(['1号楼', '2号楼']));
    expect(rooms).toHaveLength(2 * 3 * 6 * 2);
    const street = await t.loginAs('street1');
    const streetRooms = (await street.get('/api/staff/rooms').expect(200)).body as RoomOption[];
    expect(streetRooms.some((r) => r.buildingName === '优山美地1号楼')).toBe(true);
  });

  it('files a phoned-in request for a room in scope; the phone is only ever shown masked', async () => {
    const rooms = (await leader1.get('/api/staff/rooms').expect(200)).body as RoomOption[];
    const room = rooms.find((r) => r.buildingName === '2号楼' && r.unitName === '1单元' && r.roomNumber === '102') as RoomOption;
    const response = await leader1
      .post('/api/requests', requestBody({
        category: RequestCategory.Livelihood,
        subcategory: 'PROXY',
        description: '独居老人来电，腿脚不便，希望网格员上门代办养老金资格认证。',
        roomId: room.id,
        channel: Channel.Phone,
        contactName: '刘桂兰',
        contactPhone: '13704715678',
      }))
      .expect(201);
    const filed = response.body as RequestDetail;
    expect(filed).toMatchObject({
      channel: Channel.Phone,
      reporterName: '刘**',
      contactPhoneMasked: '137****5678',
      address: '团结街道 明日星城社区 2号楼 1单元 102',
      holderName: '苏月',
      availableActions: ['ACCEPT', 'REJECT', 'ESCALATE'],
    });
    expect(response.text).not.toContain('13704715678');
    const inbox = (await leader1.get('/api/staff/inbox?status=PENDING_ACCEPT').expect(200)).body as Page<RequestSummary>;
    expect(inbox.items[0]).toMatchObject({ id: filed.id, channel: Channel.Phone });
    expect(JSON.stringify(inbox)).not.toContain('13704715678');
  });

  it('refuses a room outside the scope, and requires room and channel from staff', async () => {
    const grid2Leader = await t.loginAs('gridleader2');
    const grid2Room = ((await grid2Leader.get('/api/staff/rooms').expect(200)).body as RoomOption[])[0];
    const outside = await leader1.post('/api/requests', requestBody({ roomId: grid2Room.id, channel: Channel.WalkIn })).expect(403);
    expect(outside.body.code).toBe(ErrorCode.NotInYourScope);
    const missing = await leader1.post('/api/requests', requestBody()).expect(400);
    expect(missing.body.errors).toEqual({ roomId: FieldErrorCode.Required, channel: FieldErrorCode.Required });
  });

  it('counts the inbox by stage and pages it newest first', async () => {
    const resident = await t.loginAs('resident1');
    const before = (await leader1.get('/api/staff/inbox/counts').expect(200)).body as InboxCounts;
    const first = await fileRequest(resident);
    const second = await fileRequest(resident);
    await leader1.post(`/api/requests/${first.id}/accept`).expect(200);
    const after = (await leader1.get('/api/staff/inbox/counts').expect(200)).body as InboxCounts;
    expect(after).toEqual({ ...before, pendingAccept: before.pendingAccept + 1, inProgress: before.inProgress + 1 });

    const page = (await leader1.get('/api/staff/inbox?pageSize=1').expect(200)).body as Page<RequestSummary>;
    expect(page).toMatchObject({ page: 1, pageSize: 1, items: [{ id: second.id }] });
    expect(page.total).toBeGreaterThanOrEqual(2);
    expect((await leader1.get('/api/staff/inbox?pageSize=51').expect(400)).body.errors).toEqual({ pageSize: FieldErrorCode.OutOfRange });
    expect((await leader1.get('/api/staff/inbox?status=LOST').expect(400)).body.errors).toEqual({ status: FieldErrorCode.InvalidEnum });
  });

  it('shows the community officer nothing at community level until something is escalated', async () => {
    const officer = await t.loginAs('community1');
    const inbox = (await officer.get('/api/staff/inbox').expect(200)).body as Page<RequestSummary>;
    expect(inbox.total).toBe(0);
  });

  it('stops counting a huge inbox at the cap and says so, while paging still works', async () => {
    const grid3Leader = await t.loginAs('gridleader3');
    const resident = await t.loginAs('resident3');
    const filed = await fileRequest(resident);
    const requests = t.app.get(DataSource).getRepository(RequestEntity);
    const template = await requests.findOneByOrFail({ id: filed.id });
    const { id: _id, ...columns } = template;
    const copies = Array.from({ length: PAGE_COUNT_CAP }, (_, i) => ({ ...columns, createdAt: new Date(template.createdAt.getTime() - (i + 1) * 1000) }));
    for (let i = 0; i < copies.length; i += 200) await requests.insert(copies.slice(i, i + 200));

    const page = (await grid3Leader.get('/api/staff/inbox?status=PENDING_ACCEPT&pageSize=20').expect(200)).body as Page<RequestSummary>;
    expect(page).toMatchObject({ total: PAGE_COUNT_CAP, totalCapped: true });
    expect(page.items[0].id).toBe(filed.id);
    const counts = (await grid3Leader.get('/api/staff/inbox/counts').expect(200)).body as InboxCounts;
    expect(counts.pendingAccept).toBe(PAGE_COUNT_CAP + 1);
    const small = (await leader1.get('/api/staff/inbox').expect(200)).body as Page<RequestSummary>;
    expect(small.totalCapped).toBeUndefined();
  });
});
