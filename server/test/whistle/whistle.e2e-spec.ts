import {
  AssignmentAction,
  AssignmentState,
  DepartmentView,
  ErrorCode,
  FieldErrorCode,
  HandlingLevel,
  LiaisonInboxPage,
  NotificationKind,
  RequestAction,
  RequestCategory,
  RequestDetail,
  RequestStatus,
  Role,
  RoutingRuleView,
  Urgency,
  WhistleAssignmentView,
  WhistleProposal,
  WhistleRole,
} from '@gezhi/shared';
import { DataSource } from 'typeorm';
import { Street } from '../../src/modules/geo/geo.entities';
import { User } from '../../src/modules/users/user.entity';
import { escalateToCommunity, escalateToStreet, fileRequest, notificationsOf, uploadPhoto } from '../support/factories';
import { ApiClient, bootTestApp, TestApp } from '../support/test-app';

/** 街道吹哨、部门报到 on the real app and database (SQLite by default, MariaDB with TEST_DATABASE_URL). */
describe('the whistle chain: street whistles → departments report → return → re-dispatch → lead resolves → rating', () => {
  let t: TestApp;
  let resident1: ApiClient;
  let leader1: ApiClient;
  let community1: ApiClient;
  let street1: ApiClient;
  let street2: ApiClient;
  let police: ApiClient; // liaison1 团结派出所
  let cityManagement: ApiClient; // liaison3 城管执法中队
  let fire: ApiClient; // liaison5 消防救援站
  let traffic: ApiClient; // liaison6 交警中队
  let property: ApiClient; // liaison9 明日星城物业服务中心
  let dept: Record<string, DepartmentView>;

  beforeAll(async () => {
    t = await bootTestApp();
    // test-only data: a second street with its own officer, to show that streets do not whistle each other's items
    const dataSource = t.app.get(DataSource);
    const otherStreet = await dataSource.getRepository(Street).save({ name: '新华街道', communityMayWhistle: false });
    await dataSource.getRepository(User).save({
      openid: null,
      account: 'street2',
      nickname: '钱新华',
      realName: '钱新华',
      phone: null,
      role: Role.StreetOfficer,
      roomId: null,
      gridId: null,
      communityId: null,
      streetId: otherStreet.id,
      departmentId: null,
      createdAt: new Date(),
    });
    [resident1, leader1, community1, street1, street2, police, cityManagement, fire, traffic, property] = await Promise.all(
      ['resident1', 'gridleader1', 'community1', 'street1', 'street2', 'liaison1', 'liaison3', 'liaison5', 'liaison6', 'liaison9'].map((a) =>
        t.loginAs(a),
      ),
    );
    const departments = (await street1.get('/api/departments').expect(200)).body as DepartmentView[];
    dept = Object.fromEntries(departments.map((d) => [d.name, d]));
  });

  afterAll(() => t.close());

  const detail = async (client: ApiClient, id: number) => (await client.get(`/api/requests/${id}`).expect(200)).body as RequestDetail;
  const assignmentOf = (d: RequestDetail, department: string, round?: number): WhistleAssignmentView => {
    const found = (d.whistle ?? []).filter((a) => a.departmentName === department && (round === undefined || a.round === round)).pop();
    if (!found) throw new Error(`no assignment of ${department} in ${JSON.stringify(d.whistle)}`);
    return found;
  };
  const inboxOf = async (client: ApiClient, query = '') => (await client.get(`/api/liaison/inbox${query}`).expect(200)).body as LiaisonInboxPage;

  it('seeds the departments of 团结街道 with a paired unit and liaisons who see their department', async () => {
    expect(Object.keys(dept)).toEqual(
      expect.arrayContaining(['团结派出所', '团结司法所', '城管执法中队', '消防救援站', '自来水公司', '供热公司', '明日星城物业服务中心', '区水务局']),
    );
    expect(dept['区水务局']).toMatchObject({ kind: 'PAIRED_UNIT', pairedGridId: expect.any(Number) });
    expect(police.me).toMatchObject({ role: Role.Liaison, staff: null, department: { name: '团结派出所', kind: 'POLICE' } });
    const options = (await t.anonymous.get('/api/auth/options').expect(200)).body as { demoAccounts: { account: string; label: string }[] };
    expect(options.demoAccounts).toEqual(expect.arrayContaining([expect.objectContaining({ account: 'liaison1', label: '部门联络员 · 孙警官' })]));
  });

  it('runs the issue scenario: whistle two departments, the assist reports, the lead returns, re-dispatch, resolve, rate', async () => {
    const filed = await fileRequest(resident1, {
      category: RequestCategory.Environment,
      subcategory: 'PARKING',
      description: '小区巷道里每天晚上都有车辆乱停乱放，消防车和救护车根本进不来。',
    });
    const atStreet = await escalateToStreet(leader1, community1, filed.id);
    expect(atStreet).toMatchObject({ level: HandlingLevel.Street, status: RequestStatus.PendingAccept });
    expect((await detail(street1, filed.id)).availableActions).toContain(RequestAction.Whistle);

    // the routing table proposes city management to lead and traffic police to assist
    const proposal = (await street1.get(`/api/requests/${filed.id}/whistle-proposal`).expect(200)).body as WhistleProposal;
    expect(proposal.lead?.name).toBe('城管执法中队');
    expect(proposal.assists.map((d) => d.name)).toEqual(['交警中队']);
    expect(proposal.rule).toMatchObject({ category: RequestCategory.Environment, subcategory: 'PARKING' });

    // refusals: resident, grid leader, the community (item held by the street), another street
    const body = { leadDepartmentId: proposal.lead!.id, assistDepartmentIds: proposal.assists.map((d) => d.id), note: '请城管牵头、交警配合整治巷道乱停车' };
    expect((await resident1.post(`/api/requests/${filed.id}/whistle`, body).expect(403)).body.code).toBe(ErrorCode.Forbidden);
    expect((await leader1.post(`/api/requests/${filed.id}/whistle`, body).expect(403)).body.code).toBe(ErrorCode.Forbidden);
    expect((await community1.post(`/api/requests/${filed.id}/whistle`, body).expect(403)).body.code).toBe(ErrorCode.Forbidden);
    expect((await street2.post(`/api/requests/${filed.id}/whistle`, body).expect(403)).body.code).toBe(ErrorCode.NotInYourStreet);
    expect((await police.get(`/api/requests/${filed.id}`).expect(403)).body.code).toBe(ErrorCode.NotWhistledToYourDepartment);

    // validation, field by field
    expect((await street1.post(`/api/requests/${filed.id}/whistle`, {}).expect(400)).body.errors).toEqual({
      leadDepartmentId: FieldErrorCode.Required,
      note: FieldErrorCode.Required,
    });
    expect((await street1.post(`/api/requests/${filed.id}/whistle`, { ...body, leadDepartmentId: 9999 }).expect(400)).body.errors).toEqual({
      leadDepartmentId: FieldErrorCode.UnknownDepartment,
    });
    expect(
      (await street1.post(`/api/requests/${filed.id}/whistle`, { ...body, assistDepartmentIds: [body.leadDepartmentId] }).expect(400)).body.errors,
    ).toEqual({ assistDepartmentIds: FieldErrorCode.Duplicate });
    expect((await street1.post(`/api/requests/${filed.id}/whistle`, { ...body, assistDepartmentIds: 'x' }).expect(400)).body.errors).toHaveProperty(
      'assistDepartmentIds',
    );

    // 吹哨
    const whistled = (await street1.post(`/api/requests/${filed.id}/whistle`, body).expect(200)).body as RequestDetail;
    expect(whistled).toMatchObject({ status: RequestStatus.Whistled, level: HandlingLevel.Street, holderName: '赵文博' });
    expect(whistled.whistle?.map((a) => [a.departmentName, a.role, a.state, a.round])).toEqual([
      ['城管执法中队', WhistleRole.Lead, AssignmentState.Notified, 1],
      ['交警中队', WhistleRole.Assist, AssignmentState.Notified, 1],
    ]);
    expect(whistled.timeline[whistled.timeline.length - 1]).toMatchObject({
      action: RequestAction.Whistle,
      toStatus: RequestStatus.Whistled,
      actorName: '赵文博',
      note: expect.stringContaining('主办：城管执法中队；协办：交警中队'),
    });
    for (const liaison of [cityManagement, traffic]) {
      expect((await notificationsOf(liaison)).find((n) => n.requestId === filed.id)).toMatchObject({ kind: NotificationKind.WhistleAssigned });
    }
    expect((await notificationsOf(police)).some((n) => n.requestId === filed.id)).toBe(false);
    // the resident sees the plain-language stage, not the department list
    const residentView = await detail(resident1, filed.id);
    expect(residentView.whistle).toEqual([]);

    const lead1 = assignmentOf(whistled, '城管执法中队');
    const assist = assignmentOf(whistled, '交警中队');

    // liaisons: only their own department's assignment, only through the liaison routes
    expect((await police.post(`/api/whistles/${lead1.id}/report`, { plan: '我们来处理' }).expect(403)).body.code).toBe(ErrorCode.NotWhistledToYourDepartment);
    expect((await traffic.post(`/api/whistles/${lead1.id}/report`, { plan: '我们来处理' }).expect(403)).body.code).toBe(ErrorCode.NotWhistledToYourDepartment);
    expect((await street1.post(`/api/whistles/${lead1.id}/report`, { plan: '我们来处理' }).expect(403)).body.code).toBe(ErrorCode.Forbidden);
    expect((await traffic.post(`/api/whistles/${assist.id}/report`, {}).expect(400)).body.errors).toEqual({ plan: FieldErrorCode.Required });
    expect((await traffic.post('/api/whistles/999999/report', { plan: '报到' }).expect(404)).body.code).toBe(ErrorCode.NotFound);

    // the assisting traffic police see it in their inbox, must report before progress, report, add progress
    const trafficInbox = await inboxOf(traffic);
    expect(trafficInbox.items.map((i) => i.request.id)).toContain(filed.id);
    expect(trafficInbox.counts.notified).toBeGreaterThanOrEqual(1);
    expect(trafficInbox.items[0].assignment.availableActions).toEqual([AssignmentAction.Report, AssignmentAction.Return]);
    const trafficView = await detail(traffic, filed.id);
    expect(trafficView.availableActions).toEqual([RequestAction.Report, RequestAction.ReturnAssist]);
    expect((await traffic.post(`/api/whistles/${assist.id}/progress`, { note: '先行巡查' }).expect(409)).body.code).toBe(ErrorCode.IllegalTransition);
    const reported = (await traffic.post(`/api/whistles/${assist.id}/report`, { plan: '今晚起每晚巡查巷道，违停贴单' }).expect(200)).body as RequestDetail;
    expect(assignmentOf(reported, '交警中队')).toMatchObject({ state: AssignmentState.Reported, plan: '今晚起每晚巡查巷道，违停贴单' });
    expect((await notificationsOf(street1)).find((n) => n.requestId === filed.id && n.kind === NotificationKind.WhistleReported)).toBeDefined();
    const photo = await uploadPhoto(traffic);
    const progressed = (await traffic.post(`/api/whistles/${assist.id}/progress`, { note: '已对3辆违停车辆贴单', photoIds: [photo] }).expect(200))
      .body as RequestDetail;
    expect(progressed.timeline[progressed.timeline.length - 1]).toMatchObject({
      action: RequestAction.AddProgress,
      actorName: '冯涛',
      actorRole: Role.Liaison,
      departmentName: '交警中队',
      note: '已对3辆违停车辆贴单',
    });
    expect(progressed.timeline[progressed.timeline.length - 1].photos.map((p) => p.id)).toEqual([photo]);
    expect((await traffic.post(`/api/whistles/${assist.id}/resolve`, { note: '办结' }).expect(409)).body.code).toBe(ErrorCode.IllegalTransition);

    // the lead reports in twice at the same moment (two liaison devices): one wins, the other gets a 409
    const raced = await Promise.all([
      cityManagement.post(`/api/whistles/${lead1.id}/report`, { plan: '安排执法队员巡查' }),
      cityManagement.post(`/api/whistles/${lead1.id}/report`, { plan: '安排执法队员夜查' }),
    ]);
    expect(raced.map((r) => r.status).sort()).toEqual([200, 409]);
    expect([ErrorCode.ConcurrentModification, ErrorCode.IllegalTransition]).toContain(raced.find((r) => r.status === 409)!.body.code);
    // then finds it is not theirs and returns it (a return is allowed before or after reporting in)
    await cityManagement.post(`/api/whistles/${lead1.id}/return`, { reason: '小区内部道路不属于城管执法范围' }).expect(200);
    expect((await cityManagement.post(`/api/whistles/${lead1.id}/return`, { reason: '再退一次' }).expect(409)).body.code).toBe(ErrorCode.IllegalTransition);

    // the lead's return hands it back to the street; the round ends for the assist too
    const returned = await detail(street1, filed.id);
    expect(returned).toMatchObject({ status: RequestStatus.InProgress, level: HandlingLevel.Street });
    expect(assignmentOf(returned, '城管执法中队')).toMatchObject({ state: AssignmentState.Returned, returnedReason: '小区内部道路不属于城管执法范围' });
    expect(assignmentOf(returned, '交警中队').state).toBe(AssignmentState.Recalled);
    expect(returned.timeline[returned.timeline.length - 1]).toMatchObject({
      action: RequestAction.ReturnWhistle,
      fromStatus: RequestStatus.Whistled,
      toStatus: RequestStatus.InProgress,
      departmentName: '城管执法中队',
    });
    expect((await notificationsOf(street1)).find((n) => n.requestId === filed.id && n.kind === NotificationKind.WhistleReturned)).toBeDefined();
    // after return, neither department sees it any more; acting again is refused
    expect((await cityManagement.get(`/api/requests/${filed.id}`).expect(403)).body.code).toBe(ErrorCode.NotWhistledToYourDepartment);
    expect((await traffic.get(`/api/requests/${filed.id}`).expect(403)).body.code).toBe(ErrorCode.NotWhistledToYourDepartment);
    expect((await traffic.post(`/api/whistles/${assist.id}/progress`, { note: '继续巡查' }).expect(409)).body.code).toBe(ErrorCode.IllegalTransition);
    expect((await inboxOf(traffic)).items.map((i) => i.request.id)).not.toContain(filed.id);
    expect((await inboxOf(traffic, '?state=RECALLED')).items.map((i) => i.request.id)).toContain(filed.id);

    // the street re-dispatches to the property company
    const redispatched = (await street1
      .post(`/api/requests/${filed.id}/whistle`, { leadDepartmentId: dept['明日星城物业服务中心'].id, note: '小区内部道路，请物业牵头施划禁停线' })
      .expect(200)).body as RequestDetail;
    expect(redispatched.status).toBe(RequestStatus.Whistled);
    const lead2 = assignmentOf(redispatched, '明日星城物业服务中心');
    expect(lead2).toMatchObject({ round: 2, role: WhistleRole.Lead, state: AssignmentState.Notified, reportDueAt: expect.any(String) });

    // the new lead reports, works, resolves
    const propertyInbox = await inboxOf(property);
    expect(propertyInbox.items[0]).toMatchObject({ assignment: { id: lead2.id }, request: { id: filed.id, reporterName: '张*' } });
    await property.post(`/api/whistles/${lead2.id}/report`, { plan: '本周内施划禁停标线并安排夜间巡查' }).expect(200);
    await property.post(`/api/whistles/${lead2.id}/progress`, { note: '禁停标线已施划完毕' }).expect(200);
    expect((await property.post(`/api/whistles/${lead2.id}/report`, { plan: '再报一次' }).expect(409)).body.code).toBe(ErrorCode.IllegalTransition);
    const evidence = await uploadPhoto(property, [200, 200, 20]);
    const resolved = (await property.post(`/api/whistles/${lead2.id}/resolve`, { note: '巷道两侧已施划禁停线，夜间巡查到位', photoIds: [evidence] }).expect(200))
      .body as RequestDetail;
    expect(resolved.status).toBe(RequestStatus.Resolved);
    expect(assignmentOf(resolved, '明日星城物业服务中心').state).toBe(AssignmentState.Done);
    expect((await notificationsOf(resident1)).find((n) => n.requestId === filed.id && n.kind === NotificationKind.RequestResolved)).toBeDefined();

    // the resident rates; closed
    const closed = (await resident1.post(`/api/requests/${filed.id}/rate`, { speed: 4, effect: 5, attitude: 5 }).expect(200)).body as RequestDetail;
    expect(closed.status).toBe(RequestStatus.Closed);

    // the timeline tells the whole chain with the departments' names
    const chain = closed.timeline.map((e) => [e.action, e.departmentName ?? null]);
    expect(chain).toEqual([
      [RequestAction.Submit, null],
      [RequestAction.Escalate, null],
      [RequestAction.Escalate, null],
      [RequestAction.Whistle, null],
      [RequestAction.Report, '交警中队'],
      [RequestAction.AddProgress, '交警中队'],
      [RequestAction.Report, '城管执法中队'],
      [RequestAction.ReturnWhistle, '城管执法中队'],
      [RequestAction.Whistle, null],
      [RequestAction.Report, '明日星城物业服务中心'],
      [RequestAction.AddProgress, '明日星城物业服务中心'],
      [RequestAction.Resolve, '明日星城物业服务中心'],
      [RequestAction.Rate, null],
    ]);
  });

  it('lets an assisting department leave without changing the status, and sends a poorly rated item back to the lead department', async () => {
    const filed = await fileRequest(resident1, { category: RequestCategory.Infrastructure, subcategory: 'LEAK', urgency: Urgency.Urgent });
    await escalateToStreet(leader1, community1, filed.id);
    await street1.post(`/api/requests/${filed.id}/accept`).expect(200);
    const whistled = (await street1
      .post(`/api/requests/${filed.id}/whistle`, {
        leadDepartmentId: dept['明日星城物业服务中心'].id,
        assistDepartmentIds: [dept['消防救援站'].id],
        note: '楼上防水层损坏，请物业牵头维修',
      })
      .expect(200)).body as RequestDetail;
    const lead = assignmentOf(whistled, '明日星城物业服务中心');
    const assist = assignmentOf(whistled, '消防救援站');
    // 紧急: the report deadline is 30 minutes away
    const dueInMinutes = (Date.parse(lead.reportDueAt!) - Date.parse(lead.notifiedAt)) / 60_000;
    expect(dueInMinutes).toBe(30);

    const left = (await fire.post(`/api/whistles/${assist.id}/return`, { reason: '不涉及消防安全' }).expect(200)).body as RequestDetail;
    expect(left.status).toBe(RequestStatus.Whistled);
    expect(left.timeline[left.timeline.length - 1]).toMatchObject({ action: RequestAction.ReturnAssist, departmentName: '消防救援站' });
    expect((await fire.get(`/api/requests/${filed.id}`).expect(403)).body.code).toBe(ErrorCode.NotWhistledToYourDepartment);

    await property.post(`/api/whistles/${lead.id}/report`, { plan: '明早上门检查防水层' }).expect(200);
    await property.post(`/api/whistles/${lead.id}/resolve`, { note: '防水层已修补' }).expect(200);
    const reopened = (await resident1.post(`/api/requests/${filed.id}/rate`, { speed: 3, effect: 1, attitude: 3, comment: '还在渗水' }).expect(200))
      .body as RequestDetail;
    expect(reopened).toMatchObject({ status: RequestStatus.Whistled, reopenCount: 1 });
    expect(reopened.timeline[reopened.timeline.length - 1]).toMatchObject({
      action: RequestAction.ReopenToDepartment,
      toStatus: RequestStatus.Whistled,
      actorRole: 'SYSTEM',
      departmentName: '明日星城物业服务中心',
    });
    expect((await notificationsOf(property)).find((n) => n.requestId === filed.id && n.kind === NotificationKind.WhistleReopened)).toBeDefined();
    const again = await detail(property, filed.id);
    expect(assignmentOf(again, '明日星城物业服务中心').state).toBe(AssignmentState.Reported);
    expect(again.availableActions).toEqual([RequestAction.AddProgress, RequestAction.Resolve, RequestAction.ReturnWhistle]);
    await property.post(`/api/whistles/${lead.id}/resolve`, { note: '重新做了闭水试验，已不再渗水' }).expect(200);
    const closed = (await resident1.post(`/api/requests/${filed.id}/rate`, { speed: 4, effect: 4, attitude: 5 }).expect(200)).body as RequestDetail;
    expect(closed.status).toBe(RequestStatus.Closed);
    // after the lead resolved, it still sees the item (to follow the rating)
    expect((await detail(property, filed.id)).status).toBe(RequestStatus.Closed);
  });

  it('lets a community officer whistle at community level only when the street allows it', async () => {
    const filed = await fileRequest(resident1, { category: RequestCategory.Dispute, subcategory: 'NOISE', description: '楼上深夜经常有很大的噪音，影响休息。' });
    await escalateToCommunity(leader1, filed.id);
    const body = { leadDepartmentId: dept['团结派出所'].id, note: '请派出所上门调解噪音扰民' };
    expect((await detail(community1, filed.id)).availableActions).not.toContain(RequestAction.Whistle);
    expect((await community1.post(`/api/requests/${filed.id}/whistle`, body).expect(403)).body.code).toBe(ErrorCode.Forbidden);

    expect((await community1.put('/api/admin/whistle-settings', { communityMayWhistle: true }).expect(403)).body.code).toBe(ErrorCode.Forbidden);
    expect((await street1.put('/api/admin/whistle-settings', { communityMayWhistle: 'yes' }).expect(400)).body.errors).toEqual({
      communityMayWhistle: FieldErrorCode.InvalidFormat,
    });
    expect((await street1.put('/api/admin/whistle-settings', { communityMayWhistle: true }).expect(200)).body).toEqual({ communityMayWhistle: true });
    try {
      expect((await detail(community1, filed.id)).availableActions).toContain(RequestAction.Whistle);
      const whistled = (await community1.post(`/api/requests/${filed.id}/whistle`, body).expect(200)).body as RequestDetail;
      expect(whistled).toMatchObject({ status: RequestStatus.Whistled, level: HandlingLevel.Community });
      expect((await detail(police, filed.id)).availableActions).toEqual([RequestAction.Report, RequestAction.ReturnWhistle]);
    } finally {
      await street1.put('/api/admin/whistle-settings', { communityMayWhistle: false }).expect(200);
    }
  });

  it('lets the street officer maintain the routing table, validated field by field', async () => {
    const rules = (await street1.get('/api/admin/routing-rules').expect(200)).body as RoutingRuleView[];
    expect(rules.find((r) => r.category === RequestCategory.Infrastructure && r.subcategory === 'LEAK')).toMatchObject({
      leadDepartmentId: dept['明日星城物业服务中心'].id,
      assistDepartmentIds: [dept['自来水公司'].id],
    });
    expect((await community1.get('/api/admin/routing-rules').expect(403)).body.code).toBe(ErrorCode.Forbidden);
    expect((await police.put('/api/admin/routing-rules', { rules: [] }).expect(403)).body.code).toBe(ErrorCode.Forbidden);

    const invalid = await street1
      .put('/api/admin/routing-rules', {
        rules: [
          { category: 'WEATHER', leadDepartmentId: dept['团结派出所'].id },
          { category: RequestCategory.Culture, subcategory: 'LEAK', leadDepartmentId: 9999 },
          { category: RequestCategory.Culture, leadDepartmentId: dept['团结派出所'].id, assistDepartmentIds: [dept['团结派出所'].id] },
        ],
      })
      .expect(400);
    expect(invalid.body.errors).toEqual({ 'rules.0.category': FieldErrorCode.InvalidEnum });
    const inconsistent = await street1
      .put('/api/admin/routing-rules', {
        rules: [
          { category: RequestCategory.Culture, subcategory: 'LEAK', leadDepartmentId: 9999 },
          { category: RequestCategory.Culture, leadDepartmentId: dept['团结派出所'].id, assistDepartmentIds: [dept['团结派出所'].id] },
        ],
      })
      .expect(400);
    expect(inconsistent.body.errors).toEqual({
      'rules.0.subcategory': FieldErrorCode.InvalidSubcategory,
      'rules.0.leadDepartmentId': FieldErrorCode.UnknownDepartment,
      'rules.1.assistDepartmentIds': FieldErrorCode.Duplicate,
    });

    const replaced = (await street1
      .put('/api/admin/routing-rules', {
        rules: [...rules.map(({ category, subcategory, leadDepartmentId, assistDepartmentIds }) => ({ category, subcategory, leadDepartmentId, assistDepartmentIds })),
          { category: RequestCategory.Culture, subcategory: 'VENUE', leadDepartmentId: dept['供热公司'].id }],
      })
      .expect(200)).body as RoutingRuleView[];
    expect(replaced).toHaveLength(rules.length + 1);
    const filed = await fileRequest(resident1, { category: RequestCategory.Culture, subcategory: 'VENUE', description: '活动室暖气不热，冬天没法开展活动。' });
    await escalateToStreet(leader1, community1, filed.id);
    const proposal = (await street1.get(`/api/requests/${filed.id}/whistle-proposal`).expect(200)).body as WhistleProposal;
    expect(proposal.lead?.name).toBe('供热公司');
    expect((await leader1.get(`/api/requests/${filed.id}/whistle-proposal`).expect(403)).body.code).toBe(ErrorCode.Forbidden);
  });

  it('pages the liaison inbox, the soonest report deadline first, and validates its filter', async () => {
    const ids: number[] = [];
    for (const urgency of [Urgency.Normal, Urgency.Urgent]) {
      const filed = await fileRequest(resident1, { category: RequestCategory.Dispute, subcategory: 'NEIGHBOUR', urgency, description: '邻居在楼道里堆放杂物引发争吵。' });
      await escalateToStreet(leader1, community1, filed.id);
      await street1.post(`/api/requests/${filed.id}/whistle`, { leadDepartmentId: dept['团结司法所'].id, note: '请司法所调解' }).expect(200);
      ids.push(filed.id);
    }
    const justice = await t.loginAs('liaison2');
    const page1 = await inboxOf(justice, '?pageSize=1');
    expect(page1).toMatchObject({ total: 2, page: 1, pageSize: 1, counts: { notified: 2, reported: 0 } });
    // the urgent one (30 minutes) is due before the normal one (2 hours)
    expect(page1.items[0].request.id).toBe(ids[1]);
    expect((await inboxOf(justice, '?pageSize=1&page=2')).items[0].request.id).toBe(ids[0]);
    expect((await justice.get('/api/liaison/inbox?state=SOMETHING').expect(400)).body.errors).toEqual({ state: FieldErrorCode.InvalidEnum });
    expect((await street1.get('/api/liaison/inbox').expect(403)).body.code).toBe(ErrorCode.Forbidden);
  });
});
