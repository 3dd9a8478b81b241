import { ErrorCode, Me, RequestDetail, RequestSummary, UnverifiedHome } from '@gezhi/shared';
import { DataSource } from 'typeorm';
import { ManualClock } from '../src/common/clock';
import { Building, Room } from '../src/modules/geo/geo.entities';
import { createResidents, fileRequest } from './support/factories';
import { atBeijing } from './support/instants';
import { ApiClient, bootTestApp, TestApp } from './support/test-app';

const DAY = 24 * 3600_000;

/** 住户核实: anyone may bind a home and file at once; staff see 「未核实住户」 and confirm or reject; rebinding is limited. */
describe('home binding verification', () => {
  let t: TestApp;
  let clock: ManualClock;
  let leader: ApiClient;
  let otherLeader: ApiClient;
  let gridRooms: number[];

  beforeAll(async () => {
    clock = new ManualClock(atBeijing('2026-12-07 10:00'));
    t = await bootTestApp({ HOME_CHANGES_LIMIT: '3', HOME_CHANGES_WINDOW_DAYS: '30' }, { clock });
    [leader, otherLeader] = await Promise.all([t.loginAs('gridleader1'), t.loginAs('gridleader2')]);
    const gridId = leader.me!.staff!.gridIds[0];
    gridRooms = (
      await t.app
        .get(DataSource)
        .getRepository(Room)
        .createQueryBuilder('room')
        .innerJoin(Building, 'building', 'building.id = room.buildingId')
        .where('building.gridId = :gridId', { gridId })
        .orderBy('room.id', 'ASC')
        .limit(10)
        .getMany()
    ).map((room) => room.id);
  });

  afterAll(() => t.close());

  const newcomer = async () => {
    const [resident] = await createResidents(t, 1, { prefix: `newcomer-${Math.random().toString(36).slice(2, 8)}` });
    await t.app.get(DataSource).query('UPDATE user SET roomId = NULL WHERE id = ?', [resident.me!.id]);
    return resident;
  };
  const unverifiedFor = async (staff: ApiClient) => (await staff.get('/api/staff/home-bindings').expect(200)).body as UnverifiedHome[];

  it('lets a resident bind any room and file at once, marks the binding unverified, and flags the item to staff', async () => {
    const resident = await newcomer();
    const me = (await resident.put('/api/me/home', { roomId: gridRooms[0] }).expect(200)).body as Me;
    expect(me.home).toMatchObject({ roomId: gridRooms[0], verified: false });

    const filed = await fileRequest(resident);
    expect(filed.fromUnverifiedHome).toBeUndefined(); // the resident's own view does not carry it

    const detail = (await leader.get(`/api/requests/${filed.id}`).expect(200)).body as RequestDetail;
    expect(detail.fromUnverifiedHome).toBe(true);
    const inbox = (await leader.get('/api/staff/inbox?pageSize=50').expect(200)).body.items as RequestSummary[];
    expect(inbox.find((item) => item.id === filed.id)?.fromUnverifiedHome).toBe(true);

    const listed = (await unverifiedFor(leader)).find((home) => home.residentUserId === resident.me!.id);
    expect(listed).toMatchObject({ roomId: gridRooms[0], requestCount: 1, gridName: '第一网格', boundAt: clock.now().toISOString() });
    expect((await unverifiedFor(otherLeader)).some((home) => home.residentUserId === resident.me!.id)).toBe(false);
  });

  it('does not flag the items of verified demo residents', async () => {
    const resident = await t.loginAs('resident1');
    expect(resident.me!.home!.verified).toBe(true);
    const filed = await fileRequest(resident);
    expect(((await leader.get(`/api/requests/${filed.id}`).expect(200)).body as RequestDetail).fromUnverifiedHome).toBe(false);
  });

  it('lets the grid leader of the room confirm it: the flag goes from the items and the list; others cannot', async () => {
    const resident = await newcomer();
    await resident.put('/api/me/home', { roomId: gridRooms[1] }).expect(200);
    const filed = await fileRequest(resident);

    const refused = await otherLeader.post(`/api/staff/home-bindings/${resident.me!.id}/confirm`, { roomId: gridRooms[1] }).expect(403);
    expect(refused.body.code).toBe(ErrorCode.NotInYourScope);
    const stale = await leader.post(`/api/staff/home-bindings/${resident.me!.id}/confirm`, { roomId: gridRooms[2] }).expect(409);
    expect(stale.body.code).toBe(ErrorCode.ConcurrentModification);

    await leader.post(`/api/staff/home-bindings/${resident.me!.id}/confirm`, { roomId: gridRooms[1] }).expect(204);
    expect(((await leader.get(`/api/requests/${filed.id}`).expect(200)).body as RequestDetail).fromUnverifiedHome).toBe(false);
    expect((await unverifiedFor(leader)).some((home) => home.residentUserId === resident.me!.id)).toBe(false);
    expect(((await resident.get('/api/me').expect(200)).body as Me).home?.verified).toBe(true);
    await leader.post(`/api/staff/home-bindings/${resident.me!.id}/confirm`, { roomId: gridRooms[1] }).expect(409);
  });

  it('lets the grid leader reject it: the binding is removed and the resident may bind again', async () => {
    const resident = await newcomer();
    await resident.put('/api/me/home', { roomId: gridRooms[3] }).expect(200);
    await leader.post(`/api/staff/home-bindings/${resident.me!.id}/reject`, { roomId: gridRooms[3] }).expect(204);
    expect(((await resident.get('/api/me').expect(200)).body as Me).home).toBeNull();
    await resident.put('/api/me/home', { roomId: gridRooms[4] }).expect(200);
  });

  it('is for staff only', async () => {
    const resident = await t.loginAs('resident2');
    const response = await resident.get('/api/staff/home-bindings').expect(403);
    expect(response.body.code).toBe(ErrorCode.NotStaff);
  });

  it('limits changing home to 3 binds in 30 days (429 RATE_LIMITED), binding the same room again costing nothing', async () => {
    const resident = await newcomer();
    for (const roomId of [gridRooms[5], gridRooms[6], gridRooms[6], gridRooms[7]]) await resident.put('/api/me/home', { roomId }).expect(200);
    const refused = await resident.put('/api/me/home', { roomId: gridRooms[8] }).expect(429);
    expect(refused.body).toMatchObject({ code: ErrorCode.RateLimited, retryAfterSeconds: 30 * 24 * 3600 });
    expect(refused.body.message).toBe('30 天内更换房屋已达 3 次，请于 720 小时后重试');
    expect(refused.headers['retry-after']).toBe(String(30 * 24 * 3600));
    expect(((await resident.get('/api/me').expect(200)).body as Me).home?.roomId).toBe(gridRooms[7]);

    clock.advance(30 * DAY);
    await resident.put('/api/me/home', { roomId: gridRooms[8] }).expect(200);
  });
});
