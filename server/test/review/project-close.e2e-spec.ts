import {
  Channel,
  DepartmentView,
  MetricsView,
  NotificationKind,
  NotificationView,
  ProjectCloseResponse,
  ProjectDetail,
  ProjectEventKind,
  ProjectItemOutcome,
  RequestAction,
  RequestCategory,
  RequestDetail,
  RequestStatus,
  RoomOption,
} from '@gezhi/shared';
import { ManualClock } from '../../src/common/clock';
import { MetricsRecompute } from '../../src/modules/metrics/metrics-recompute';
import { escalateToCommunity, escalateToStreet, fileRequest, notificationsOf } from '../support/factories';
import { WEEKDAY_MORNING } from '../support/instants';
import { ApiClient, bootTestApp, TestApp } from '../support/test-app';

const HOUR = 3600_000;
const RESULT = '已协调物业更换楼道灯具并修复防水层，纳入每月巡检。';

/**
 * Closing a 问需会 project (issue 9): its linked requests that the closer may resolve are resolved with the project's
 * result (the residents rate as usual, the numbers count them); the others stay open and the response, the project's
 * timeline and each resident's notice say so, and why.
 */
describe('closing a project resolves its open linked requests, or says why not', () => {
  let t: TestApp;
  let clock: ManualClock;
  let resident1: ApiClient;
  let leader1: ApiClient;
  let community1: ApiClient;
  let street1: ApiClient;
  let items: Record<'inProgress' | 'notAccepted' | 'atCommunity' | 'whistled' | 'awaitingRating' | 'rejected' | 'walkIn', RequestDetail>;
  let project: ProjectDetail;
  let closed: ProjectCloseResponse;
  let noticesBefore: number;
  let resolvedBefore: number;

  const file = (description: string) => fileRequest(resident1, { category: RequestCategory.Infrastructure, subcategory: 'LIGHTING', description });
  const resolvedCount = async () =>
    ((await leader1.get('/api/metrics?from=2026-12-01&to=2026-12-31').expect(200)).body as MetricsView).requests?.counts.resolved ?? -1;

  beforeAll(async () => {
    clock = new ManualClock(WEEKDAY_MORNING);
    t = await bootTestApp({}, { clock });
    [resident1, leader1, community1, street1] = await Promise.all(['resident1', 'gridleader1', 'community1', 'street1'].map((a) => t.loginAs(a)));

    const inProgress = await file('1号楼楼道声控灯坏了一个月，晚上上下楼很危险。');
    await leader1.post(`/api/requests/${inProgress.id}/accept`).expect(200);
    const notAccepted = await file('1号楼2单元楼道灯也不亮，请一起修一下。');
    const atCommunity = await file('1号楼地下室的灯全坏了，需要社区协调物业更换线路。');
    await escalateToCommunity(leader1, atCommunity.id);
    await community1.post(`/api/requests/${atCommunity.id}/accept`).expect(200);
    const whistled = await file('1号楼外墙路灯杆倾斜，需要路灯管理部门处理。');
    await escalateToStreet(leader1, community1, whistled.id);
    const departments = (await street1.get('/api/departments').expect(200)).body as DepartmentView[];
    await street1.post(`/api/requests/${whistled.id}/whistle`, { leadDepartmentId: departments[0].id, note: '请牵头处理路灯杆' }).expect(200);
    const awaitingRating = await file('1号楼单元门口的灯闪烁不停，晚上很晃眼。');
    await leader1.post(`/api/requests/${awaitingRating.id}/accept`).expect(200);
    await leader1.post(`/api/requests/${awaitingRating.id}/resolve`, { note: '已更换灯泡。' }).expect(200);
    const rejected = await file('希望小区里多装几盏景观灯，晚上散步更漂亮。');
    await leader1.post(`/api/requests/${rejected.id}/reject`, { reason: '景观照明不在报修范围，已转物业参考。' }).expect(200);
    const room = ((await leader1.get('/api/staff/rooms').expect(200)).body as RoomOption[]).find((r) => r.buildingName === '1号楼') as RoomOption;
    const walkIn = await fileRequest(leader1, {
      category: RequestCategory.Infrastructure,
      subcategory: 'LIGHTING',
      description: '来访老人反映1号楼楼梯间灯不亮，本人未注册小程序。',
      roomId: room.id,
      channel: Channel.WalkIn,
      contactName: '王大爷',
    });
    await leader1.post(`/api/requests/${walkIn.id}/accept`).expect(200);
    items = { inProgress, notAccepted, atCommunity, whistled, awaitingRating, rejected, walkIn };

    project = (await community1
      .post('/api/review/projects', {
        title: '1号楼楼道照明整体改造',
        ownerUserId: leader1.me?.id,
        deadline: '2026-12-20',
        requestIds: Object.values(items).map((i) => i.id),
      })
      .expect(201)).body as ProjectDetail;
    clock.advance(2 * HOUR);
    noticesBefore = (await notificationsOf(resident1)).length;
    resolvedBefore = await resolvedCount();
    closed = (await leader1.post(`/api/review/projects/${project.id}/close`, { result: RESULT, version: project.version }).expect(200)).body as ProjectCloseResponse;
  });

  afterAll(() => t.close());

  const outcomeOf = (request: RequestDetail) => closed.closeOutcomes.find((o) => o.requestId === request.id);
  const statusOf = async (request: RequestDetail) => ((await leader1.get(`/api/requests/${request.id}`).expect(200)).body as RequestDetail).status;

  it('resolves the open items the closer holds, with the project’s result as the note', async () => {
    for (const item of [items.inProgress, items.walkIn]) {
      const detail = (await leader1.get(`/api/requests/${item.id}`).expect(200)).body as RequestDetail;
      expect(detail.status).toBe(RequestStatus.Resolved);
      expect(detail.timeline.at(-1)).toMatchObject({ action: RequestAction.Resolve, note: RESULT, toStatus: RequestStatus.Resolved });
      expect(outcomeOf(item)).toMatchObject({ outcome: ProjectItemOutcome.Resolved, resolved: true, staysOpen: false, reason: null });
    }
    expect(closed.items.find((i) => i.id === items.inProgress.id)?.statusLabel).toBe('待评价');
  });

  it('lists, in the response, the items left as they are and why', () => {
    expect(outcomeOf(items.notAccepted)).toMatchObject({ outcome: ProjectItemOutcome.NotAccepted, staysOpen: true, reason: '尚未签收，须先签收再办结' });
    expect(outcomeOf(items.atCommunity)).toMatchObject({ outcome: ProjectItemOutcome.HeldElsewhere, staysOpen: true, reason: '正由社区处理，须由社区办结' });
    expect(outcomeOf(items.whistled)).toMatchObject({ outcome: ProjectItemOutcome.Whistled, staysOpen: true, reason: '已吹哨至职能部门，须由主办部门办结' });
    expect(outcomeOf(items.awaitingRating)).toMatchObject({ outcome: ProjectItemOutcome.AwaitingRating, staysOpen: false, resolved: false });
    expect(outcomeOf(items.rejected)).toMatchObject({ outcome: ProjectItemOutcome.AlreadyFinal, staysOpen: false, reason: '此前已驳回' });
    expect(closed.closeOutcomes).toHaveLength(7);
  });

  it('leaves those items untouched', async () => {
    expect(await statusOf(items.notAccepted)).toBe(RequestStatus.PendingAccept);
    expect(await statusOf(items.atCommunity)).toBe(RequestStatus.InProgress);
    expect(await statusOf(items.whistled)).toBe(RequestStatus.Whistled);
    expect(await statusOf(items.rejected)).toBe(RequestStatus.Rejected);
  });

  it('says on the project’s timeline which were resolved and which stay open, and why; the close is the last event', () => {
    const [outcomeEvent, closeEvent] = closed.events.slice(-2);
    expect(closeEvent).toMatchObject({ kind: ProjectEventKind.Closed, note: RESULT });
    expect(outcomeEvent.kind).toBe(ProjectEventKind.Progress);
    expect(outcomeEvent.note).toContain(`随项目办结 2 项，待居民评价：${items.inProgress.serial}、${items.walkIn.serial}`);
    expect(outcomeEvent.note).toContain(`仍未办结 3 项：${items.notAccepted.serial}（尚未签收，须先签收再办结）`);
    expect(outcomeEvent.note).toContain(`${items.whistled.serial}（已吹哨至职能部门，须由主办部门办结）`);
  });

  it('tells each resident what is true of their item: resolved → 请评价, left open → it stays open and why', async () => {
    const all = await notificationsOf(resident1);
    // one notice per linked item of theirs (the walk-in has no account), no second 「已办结」 notice for the resolved one
    expect(all.length).toBe(noticesBefore + 6);
    const noticeOf = (request: RequestDetail) => all.filter((n) => n.requestId === request.id && n.kind === NotificationKind.ProjectClosed) as NotificationView[];
    expect(all.some((n) => n.requestId === items.inProgress.id && n.kind === NotificationKind.RequestResolved)).toBe(false);

    const [resolved] = noticeOf(items.inProgress);
    expect(resolved.title).toBe('您反映的问题已列入项目并办结');
    expect(resolved.body).toContain('现已办结，请评价');
    for (const open of [items.notAccepted, items.atCommunity, items.whistled]) {
      const [notice] = noticeOf(open);
      expect(notice.title).toBe('问需会项目已办结，您的诉求仍在处理');
      expect(notice.body).toContain('仍未办结');
      expect(notice.body).not.toContain('请评价');
    }
    expect(noticeOf(items.whistled)[0].body).toContain('须由主办部门办结');
    expect(noticeOf(items.rejected)[0].body).toContain('此前已驳回');
    expect(noticeOf(items.rejected)[0].title).not.toBe('您反映的问题已列入项目并办结');
  });

  it('lets the resident rate the resolved item as usual', async () => {
    const rated = (await resident1.post(`/api/requests/${items.inProgress.id}/rate`, { speed: 4, effect: 5, attitude: 5 }).expect(200)).body as RequestDetail;
    expect(rated.status).toBe(RequestStatus.Closed);
  });

  it('counts the resolutions in the roll-ups, equal to a full recomputation', async () => {
    expect(await resolvedCount()).toBe(resolvedBefore + 2);
    expect((await t.app.get(MetricsRecompute).verify()).differences).toEqual([]);
  });

  it('does nothing to the items when the close is refused (stale version)', async () => {
    const other = await file('1号楼3单元楼道灯坏了，请修理。');
    await leader1.post(`/api/requests/${other.id}/accept`).expect(200);
    const second = (await community1
      .post('/api/review/projects', { title: '1号楼3单元照明', ownerUserId: leader1.me?.id, deadline: '2026-12-20', requestIds: [other.id] })
      .expect(201)).body as ProjectDetail;
    await leader1.post(`/api/review/projects/${second.id}/close`, { result: RESULT, version: second.version + 1 }).expect(409);
    expect(await statusOf(other)).toBe(RequestStatus.InProgress);
  });
});
