import { BoardPage, ErrorCode, FieldErrorCode, RequestCategory, RequestDetail, Role } from '@gezhi/shared';
import { DataSource } from 'typeorm';
import { Community } from '../../src/modules/geo/geo.entities';
import { User } from '../../src/modules/users/user.entity';
import { fileRequest } from '../support/factories';
import { ApiClient, bootTestApp, TestApp } from '../support/test-app';
import { ManualClock } from '../../src/common/clock';
import { WEEKDAY_MORNING } from '../support/instants';

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  return [];
}

const PERSONAL_KEYS = [
  'userId',
  'residentUserId',
  'creatorUserId',
  'holderUserId',
  'raterUserId',
  'roomId',
  'phone',
  'contactPhone',
  'contactPhoneMasked',
  'contactName',
  'openid',
  'address',
  'unitName',
  'roomNumber',
  'realName',
  'nickname',
];

describe('公示: the public board of resolved items', () => {
  let t: TestApp;
  let resident1: ApiClient;
  let resident2: ApiClient;
  let leader2: ApiClient;
  let community1: ApiClient;
  let street1: ApiClient;
  let leak: RequestDetail;
  let light: RequestDetail;
  let open: RequestDetail;
  let board: BoardPage;
  let clock: ManualClock;

  let leakDraft: string | undefined;
  let lightDraft: string | undefined;

  /** The handler resolves with the public summary they approve (undefined: none approved), and the resident rates. */
  async function resolveAndRate(request: RequestDetail, comment: string, approve: (draft: string) => string | undefined): Promise<string | undefined> {
    const accepted = (await leader2.post(`/api/requests/${request.id}/accept`).expect(200)).body as RequestDetail;
    clock.advance(2 * 60 * 60_000 + 5 * 60_000); // resolved 2 h 5 min after filing
    const draft = accepted.publicSummaryDraft as string;
    const publicSummary = approve(draft);
    await leader2.post(`/api/requests/${request.id}/resolve`, { note: '已上门处理完毕。', ...(publicSummary !== undefined ? { publicSummary } : {}) }).expect(200);
    await resident2.post(`/api/requests/${request.id}/rate`, { speed: 5, effect: 4, attitude: 5, comment }).expect(200);
    return draft;
  }

  beforeAll(async () => {
    clock = new ManualClock(WEEKDAY_MORNING);
    t = await bootTestApp({}, { clock });
    [resident1, resident2, leader2, community1, street1] = await Promise.all(['resident1', 'resident2', 'gridleader2', 'community1', 'street1'].map((a) => t.loginAs(a)));
    // 宋美素's husband lives in the same room: the system knows his name too
    await t.app.get(DataSource).getRepository(User).insert({
      openid: null,
      account: 'e2e-board-husband',
      nickname: '老宋',
      realName: '宋大伟',
      phone: '13904718888',
      role: Role.Resident,
      roomId: resident2.me?.home?.roomId ?? null,
      gridId: null,
      communityId: null,
      streetId: null,
      departmentId: null,
      tags: null,
      createdAt: new Date(),
    });

    leak = await fileRequest(resident2, {
      description: '我是3号楼1单元502的宋美素，电话13604712345，备用136-0471-2345。楼上602漏水一个月了，我爱人宋大伟 +86 139 0471 8888 也联系不上楼上。',
      showNamePublicly: false,
    });
    light = await fileRequest(resident2, {
      category: RequestCategory.Infrastructure,
      subcategory: 'LIGHTING',
      description: '3-1-502门口的楼道灯坏了，晚上看不见。座机0471-6543210，微信songms_1970，身份证150203197001011234。',
      showNamePublicly: true,
    });
    open = await fileRequest(resident2, { category: RequestCategory.Environment, subcategory: 'CLUTTER', description: '楼道堆了很多纸箱，还没人处理。' });
    // the handler edits the draft (and slips a phone number in, which is removed again)
    leakDraft = await resolveAndRate(leak, '谢谢王海燕网格长，宋美素家的问题解决了，有事打13604712345', () => '3号楼一户楼上漏水，已协调楼上住户修复防水层。回访电话138.0471.1234');
    // resolved without approving a summary, like the items closed before summaries existed
    lightDraft = await resolveAndRate(light, '修得很快', () => undefined);
    board = (await resident2.get('/api/board').expect(200)).body as BoardPage;
  });

  afterAll(() => t.close());

  it('shows the community’s closed items, newest first, with labels, rating and time taken', () => {
    expect(board).toMatchObject({ communityName: '明日星城社区', page: 1, pageSize: 20 });
    const subcategories = board.items.map((i) => i.subcategory);
    expect(subcategories.slice(0, 2)).toEqual(['LIGHTING', 'LEAK']);
    expect(subcategories).not.toContain('CLUTTER');
    // the demo's closed item of another resident of the community is on it too
    expect(subcategories).toContain('EMPLOYMENT');
    expect(board.total).toBe(board.items.length);
    expect(new Set(board.items.map((i) => i.key)).size).toBe(board.items.length);

    const item = board.items[1];
    expect(item).toMatchObject({
      category: RequestCategory.Infrastructure,
      categoryLabel: '基础设施维修',
      subcategoryLabel: '漏水渗水',
      gridName: '第二网格',
      reporterName: null,
      rating: { speed: 5, effect: 4, attitude: 5 },
    });
    expect(item.timeTakenMinutes).toBe(125);
    expect(item.timeTakenLabel).toBe('2小时5分钟');
    expect(Date.parse(item.resolvedAt)).toBeGreaterThanOrEqual(Date.parse(item.filedAt));
  });

  it('pre-fills the resolve form with the description anonymised: names, phones, rooms, WeChat and ID numbers gone', () => {
    expect(leakDraft).toBe('我是3号楼的某某，电话[电话已隐去]，备用[电话已隐去]。楼上漏水一个月了，我爱人某某 [电话已隐去] 也联系不上楼上。');
    expect(lightDraft).toBe('3号楼门口的楼道灯坏了，晚上看不见。座机[电话已隐去]，微信[已隐去]，身份证[证件号已隐去]。');
  });

  it('shows the public summary the handler approved, anonymised again, and never the resident’s description', () => {
    const [lightItem, leakItem] = board.items;
    expect(leakItem.summary).toBe('3号楼一户楼上漏水，已协调楼上住户修复防水层。回访电话[电话已隐去]');
    expect(leakItem.rating?.comment).toBe('谢谢王海燕网格长，某某家的问题解决了，有事打[电话已隐去]');
    // no summary approved: category, status and time only
    expect(lightItem).toMatchObject({ summary: null, statusLabel: '已办结', categoryLabel: '基础设施维修', subcategoryLabel: '楼道照明' });
    const json = JSON.stringify(board);
    for (const written of ['漏水一个月了', '联系不上楼上', '楼道灯坏了', '晚上看不见', '[证件号已隐去]']) expect(json).not.toContain(written);
    expect(keysOf(board)).not.toContain('description');
  });

  it('shows no serial number: no serial field, and no item’s serial anywhere in the JSON', () => {
    expect(keysOf(board)).not.toContain('serial');
    const json = JSON.stringify(board);
    for (const serial of [leak.serial, light.serial, open.serial]) expect(json).not.toContain(serial);
    expect(json).not.toMatch(/GZ[0-9]{8}/);
  });

  it('keeps what the handler approved, anonymised, on the item for staff; residents are not shown the draft', async () => {
    const staffView = (await leader2.get(`/api/requests/${leak.id}`).expect(200)).body as RequestDetail;
    expect(staffView).toMatchObject({ publicSummary: '3号楼一户楼上漏水，已协调楼上住户修复防水层。回访电话[电话已隐去]' });
    const residentView = (await resident2.get(`/api/requests/${leak.id}`).expect(200)).body as RequestDetail;
    expect(residentView).not.toHaveProperty('publicSummaryDraft');
    expect(residentView).not.toHaveProperty('publicSummary');
  });

  it('shows the reporter’s name only when they chose to, and then masked', () => {
    expect(board.items[0].reporterName).toBe('宋**');
    expect(board.items[1].reporterName).toBeNull();
  });

  it('exposes nothing personal anywhere in the JSON', () => {
    const json = JSON.stringify(board);
    for (const secret of ['宋美素', '宋大伟', '老宋', '13604712345', '136-0471-2345', '139 0471 8888', '13904718888', '6543210', '1单元502', 'songms', '150203197001011234']) {
      expect(json).not.toContain(secret);
    }
    const texts = board.items.flatMap((i) => [i.summary ?? '', i.rating?.comment ?? '']).join('\n');
    for (const room of ['502', '602']) expect(texts).not.toContain(room);
    const keys = keysOf(board);
    for (const key of PERSONAL_KEYS) expect(keys).not.toContain(key);
    expect(keys).not.toContain('id');
  });

  it('carries the community’s current rates', () => {
    expect(board.rates).toMatchObject({ periodLabel: '近30天' });
    // the metrics' numbers for the community over the last 30 days: at least the items filed and closed here
    expect(board.rates.filedCount).toBeGreaterThanOrEqual(3);
    expect(board.rates.resolvedCount).toBeGreaterThanOrEqual(2);
    expect(board.rates.satisfactionRate).not.toBeNull();
    expect(board.rates.to >= board.rates.from).toBe(true);
    for (const rate of [board.rates.responseRate, board.rates.resolutionRate, board.rates.onTimeRate, board.rates.satisfactionRate]) {
      expect(rate === null || (rate >= 0 && rate <= 1)).toBe(true);
    }
  });

  it('pages', async () => {
    const first = (await resident2.get('/api/board?pageSize=1').expect(200)).body as BoardPage;
    const second = (await resident2.get('/api/board?pageSize=1&page=2').expect(200)).body as BoardPage;
    expect(first.items.map((i) => i.subcategory)).toEqual(['LIGHTING']);
    expect(second.items.map((i) => i.subcategory)).toEqual(['LEAK']);
    expect(first.total).toBe(board.total);
    expect((await resident2.get('/api/board?pageSize=500').expect(400)).body.errors).toEqual({ pageSize: FieldErrorCode.OutOfRange });
  });

  it('is the same board for every resident and the staff of the community', async () => {
    const other = (await resident1.get('/api/board').expect(200)).body as BoardPage;
    expect(other.items).toEqual(board.items);
    const staff = (await community1.get('/api/board').expect(200)).body as BoardPage;
    expect(staff).toEqual(board);
    const leader = (await leader2.get('/api/board').expect(200)).body as BoardPage;
    expect(leader.items).toEqual(board.items);
    const street = (await street1.get(`/api/board?communityId=${board.communityId}`).expect(200)).body as BoardPage;
    expect(street.items).toEqual(board.items);
  });

  it('refuses callers without a community, outside it, or liaisons', async () => {
    const otherCommunity = await t.app.get(DataSource).getRepository(Community).findOneByOrFail({ name: '东篱社区' });
    expect((await (await t.loginAs('resident4')).get('/api/board').expect(409)).body.code).toBe(ErrorCode.HomeNotBound);
    expect((await (await t.loginAs('liaison1')).get('/api/board').expect(403)).body.code).toBe(ErrorCode.Forbidden);
    expect((await resident2.get(`/api/board?communityId=${otherCommunity.id}`).expect(403)).body.code).toBe(ErrorCode.Forbidden);
    expect((await community1.get(`/api/board?communityId=${otherCommunity.id}`).expect(403)).body.code).toBe(ErrorCode.NotInYourScope);
    expect((await street1.get('/api/board').expect(400)).body.errors).toEqual({ communityId: FieldErrorCode.Required });
    expect((await street1.get('/api/board?communityId=999999').expect(404)).body.code).toBe(ErrorCode.NotFound);
    expect((await t.anonymous.get('/api/board').expect(401)).body.code).toBe(ErrorCode.Unauthenticated);
    // 东篱社区 has no closed items: an empty board, not an error
    const empty = (await street1.get(`/api/board?communityId=${otherCommunity.id}`).expect(200)).body as BoardPage;
    expect(empty).toMatchObject({ communityName: '东篱社区', items: [], total: 0 });
  });

  // last: it files another item (the rates above count the community's items)
  it('refuses a public summary over the limit with 400 TOO_LONG', async () => {
    const another = await fileRequest(resident2, { description: '单元门禁坏了，进出不方便。' });
    await leader2.post(`/api/requests/${another.id}/accept`).expect(200);
    const refused = await leader2.post(`/api/requests/${another.id}/resolve`, { note: '已修复。', publicSummary: '门'.repeat(301) }).expect(400);
    expect(refused.body).toMatchObject({ code: ErrorCode.ValidationFailed, errors: { publicSummary: FieldErrorCode.TooLong } });
  });
});
