import { parseBeijing } from '@gezhi/shared';
import {
  Channel,
  DepartmentView,
  ErrorCode,
  FieldErrorCode,
  MetricsBreakdown,
  MetricsItemsPage,
  MetricsScopeKind,
  MetricsTrend,
  MetricsView,
  RankingView,
  RequestCategory,
  RequestDetail,
  WhistleAssignmentView,
} from '@gezhi/shared';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import { DeadlineSweeper } from '../../src/modules/escalation/deadline-sweeper';
import { Grid } from '../../src/modules/geo/geo.entities';
import { MetricsRecompute } from '../../src/modules/metrics/metrics-recompute';
import { ReturnVisitSweeper } from '../../src/modules/return-visits/return-visit-sweeper';
import { User } from '../../src/modules/users/user.entity';
import { escalateToStreet, fileRequest, requestBody } from '../support/factories';
import { ApiClient, bootTestApp, TestApp } from '../support/test-app';

/** A local time in Asia/Shanghai. */
const local = (text: string): Date => parseBeijing(text) ?? new Date(NaN);

/**
 * The roll-ups (maintained in each write transaction) against a full recomputation from the raw tables, after a
 * realistic mix driven through the API over two months: filing, accepting, resolving, a poor rating → 重办, a missed
 * 签收 (automatic 上报), a missed 办结, a rejection, a withdrawal, a whistle with a late department report, a return
 * and a re-dispatch, a 电话回访 (return visit) rating and a 未评价 close. Real app and database (SQLite by default, MariaDB with TEST_DATABASE_URL); time through a
 * ManualClock. The demo seed's own requests are part of the data too.
 */
describe('metrics roll-ups equal a full recomputation (数据)', () => {
  let t: TestApp;
  let clock: ManualClock;
  let sweeper: DeadlineSweeper;
  let recompute: MetricsRecompute;
  let dataSource: DataSource;
  let c: Record<string, ApiClient>;
  let dept: Record<string, DepartmentView>;
  let grid: Record<string, number>;
  let gridLeader1Id: number;
  let communityId: number;
  let streetId: number;

  const at = async (text: string) => clock.set(local(text));
  const post = async (who: string, url: string, body?: object) => {
    const response = await c[who].post(url, body);
    if (response.status !== 200) throw new Error(`${who} POST ${url}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as RequestDetail;
  };
  const assignment = (d: RequestDetail, name: string): WhistleAssignmentView => {
    const found = (d.whistle ?? []).filter((a) => a.departmentName === name).pop();
    if (!found) throw new Error(`no assignment of ${name}`);
    return found;
  };
  const get = async <T>(who: string, url: string): Promise<T> => {
    const response = await c[who].get(url);
    if (response.status !== 200) throw new Error(`${who} GET ${url}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as T;
  };

  beforeAll(async () => {
    clock = new ManualClock(local('2026-10-26T09:00'));
    t = await bootTestApp({}, { clock });
    sweeper = t.app.get(DeadlineSweeper);
    recompute = t.app.get(MetricsRecompute);
    dataSource = t.app.get(DataSource);
    const accounts = ['resident1', 'resident2', 'resident3', 'gridleader1', 'gridleader2', 'gridleader3', 'community1', 'street1', 'liaison1', 'liaison3', 'liaison6', 'liaison9'];
    c = Object.fromEntries(await Promise.all(accounts.map(async (a) => [a, await t.loginAs(a)] as const)));
    dept = Object.fromEntries(((await c.street1.get('/api/departments').expect(200)).body as DepartmentView[]).map((d) => [d.name, d]));
    const grids = await dataSource.getRepository(Grid).find();
    grid = Object.fromEntries(grids.map((g) => [g.name, g.id]));
    const leader = await dataSource.getRepository(User).findOneByOrFail({ account: 'gridleader1' });
    gridLeader1Id = leader.id;
    communityId = leader.communityId as number;
    streetId = leader.streetId as number;

    // A · grid 1: accepted, resolved next day, rated 5/5/5
    const a = await fileRequest(c.resident1, { category: RequestCategory.Infrastructure, subcategory: 'LIGHTING', description: '1号楼2单元楼道灯坏了，晚上很黑。' });
    await at('2026-10-26T09:30');
    await post('gridleader1', `/api/requests/${a.id}/accept`);
    await at('2026-10-27T10:00');
    await post('gridleader1', `/api/requests/${a.id}/resolve`, { note: '已更换楼道灯。' });
    await at('2026-10-27T11:00');
    await post('resident1', `/api/requests/${a.id}/rate`, { speed: 5, effect: 5, attitude: 5 });

    // B · grid 2, 矛盾调解: nobody accepts → the 签收 clock is missed (due 11:00) → the system escalates it to the community
    await at('2026-10-29T09:00');
    const b = await fileRequest(c.resident2, { category: RequestCategory.Dispute, subcategory: 'NEIGHBOUR', description: '楼上邻居装修噪音和漏水，协商多次未果，联系电话13912345678。' });
    await at('2026-10-29T11:30');
    await sweeper.sweepOnce();
    await at('2026-10-29T14:00');
    await post('community1', `/api/requests/${b.id}/accept`);

    // C · grid 3, 矛盾调解: rejected (a response; not in 办结率)
    await at('2026-10-30T16:00');
    const cItem = await fileRequest(c.resident3, { category: RequestCategory.Dispute, subcategory: 'FAMILY', description: '想咨询一下家里老人赡养的法律问题。' });
    await at('2026-10-30T16:30');
    await post('gridleader3', `/api/requests/${cItem.id}/reject`, { reason: '属法律咨询，已告知司法所热线' });

    // D · grid 1, 文化活动: withdrawn late on Saturday night (31 October in Shanghai, 15:40 UTC)
    await at('2026-10-31T23:30');
    const d = await fileRequest(c.resident1, { category: RequestCategory.Culture, subcategory: 'EVENT', description: '建议周末在小广场组织一次合唱活动。' });
    await at('2026-10-31T23:40');
    await post('resident1', `/api/requests/${d.id}/cancel`);

    // E · grid 1: up to the street, whistled to 城管 (lead) + 交警 (assist); 交警 reports in; 城管 misses its report
    // (due 11:30), returns it; re-dispatched to 物业, which reports in, resolves; rated 5/4/5
    await at('2026-11-02T09:00');
    const e = await fileRequest(c.resident1, { category: RequestCategory.Environment, subcategory: 'PARKING', description: '巷道里车辆乱停，消防车进不来。' });
    await at('2026-11-02T09:20');
    await escalateToStreet(c.gridleader1, c.community1, e.id);
    await at('2026-11-02T09:30');
    const whistled = await post('street1', `/api/requests/${e.id}/whistle`, {
      leadDepartmentId: dept['城管执法中队'].id,
      assistDepartmentIds: [dept['交警中队'].id],
      note: '请城管牵头整治',
    });
    await at('2026-11-02T10:00');
    await post('liaison6', `/api/whistles/${assignment(whistled, '交警中队').id}/report`, { plan: '每晚巡查' });
    await at('2026-11-02T11:40');
    await sweeper.sweepOnce();
    await at('2026-11-02T11:50');
    await post('liaison3', `/api/whistles/${assignment(whistled, '城管执法中队').id}/return`, { reason: '小区内部道路不属城管' });
    await at('2026-11-02T13:40');
    const again = await post('street1', `/api/requests/${e.id}/whistle`, { leadDepartmentId: dept['明日星城物业服务中心'].id, note: '请物业牵头' });
    await at('2026-11-02T14:00');
    const propertyAssignment = assignment(again, '明日星城物业服务中心');
    await post('liaison9', `/api/whistles/${propertyAssignment.id}/report`, { plan: '施划禁停线' });

    // B spans the months: resolved 2 November, rated 2 (重办), resolved again, rated 4/4/4
    await at('2026-11-02T15:00');
    await post('community1', `/api/requests/${b.id}/resolve`, { note: '已组织双方调解，楼上同意维修。' });
    await at('2026-11-02T15:30');
    await post('resident2', `/api/requests/${b.id}/rate`, { speed: 3, effect: 2, attitude: 3 });
    await at('2026-11-03T10:00');
    await post('liaison9', `/api/whistles/${propertyAssignment.id}/resolve`, { note: '禁停线已施划' });
    await post('community1', `/api/requests/${b.id}/resolve`, { note: '楼上已完成维修，复查不再漏水。' });
    await at('2026-11-03T12:00');
    await post('resident1', `/api/requests/${e.id}/rate`, { speed: 5, effect: 4, attitude: 5 });
    await post('resident2', `/api/requests/${b.id}/rate`, { speed: 4, effect: 4, attitude: 4 });

    // F · grid 2: accepted, never resolved in 3 working days → 办结 missed → escalated; the community resolves it late
    await at('2026-11-03T13:00');
    const f = await fileRequest(c.resident2, { category: RequestCategory.SpecialGroups, subcategory: 'HARDSHIP', description: '家里困难，想了解临时救助怎么申请。' });
    await at('2026-11-03T13:10');
    await post('gridleader2', `/api/requests/${f.id}/accept`);
    await at('2026-11-06T14:00');
    await sweeper.sweepOnce();
    await at('2026-11-06T14:30');
    await post('community1', `/api/requests/${f.id}/accept`);
    await at('2026-11-09T10:00');
    await post('community1', `/api/requests/${f.id}/resolve`, { note: '已协助申请临时救助。' });

    // G · grid 3, 特殊群体关怀: handled on the spot (接诉即办), rated 5/5/5
    await at('2026-11-09T11:00');
    const g = await fileRequest(c.resident3, { category: RequestCategory.SpecialGroups, subcategory: 'ELDERLY', description: '独居，想请人帮忙换个灯泡。' });
    await at('2026-11-09T11:05');
    await post('gridleader3', `/api/requests/${g.id}/accept`);
    await at('2026-11-09T11:30');
    await post('gridleader3', `/api/requests/${g.id}/resolve`, { note: '已上门更换。' });
    await post('resident3', `/api/requests/${g.id}/rate`, { speed: 5, effect: 5, attitude: 5 });

    // H · grid 1, 文化活动: a walk-in (no account), resolved, nobody rates it → 电话回访 after 3 days, rated 4/5/5
    // I · grid 1, 文化活动: a phone call, resolved, nobody reachable (联系不上) → closed 未评价 by the sweep of 20 November
    await at('2026-11-09T14:00');
    const walkIn = (channel: Channel, contactName: string) =>
      c.gridleader1
        .post('/api/requests', requestBody({ roomId: c.resident1.me?.home?.roomId, channel, contactName, contactPhone: '13704710101', category: RequestCategory.Culture, subcategory: 'EVENT', description: '来访建议：社区活动室周末开放，方便孩子们看书。' }))
        .expect(201)
        .then((r) => r.body as RequestDetail);
    const h = await walkIn(Channel.WalkIn, '赵建华');
    const i = await walkIn(Channel.Phone, '钱桂兰');
    for (const item of [h, i]) {
      await post('gridleader1', `/api/requests/${item.id}/accept`);
      await post('gridleader1', `/api/requests/${item.id}/resolve`, { note: '活动室周末已开放。' });
    }
    await at('2026-11-12T15:00');
    await post('gridleader1', `/api/requests/${h.id}/return-visit`, { speed: 4, effect: 5, attitude: 5, comment: '满意' });
    await post('gridleader1', `/api/requests/${i.id}/return-visit/unreachable`, { note: '无人接听' });

    await at('2026-11-20T10:00');
    await sweeper.sweepOnce();
    await t.app.get(ReturnVisitSweeper).sweepOnce();
  });

  afterAll(() => t.close());

  /** The views a street officer, a community officer, a grid leader and a liaison read, for several periods. */
  async function snapshot(): Promise<unknown[]> {
    const views: unknown[] = [];
    const drop = (body: Record<string, unknown>) => ({ ...body, asOf: undefined });
    for (const period of ['month=2026-10', 'month=2026-11', 'from=2026-10-15&to=2026-11-05', 'from=2026-10-01&to=2026-11-30']) {
      views.push(drop(await get('street1', `/api/metrics?${period}`)));
      views.push(drop(await get('street1', `/api/metrics?${period}&category=DISPUTE`)));
      views.push(drop(await get('community1', `/api/metrics?${period}`)));
      views.push(drop(await get('gridleader1', `/api/metrics?${period}`)));
      views.push(drop(await get('gridleader1', `/api/metrics?scope=GRID_LEADER&${period}`)));
      views.push(drop(await get('street1', `/api/metrics?scope=DEPARTMENT&id=${dept['城管执法中队'].id}&${period}`)));
      views.push(await get('street1', `/api/metrics/breakdown?by=grid&${period}`));
      views.push(await get('street1', `/api/metrics/breakdown?by=department&${period}`));
      views.push(await get('community1', `/api/metrics/breakdown?by=category&${period}`));
    }
    views.push(await get('street1', '/api/metrics/trend?from=2026-10-19&to=2026-11-22'));
    views.push(await get('liaison9', '/api/metrics/trend?from=2026-10-19&to=2026-11-22'));
    views.push(await get('street1', '/api/metrics/rankings?month=2026-11&kind=GRID'));
    views.push(await get('street1', '/api/metrics/rankings?month=2026-11&kind=DEPARTMENT'));
    views.push(await get('street1', '/api/metrics/items?month=2026-11&rate=response&pageSize=50'));
    return views;
  }

  it('stores exactly what a full recomputation from the raw tables gives, and answers the same after a rebuild', async () => {
    const live = await recompute.verify();
    expect(live.differences).toEqual([]);
    const before = await snapshot();
    const report = await recompute.rebuild({ batchSize: 7 });
    expect(report.requests).toBeGreaterThanOrEqual(12);
    expect(report.assignments).toBe(3);
    expect((await recompute.verify()).equal).toBe(true);
    expect(await snapshot()).toEqual(before);

    // the comparison is not vacuous: one counter off by one is found, and a rebuild repairs it
    await dataSource.query(`UPDATE metric_counter SET received = received + 1 WHERE grain = 'M' AND bucket = '2026-11-01' AND gridId = ${grid['第一网格']} AND category = 'ENVIRONMENT'`);
    const broken = await recompute.verify();
    expect(broken.equal).toBe(false);
    expect(broken.differences.length).toBeGreaterThan(0);
    for (const difference of broken.differences) {
      expect(difference).toMatch(/^metric_counter M\|\d+\|2026-11-01\|\d+\|ENVIRONMENT\|\d received: stored \d+, recomputed \d+$/);
    }
    await recompute.rebuild();
    expect((await recompute.verify()).equal).toBe(true);
  });

  it('tells ratings given on a 电话回访 from self ratings, and counts an item closed 未评价 as unrated, not satisfied', async () => {
    const culture = await get<MetricsView>('gridleader1', '/api/metrics?month=2026-11&category=CULTURE');
    expect(culture.requests?.counts).toMatchObject({ received: 2, resolved: 2, rated: 1 });
    expect(culture.requests?.ratingSources).toEqual({
      self: { rated: 0, satisfaction: { numerator: 0, denominator: 0, value: null } },
      returnVisit: { rated: 1, satisfaction: { numerator: 1, denominator: 1, value: 1 } },
      closedUnrated: 1,
    });
    expect(culture.requests?.rates.satisfaction).toEqual({ numerator: 1, denominator: 1, value: 1 });
    const grid3 = await get<MetricsView>('gridleader3', '/api/metrics?month=2026-11&category=SPECIAL_GROUPS');
    expect(grid3.requests?.ratingSources.self.rated).toBe(1);
    expect(grid3.requests?.ratingSources.returnVisit.rated).toBe(0);
  });

  it('counts an item spanning months where each of its events happened', async () => {
    const october = await get<MetricsView>('street1', `/api/metrics?scope=GRID&id=${grid['第二网格']}&month=2026-10&category=DISPUTE`);
    expect(october.requests?.counts).toMatchObject({ received: 1, resolved: 0 });
    expect(october.requests?.rates.response).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(october.requests?.rates.resolution).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(october.requests?.overdue.accept).toBe(1);
    const november = await get<MetricsView>('street1', `/api/metrics?scope=GRID&id=${grid['第二网格']}&month=2026-11&category=DISPUTE`);
    expect(november.requests?.counts).toMatchObject({ received: 0, resolved: 1, resolutions: 2, rated: 2, reopened: 1 });
    expect(november.requests?.rates.onTimeResolution).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(november.requests?.rates.reopen).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(november.requests?.rates.satisfaction).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(november.requests?.rates.resolution.value).toBeNull();
    const both = await get<MetricsView>('street1', `/api/metrics?scope=GRID&id=${grid['第二网格']}&from=2026-10-01&to=2026-11-30&category=DISPUTE`);
    expect(both.requests?.rates.resolution).toEqual({ numerator: 1, denominator: 1, value: 1 });
  });

  it('leaves rejected and withdrawn items out of 办结率, and counts a rejection as a response', async () => {
    const october = await get<MetricsView>('street1', `/api/metrics?scope=GRID&id=${grid['第三网格']}&month=2026-10&category=DISPUTE`);
    expect(october.requests?.counts).toMatchObject({ received: 1, rejected: 1 });
    expect(october.requests?.rates.response).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(october.requests?.rates.resolution).toEqual({ numerator: 0, denominator: 0, value: null });
    const culture = await get<MetricsView>('gridleader1', '/api/metrics?month=2026-10&category=CULTURE');
    expect(culture.requests?.counts).toMatchObject({ received: 1, cancelled: 1 });
    expect(culture.requests?.rates.response.value).toBeNull();
  });

  it('measures a late 办结 against 按时办结率 once, and an on-the-spot one with its handling time', async () => {
    const grid2 = await get<MetricsView>('street1', `/api/metrics?scope=GRID&id=${grid['第二网格']}&month=2026-11&category=SPECIAL_GROUPS`);
    expect(grid2.requests?.rates.onTimeResolution).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(grid2.requests?.rates.response).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(grid2.requests?.overdue.resolve).toBeGreaterThanOrEqual(1);
    const grid3 = await get<MetricsView>('gridleader3', '/api/metrics?month=2026-11&category=SPECIAL_GROUPS');
    expect(grid3.requests?.rates).toMatchObject({
      response: { numerator: 1, denominator: 1, value: 1 },
      resolution: { numerator: 1, denominator: 1, value: 1 },
      onTimeResolution: { numerator: 1, denominator: 1, value: 1 },
      satisfaction: { numerator: 1, denominator: 1, value: 1 },
    });
    expect(grid3.requests?.handlingTime).toMatchObject({ count: 1, averageHours: 0.5 });
    expect(grid3.requests?.ratingAverages.speed.value).toBe(5);
  });

  it('gives departments their 报到 and 退回 rates: a late lead that returned, a recalled assist, the lead that resolved', async () => {
    const department = async (name: string) => (await get<MetricsView>('street1', `/api/metrics?scope=DEPARTMENT&id=${dept[name].id}&month=2026-11`)).departments;
    expect(await department('城管执法中队')).toMatchObject({
      counts: { whistled: 1, whistledAsLead: 1, reported: 0, reportMissed: 1, returned: 1, ended: 1 },
      rates: { reportOnTime: { numerator: 0, denominator: 1, value: 0 }, return: { numerator: 1, denominator: 1, value: 1 } },
    });
    expect(await department('交警中队')).toMatchObject({
      rates: { reportOnTime: { numerator: 1, denominator: 1, value: 1 }, return: { numerator: 0, denominator: 1, value: 0 } },
    });
    expect(await department('明日星城物业服务中心')).toMatchObject({
      counts: { resolvedAsLead: 1, rated: 1 },
      rates: { reportOnTime: { value: 1 }, satisfaction: { numerator: 1, denominator: 1, value: 1 }, return: { value: 0 } },
    });
    const street = await get<MetricsView>('street1', '/api/metrics?month=2026-11');
    expect(street.departments?.counts).toMatchObject({ whistled: 3, returned: 1, reportMissed: 1 });
    expect(street.requests?.counts.whistled).toBe(2);
    expect(street.projects).toEqual(expect.objectContaining({ opened: expect.any(Number), closed: expect.any(Number) }));
  });

  it('lists the items behind a rate, each marked, with personal data masked', async () => {
    const page = await get<MetricsItemsPage>('street1', `/api/metrics/items?scope=GRID&id=${grid['第二网格']}&month=2026-10&category=DISPUTE&rate=response`);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ hit: false, note: '签收超时', reporterName: '宋**', gridName: '第二网格' });
    expect(page.items[0].excerpt).not.toContain('13912345678');
    const view = await get<MetricsView>('street1', '/api/metrics?month=2026-11');
    const all = await get<MetricsItemsPage>('street1', '/api/metrics/items?month=2026-11&rate=response&pageSize=50');
    expect(all.total).toBe(view.requests?.rates.response.denominator);
    expect(all.items.filter((i) => i.hit).length).toBe(view.requests?.rates.response.numerator);
    const misses = await get<MetricsItemsPage>('street1', '/api/metrics/items?month=2026-11&rate=response&outcome=MISS');
    expect(misses.items.every((i) => i.hit === false)).toBe(true);
    const returned = await get<MetricsItemsPage>('street1', `/api/metrics/items?scope=DEPARTMENT&id=${dept['城管执法中队'].id}&month=2026-11&count=returned`);
    expect(returned.items).toEqual([expect.objectContaining({ note: '退回', departmentName: '城管执法中队' })]);
  });

  it('ranks every grid of the street once, with explainable entries and the rule', async () => {
    const ranking = await get<RankingView>('street1', '/api/metrics/rankings?month=2026-11&kind=GRID');
    const units = [...ranking.entries.map((e) => e.unit.id), ...ranking.unranked.map((u) => u.unit.id)].sort((x, y) => x - y);
    const grids = (await dataSource.getRepository(Grid).find()).map((g) => g.id).sort((x, y) => x - y);
    expect(units).toEqual(grids);
    expect(ranking.rule).toContain('红榜');
    expect(ranking.entries.map((e) => e.rank)).toEqual(ranking.entries.map((_, i) => i + 1));
    for (const entry of ranking.entries) {
      expect(Object.keys(entry.itemQueries)).toEqual(['response', 'onTimeResolution', 'satisfaction']);
      expect(entry.rates.response?.denominator).toBeGreaterThanOrEqual(ranking.minSample);
    }
    for (const unranked of ranking.unranked) expect(unranked).toMatchObject({ label: '样本不足', reason: expect.stringMatching(/^样本不足：.*少于 5 件不参与排名$/) });
    const community = await get<RankingView>('community1', '/api/metrics/rankings?month=2026-11&kind=GRID');
    expect(community.scope).toMatchObject({ kind: MetricsScopeKind.Community, id: communityId });
  });

  it('draws a weekly trend and breaks numbers down by grid and category', async () => {
    const trend = await get<MetricsTrend>('street1', '/api/metrics/trend?from=2026-10-26&to=2026-11-08');
    expect(trend.points.map((p) => p.weekStart)).toEqual(['2026-10-26', '2026-11-02']);
    expect(trend.points.reduce((sum, p) => sum + p.received, 0)).toBeGreaterThanOrEqual(9);
    const byGrid = await get<MetricsBreakdown>('community1', '/api/metrics/breakdown?by=grid&month=2026-11');
    expect(byGrid.rows.map((r) => r.label)).toContain('第二网格');
    expect(byGrid.rows.find((r) => r.id === grid['第二网格'])?.query).toMatchObject({ scope: MetricsScopeKind.Grid, id: grid['第二网格'], month: '2026-11' });
    const byCategory = await get<MetricsBreakdown>('gridleader1', '/api/metrics/breakdown?by=category&month=2026-10');
    expect(byCategory.rows).toHaveLength(6);
  });

  it('refuses those outside the scope (403) and malformed queries (400 with field codes)', async () => {
    expect((await c.resident1.get('/api/metrics').expect(403)).body.code).toBe(ErrorCode.Forbidden);
    expect((await c.gridleader1.get(`/api/metrics?scope=COMMUNITY&id=${communityId}`).expect(403)).body.code).toBe(ErrorCode.NotInYourScope);
    expect((await c.gridleader1.get(`/api/metrics?scope=GRID&id=${grid['第二网格']}`).expect(403)).body.code).toBe(ErrorCode.NotInYourScope);
    expect((await c.liaison1.get(`/api/metrics?scope=DEPARTMENT&id=${dept['城管执法中队'].id}`).expect(403)).body.code).toBe(ErrorCode.NotInYourScope);
    expect((await c.gridleader1.get('/api/metrics/rankings?kind=GRID').expect(403)).body.code).toBe(ErrorCode.Forbidden);
    expect((await c.community1.get('/api/metrics/rankings?kind=DEPARTMENT').expect(403)).body.code).toBe(ErrorCode.Forbidden);
    expect((await c.street1.get('/api/metrics?scope=GRID&id=999999').expect(404)).body.code).toBe(ErrorCode.NotFound);
    expect((await c.street1.get('/api/metrics?month=2026-13').expect(400)).body.errors).toEqual({ month: FieldErrorCode.InvalidFormat });
    expect((await c.street1.get('/api/metrics?from=2026-11-01').expect(400)).body.errors).toEqual({ to: FieldErrorCode.Required });
    expect((await c.street1.get('/api/metrics?from=2026-11-09&to=2026-11-01').expect(400)).body.errors).toEqual({ to: FieldErrorCode.OutOfRange });
    expect((await c.street1.get('/api/metrics?scope=PLANET&category=FOOD').expect(400)).body.errors).toEqual({
      scope: FieldErrorCode.InvalidEnum,
      category: FieldErrorCode.InvalidEnum,
    });
    expect((await c.gridleader1.get('/api/metrics/breakdown?by=community').expect(400)).body.errors).toEqual({ by: FieldErrorCode.OutOfRange });
    expect((await c.street1.get('/api/metrics/items?month=2026-11').expect(400)).body.errors).toEqual({ rate: FieldErrorCode.Required });
    expect((await c.gridleader1.get('/api/metrics/items?rate=return').expect(400)).body.errors).toEqual({ rate: FieldErrorCode.OutOfRange });
    expect(streetId).toBeGreaterThan(0);
    expect(gridLeader1Id).toBeGreaterThan(0);
  });
});
