import { ERROR_MESSAGES, ErrorCode, RequestCategory, Role } from '@gezhi/shared';
import { DataSource } from 'typeorm';
import { Community, Street } from '../src/modules/geo/geo.entities';
import { User } from '../src/modules/users/user.entity';
import { escalateToStreet, fileRequest } from './support/factories';
import { ApiClient, bootTestApp, TestApp } from './support/test-app';

/**
 * Issue 9, defect 6: a request outside the caller's area is refused with a code and a message that fit the role —
 * a liaison has no grid, a community officer no grid either. Grid leaders keep NOT_IN_YOUR_SCOPE (the grid wording).
 */
describe('refusals worded for the role (issue 9)', () => {
  let t: TestApp;
  let resident1: ApiClient;
  let leader1: ApiClient;
  let leader2: ApiClient;
  let community1: ApiClient;
  let street1: ApiClient;
  let police: ApiClient; // liaison1 团结派出所: nothing is whistled to it here
  let otherCommunityOfficer: ApiClient; // 东篱社区, same street
  let otherStreetOfficer: ApiClient; // 新华街道
  let requestId: number;

  /** a staff account created for this test only (the demo seed has one community officer and one street officer) */
  async function staffAccount(account: string, role: Role, place: { communityId: number | null; streetId: number }): Promise<ApiClient> {
    await t.app.get(DataSource).getRepository(User).save({
      openid: null,
      account,
      nickname: account,
      realName: role === Role.StreetOfficer ? '钱新华' : '孙东篱',
      phone: null,
      role,
      roomId: null,
      gridId: null,
      communityId: place.communityId,
      streetId: place.streetId,
      departmentId: null,
      createdAt: new Date(0),
    });
    return t.loginAs(account);
  }

  beforeAll(async () => {
    t = await bootTestApp();
    const dataSource = t.app.get(DataSource);
    const dongli = await dataSource.getRepository(Community).findOneByOrFail({ name: '东篱社区' });
    const otherStreet = await dataSource.getRepository(Street).save({ name: '新华街道', communityMayWhistle: false });
    [resident1, leader1, leader2, community1, street1, police] = await Promise.all(
      ['resident1', 'gridleader1', 'gridleader2', 'community1', 'street1', 'liaison1'].map((a) => t.loginAs(a)),
    );
    otherCommunityOfficer = await staffAccount('community-dongli', Role.CommunityOfficer, { communityId: dongli.id, streetId: dongli.streetId });
    otherStreetOfficer = await staffAccount('street-xinhua', Role.StreetOfficer, { communityId: null, streetId: otherStreet.id });
    requestId = (await fileRequest(resident1, { category: RequestCategory.Environment, subcategory: 'PARKING', description: '巷道里车辆乱停乱放，消防车进不来。' })).id;
  });

  afterAll(() => t.close());

  const refusal = async (client: ApiClient, url: string) => (await client.get(url).expect(403)).body as { code: ErrorCode; message: string };

  it('tells a liaison the item was not whistled to their department, not that it is outside their grid', async () => {
    expect(await refusal(police, `/api/requests/${requestId}`)).toMatchObject({
      code: ErrorCode.NotWhistledToYourDepartment,
      message: '该诉求未向您所在部门吹哨',
    });
  });

  it('tells a community officer the item is not in their community', async () => {
    expect(await refusal(otherCommunityOfficer, `/api/requests/${requestId}`)).toMatchObject({
      code: ErrorCode.NotInYourCommunity,
      message: '该诉求不在您的社区',
    });
  });

  it('tells a street officer the item is not in their street, also when they try to whistle it', async () => {
    expect(await refusal(otherStreetOfficer, `/api/requests/${requestId}`)).toMatchObject({ code: ErrorCode.NotInYourStreet, message: '该诉求不在您的街道' });
    await escalateToStreet(leader1, community1, requestId);
    const proposal = (await street1.get(`/api/requests/${requestId}/whistle-proposal`).expect(200)).body as { lead: { id: number } | null };
    const whistle = await otherStreetOfficer.post(`/api/requests/${requestId}/whistle`, { leadDepartmentId: proposal.lead?.id, assistDepartmentIds: [], note: '越权吹哨' }).expect(403);
    expect(whistle.body).toMatchObject({ code: ErrorCode.NotInYourStreet, message: '该诉求不在您的街道' });
  });

  it("keeps the grid wording for a grid leader asking for another grid's item", async () => {
    expect(await refusal(leader2, `/api/requests/${requestId}`)).toMatchObject({ code: ErrorCode.NotInYourScope, message: '该诉求不在您负责的网格内' });
  });

  it('has no role-specific message that talks about a grid, except the grid leader one', () => {
    for (const code of [ErrorCode.NotWhistledToYourDepartment, ErrorCode.NotInYourCommunity, ErrorCode.NotInYourStreet]) {
      expect(ERROR_MESSAGES[code]).not.toContain('网格');
    }
  });
});
