import { ErrorCode, GeoOption, Me, RoomOption } from '@gezhi/shared';
import { bootTestApp, TestApp } from './support/test-app';

describe('binding a home', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootTestApp();
  });

  afterAll(() => t.close());

  it('lets an unbound resident walk street → community → building → room and bind it', async () => {
    const resident = await t.loginAs('resident4');
    expect(resident.me?.home).toBeNull();

    const streets = (await resident.get('/api/geo/streets').expect(200)).body as GeoOption[];
    expect(streets.map((s) => s.name)).toEqual(['团结街道']);
    const communities = (await resident.get(`/api/geo/communities?streetId=${streets[0].id}`).expect(200)).body as GeoOption[];
    const mingri = communities.find((c) => c.name === '明日星城社区') as GeoOption;
    expect(communities.map((c) => c.name)).toEqual(['明日星城社区', '东篱社区']);
    const buildings = (await resident.get(`/api/geo/buildings?communityId=${mingri.id}`).expect(200)).body as GeoOption[];
    expect(buildings).toHaveLength(14);
    const building3 = buildings.find((b) => b.name === '3号楼') as GeoOption;
    const rooms = (await resident.get(`/api/geo/rooms?buildingId=${building3.id}`).expect(200)).body as RoomOption[];
    const room = rooms.find((r) => r.unitName === '2单元' && r.roomNumber === '501') as RoomOption;

    const me = (await resident.put('/api/me/home', { roomId: room.id }).expect(200)).body as Me;
    expect(me.home).toMatchObject({
      roomId: room.id,
      address: '团结街道 明日星城社区 3号楼 2单元 501',
      gridName: '第二网格',
      gridLeaderName: '王海燕',
      gridLeaderPhoneMasked: '138****0002',
    });
    expect((await resident.get('/api/me').expect(200)).body.home.roomId).toBe(room.id);
  });

  it('answers 404 ROOM_NOT_FOUND for a room that does not exist', async () => {
    const resident = await t.loginAs('resident4');
    const response = await resident.put('/api/me/home', { roomId: 999999 }).expect(404);
    expect(response.body.code).toBe(ErrorCode.RoomNotFound);
  });

  it('does not let staff bind a home', async () => {
    const leader = await t.loginAs('gridleader1');
    const response = await leader.put('/api/me/home', { roomId: 1 }).expect(403);
    expect(response.body.code).toBe(ErrorCode.Forbidden);
  });

  it('requires the parent id for each geo list', async () => {
    const resident = await t.loginAs('resident4');
    const response = await resident.get('/api/geo/rooms').expect(400);
    expect(response.body.errors).toEqual({ buildingId: 'REQUIRED' });
  });

  it('shows a community officer every grid of their community', async () => {
    const officer = await t.loginAs('community1');
    expect(officer.me?.staff?.gridNames).toEqual(['第一网格', '第二网格', '第三网格', '第四网格', '第五网格', '第六网格', '第七网格']);
  });
});
