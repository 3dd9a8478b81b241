import {
  AssignmentState,
  DeadlineKind,
  DeadlineState,
  DeadlineUnitType,
  DepartmentView,
  HandlingLevel,
  LiaisonInboxPage,
  NotificationKind,
  RequestAction,
  RequestCategory,
  RequestDetail,
  RequestStatus,
  Urgency,
  WhistleAssignmentView,
} from '@gezhi/shared';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import { MONDAY_9AM } from '../support/instants';
import { DeadlineMissEntity, RequestDeadlineEntity } from '../../src/modules/deadlines/deadline.entities';
import { DeadlineSweeper } from '../../src/modules/escalation/deadline-sweeper';
import { escalateToStreet, fileRequest, notificationsOf } from '../support/factories';
import { ApiClient, bootTestApp, TestApp } from '../support/test-app';

/** Monday 2026-11-23 09:00 in Shanghai (UTC+8). */
const at = (minutesAfter9: number) => new Date(MONDAY_9AM.getTime() + minutesAfter9 * 60_000);

/**
 * 部门报到时限: every whistled department gets its own REPORT clock (2 working hours; 30 minutes for 紧急); a late
 * report is supervised red by the sweeper, recorded once against the department, never escalated. The street's
 * own clocks: whistling meets ACCEPT/FIRST_RESPONSE, RESOLVE runs until the lead department resolves.
 * Real app and database (SQLite by default, MariaDB with TEST_DATABASE_URL); time moves through a ManualClock.
 */
describe('department report deadlines (部门报到时限) and supervision of a late report', () => {
  let t: TestApp;
  let clock: ManualClock;
  let sweeper: DeadlineSweeper;
  let dataSource: DataSource;
  let resident1: ApiClient;
  let leader1: ApiClient;
  let community1: ApiClient;
  let street1: ApiClient;
  let cityManagement: ApiClient; // liaison3 城管执法中队
  let traffic: ApiClient; // liaison6 交警中队
  let property: ApiClient; // liaison9 明日星城物业服务中心
  let dept: Record<string, DepartmentView>;

  beforeAll(async () => {
    clock = new ManualClock(MONDAY_9AM);
    t = await bootTestApp({}, { clock });
    sweeper = t.app.get(DeadlineSweeper);
    dataSource = t.app.get(DataSource);
    [resident1, leader1, community1, street1, cityManagement, traffic, property] = await Promise.all(
      ['resident1', 'gridleader1', 'community1', 'street1', 'liaison3', 'liaison6', 'liaison9'].map((a) => t.loginAs(a)),
    );
    const departments = (await street1.get('/api/departments').expect(200)).body as DepartmentView[];
    dept = Object.fromEntries(departments.map((d) => [d.name, d]));
  });

  afterAll(() => t.close());

  beforeEach(() => clock.set(MONDAY_9AM));

  const detail = async (client: ApiClient, id: number) => (await client.get(`/api/requests/${id}`).expect(200)).body as RequestDetail;
  const assignmentOf = (d: RequestDetail, department: string): WhistleAssignmentView => {
    const found = (d.whistle ?? []).filter((a) => a.departmentName === department).pop();
    if (!found) throw new Error(`no assignment of ${department} in ${JSON.stringify(d.whistle)}`);
    return found;
  };
  const reportClocks = (requestId: number) =>
    dataSource.getRepository(RequestDeadlineEntity).find({ where: { requestId, kind: DeadlineKind.Report }, order: { id: 'ASC' } });
  const streetClocks = async (requestId: number) =>
    (await dataSource.getRepository(RequestDeadlineEntity).find({ where: { requestId, unitType: DeadlineUnitType.Street }, order: { id: 'ASC' } })).map(
      (d) => [d.kind, d.state],
    );
  const missesOf = (requestId: number) => dataSource.getRepository(DeadlineMissEntity).find({ where: { requestId }, order: { id: 'ASC' } });
  const inboxItem = async (client: ApiClient, assignmentId: number) =>
    ((await client.get('/api/liaison/inbox').expect(200)).body as LiaisonInboxPage).items.find((i) => i.assignment.id === assignmentId);

  it('runs the scenario: whistle two → one returns → re-dispatch → the lead reports late (auto-supervision) → resolves → rated, closed', async () => {
    const filed = await fileRequest(resident1, {
      category: RequestCategory.Environment,
      subcategory: 'PARKING',
      description: '小区巷道里每天晚上都有车辆乱停乱放，消防车和救护车根本进不来。',
    });
    await escalateToStreet(leader1, community1, filed.id);
    expect(await streetClocks(filed.id)).toEqual([
      [DeadlineKind.Accept, DeadlineState.Open],
      [DeadlineKind.Resolve, DeadlineState.Open],
    ]);

    // 吹哨 at 09:00: one REPORT clock per department, due after 2 working hours (11:00), and the assignment says so
    const whistled = (await street1
      .post(`/api/requests/${filed.id}/whistle`, {
        leadDepartmentId: dept['城管执法中队'].id,
        assistDepartmentIds: [dept['交警中队'].id],
        note: '请城管牵头、交警配合整治巷道乱停车',
      })
      .expect(200)).body as RequestDetail;
    const lead1 = assignmentOf(whistled, '城管执法中队');
    const assist = assignmentOf(whistled, '交警中队');
    expect(lead1).toMatchObject({ reportDueAt: '2026-11-23T03:00:00.000Z', reportSupervision: 'NONE' });
    expect(assist.reportDueAt).toBe('2026-11-23T03:00:00.000Z');
    expect((await reportClocks(filed.id)).map((d) => [d.unitType, d.unitId, d.level, d.state, d.dueAt.toISOString()])).toEqual([
      [DeadlineUnitType.Department, dept['城管执法中队'].id, HandlingLevel.Street, DeadlineState.Open, '2026-11-23T03:00:00.000Z'],
      [DeadlineUnitType.Department, dept['交警中队'].id, HandlingLevel.Street, DeadlineState.Open, '2026-11-23T03:00:00.000Z'],
    ]);
    // whistling is the street's response: ACCEPT met; its RESOLVE keeps running (the street stays accountable)
    expect(await streetClocks(filed.id)).toEqual([
      [DeadlineKind.Accept, DeadlineState.Met],
      [DeadlineKind.Resolve, DeadlineState.Open],
    ]);

    // the assist reports in: only ITS clock is met, the lead's keeps running
    clock.set(at(10));
    await traffic.post(`/api/whistles/${assist.id}/report`, { plan: '今晚起每晚巡查巷道，违停贴单' }).expect(200);
    expect((await reportClocks(filed.id)).map((d) => [d.unitId, d.state])).toEqual([
      [dept['城管执法中队'].id, DeadlineState.Open],
      [dept['交警中队'].id, DeadlineState.Met],
    ]);

    // the lead returns it without reporting in: its clock is cancelled (it owes nothing any more), no miss later
    clock.set(at(20));
    await cityManagement.post(`/api/whistles/${lead1.id}/return`, { reason: '小区内部道路不属于城管执法范围' }).expect(200);
    expect((await reportClocks(filed.id)).map((d) => [d.unitId, d.state])).toEqual([
      [dept['城管执法中队'].id, DeadlineState.Cancelled],
      [dept['交警中队'].id, DeadlineState.Met],
    ]);

    // the street re-dispatches at 09:30 to the property company: due 11:30, yellow from 11:00 (75 %)
    clock.set(at(30));
    const redispatched = (await street1
      .post(`/api/requests/${filed.id}/whistle`, { leadDepartmentId: dept['明日星城物业服务中心'].id, note: '小区内部道路，请物业牵头施划禁停线' })
      .expect(200)).body as RequestDetail;
    const lead2 = assignmentOf(redispatched, '明日星城物业服务中心');
    expect(lead2).toMatchObject({ round: 2, state: AssignmentState.Notified, reportDueAt: '2026-11-23T03:30:00.000Z' });

    // 11:05: the sweeper warns (即将超时), shown to the department's liaison
    clock.set(at(125));
    expect((await sweeper.sweepOnce()).warned).toBeGreaterThanOrEqual(1);
    expect((await inboxItem(property, lead2.id))?.assignment.reportSupervision).toBe('YELLOW');

    // 11:31: past the report deadline — 督办 RED, exactly one miss against the department, no escalation
    clock.set(at(151));
    const swept = await sweeper.sweepOnce();
    expect(swept.missed).toBeGreaterThanOrEqual(1);
    const lateClock = (await reportClocks(filed.id)).find((d) => d.unitId === dept['明日星城物业服务中心'].id);
    expect(lateClock).toMatchObject({ state: DeadlineState.Red, unitType: DeadlineUnitType.Department, level: HandlingLevel.Street });
    const misses = await missesOf(filed.id);
    expect(misses.map((m) => [m.kind, m.unitType, m.unitId, m.level, m.deadlineId])).toEqual([
      [DeadlineKind.Report, DeadlineUnitType.Department, dept['明日星城物业服务中心'].id, HandlingLevel.Street, lateClock!.id],
    ]);
    const supervised = await detail(street1, filed.id);
    expect(supervised).toMatchObject({ status: RequestStatus.Whistled, level: HandlingLevel.Street, supervision: 'RED' });
    expect(assignmentOf(supervised, '明日星城物业服务中心').reportSupervision).toBe('RED');
    expect(supervised.timeline.filter((e) => e.action === RequestAction.Escalate)).toHaveLength(2); // only the two by hand
    expect((await inboxItem(property, lead2.id))?.assignment.reportSupervision).toBe('RED');
    // the street holder and the department's liaisons hear of it
    const streetNotice = (await notificationsOf(street1)).find((n) => n.requestId === filed.id && n.kind === NotificationKind.DeadlineMissed);
    expect(streetNotice).toBeDefined();
    expect(JSON.stringify(streetNotice)).toContain('明日星城物业服务中心');
    expect((await notificationsOf(property)).some((n) => n.requestId === filed.id && n.kind === NotificationKind.DeadlineMissed)).toBe(true);
    expect((await notificationsOf(cityManagement)).some((n) => n.requestId === filed.id && n.kind === NotificationKind.DeadlineMissed)).toBe(false);

    // sweeping again changes nothing: still one miss
    expect(await sweeper.sweepOnce()).toMatchObject({ missed: 0, escalated: 0 });
    expect(await missesOf(filed.id)).toHaveLength(1);

    // 11:40: the lead reports in late — the red clock is MET (late), the miss stays recorded
    clock.set(at(160));
    const reported = (await property.post(`/api/whistles/${lead2.id}/report`, { plan: '本周内施划禁停标线并安排夜间巡查' }).expect(200)).body as RequestDetail;
    expect(assignmentOf(reported, '明日星城物业服务中心')).toMatchObject({ state: AssignmentState.Reported, reportSupervision: 'NONE' });
    expect((await reportClocks(filed.id)).find((d) => d.id === lateClock!.id)).toMatchObject({ state: DeadlineState.Met, metAt: at(160) });
    expect(await missesOf(filed.id)).toHaveLength(1);

    // the lead resolves: the street's RESOLVE clock is met; nothing runs any more
    clock.set(at(240));
    await property.post(`/api/whistles/${lead2.id}/resolve`, { note: '巷道两侧已施划禁停线，夜间巡查到位' }).expect(200);
    expect(await streetClocks(filed.id)).toEqual([
      [DeadlineKind.Accept, DeadlineState.Met],
      [DeadlineKind.Resolve, DeadlineState.Met],
    ]);
    const resolved = await detail(street1, filed.id);
    expect(resolved).toMatchObject({ status: RequestStatus.Resolved, supervision: 'NONE' });

    // the resident rates; closed
    const closed = (await resident1.post(`/api/requests/${filed.id}/rate`, { speed: 3, effect: 4, attitude: 4 }).expect(200)).body as RequestDetail;
    expect(closed.status).toBe(RequestStatus.Closed);
    expect(await missesOf(filed.id)).toHaveLength(1);
  });

  it('gives 紧急 items 30 wall-clock minutes to report, ends the clocks of departments recalled by the lead resolving', async () => {
    clock.set(new Date('2026-11-28T14:00:00Z')); // Saturday 22:00 in Shanghai: urgent clocks run on the wall clock
    const filed = await fileRequest(resident1, { category: RequestCategory.Infrastructure, subcategory: 'LEAK', urgency: Urgency.Urgent });
    await escalateToStreet(leader1, community1, filed.id);
    const whistled = (await street1
      .post(`/api/requests/${filed.id}/whistle`, {
        leadDepartmentId: dept['明日星城物业服务中心'].id,
        assistDepartmentIds: [dept['交警中队'].id],
        note: '楼上防水层损坏，请物业牵头维修',
      })
      .expect(200)).body as RequestDetail;
    const lead = assignmentOf(whistled, '明日星城物业服务中心');
    expect(lead.reportDueAt).toBe('2026-11-28T14:30:00.000Z');
    await property.post(`/api/whistles/${lead.id}/report`, { plan: '马上上门' }).expect(200);
    await property.post(`/api/whistles/${lead.id}/resolve`, { note: '已修补' }).expect(200);
    // the assist never reported: RECALLED, its clock cancelled — it cannot be missed any more
    expect((await reportClocks(filed.id)).map((d) => [d.unitId, d.state])).toEqual([
      [dept['明日星城物业服务中心'].id, DeadlineState.Met],
      [dept['交警中队'].id, DeadlineState.Cancelled],
    ]);
    clock.set(new Date('2026-11-28T16:00:00Z'));
    await sweeper.sweepOnce();
    expect(await missesOf(filed.id)).toEqual([]);

    // a poor rating sends it back to the lead department: the street's RESOLVE clock runs again
    await resident1.post(`/api/requests/${filed.id}/rate`, { speed: 2, effect: 1, attitude: 3 }).expect(200);
    expect((await streetClocks(filed.id)).filter(([, state]) => state === DeadlineState.Open)).toEqual([[DeadlineKind.Resolve, DeadlineState.Open]]);
  });
});
