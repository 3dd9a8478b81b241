import {
  AgendaEntry,
  AgendaReason,
  Channel,
  ErrorCode,
  FieldErrorCode,
  MetricsView,
  NotificationKind,
  Page,
  ProjectAction,
  ProjectDetail,
  ProjectEventKind,
  ProjectOwnerOption,
  ProjectStatus,
  ProjectSummary,
  RequestCategory,
  RequestDetail,
  ReviewAgenda,
  ReviewSettings,
  RoomOption,
  shanghaiDayOf as localDateOf,
  Urgency,
} from '@gezhi/shared';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import { WEEKDAY_MORNING } from '../support/instants';
import { Community } from '../../src/modules/geo/geo.entities';
import { ProjectCountsService } from '../../src/modules/review/project-counts.service';
import { fileRequest, notificationsOf } from '../support/factories';
import { ApiClient, bootTestApp, TestApp } from '../support/test-app';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Every entry of an agenda, whatever its category. */
const entriesOf = (agenda: ReviewAgenda): AgendaEntry[] => agenda.groups.flatMap((g) => g.entries);
const entryWith = (agenda: ReviewAgenda, requestId: number): AgendaEntry | undefined => entriesOf(agenda).find((e) => e.requestIds.includes(requestId));
/** The item's own entry (an unresolved item always has one, even when a recurring cluster lists it too). */
const itemEntry = (agenda: ReviewAgenda, requestId: number): AgendaEntry | undefined => entriesOf(agenda).find((e) => e.key === `item:${requestId}`);
/** The recurring cluster listing the item, if any. */
const clusterWith = (agenda: ReviewAgenda, requestId: number): AgendaEntry | undefined =>
  entriesOf(agenda).find((e) => e.kind === 'RECURRING' && e.requestIds.includes(requestId));

describe('居民问需会: the half-monthly agenda and the project service list', () => {
  let t: TestApp;
  let clock: ManualClock;
  let resident1: ApiClient;
  let resident2: ApiClient;
  let resident3: ApiClient;
  let leader1: ApiClient;
  let leader2: ApiClient;
  let leader3: ApiClient;
  let community1: ApiClient;
  let street1: ApiClient;
  let noise: RequestDetail[];
  let overdue: RequestDetail;
  let reopened: RequestDetail;
  let patrol: RequestDetail;
  let otherCommunityId: number;

  beforeAll(async () => {
    clock = new ManualClock(WEEKDAY_MORNING);
    t = await bootTestApp({}, { clock });
    [resident1, resident2, resident3, leader1, leader2, leader3, community1, street1] = await Promise.all(
      ['resident1', 'resident2', 'resident3', 'gridleader1', 'gridleader2', 'gridleader3', 'community1', 'street1'].map((a) => t.loginAs(a)),
    );
    otherCommunityId = (await t.app.get(DataSource).getRepository(Community).findOneByOrFail({ name: '东篱社区' })).id;

    // a recurring problem: noise in 1号楼 (resident1's building) three times
    noise = [];
    for (const description of ['楼上每天深夜拖动家具，噪音很大，影响休息。', '夜里十二点还有人在楼道里大声喧哗。', '又是深夜装修的电钻声，已经第三次了。']) {
      noise.push(await fileRequest(resident1, { category: RequestCategory.Dispute, subcategory: 'NOISE', description }));
    }
    // an urgent item whose 30-minute accept clock will run out
    overdue = await fileRequest(resident2, { category: RequestCategory.Environment, subcategory: 'SANITATION', description: '垃圾桶满了三天没人清运，气味很大。', urgency: Urgency.Urgent });
    // an item reopened after a low effect rating
    reopened = await fileRequest(resident3, { category: RequestCategory.Culture, subcategory: 'VENUE', description: '活动室地板磨损严重，老人跳舞容易滑倒。' });
    await leader3.post(`/api/requests/${reopened.id}/accept`).expect(200);
    await leader3.post(`/api/requests/${reopened.id}/resolve`, { note: '已清洁地板并贴了防滑条。' }).expect(200);
    await resident3.post(`/api/requests/${reopened.id}/rate`, { speed: 3, effect: 1, attitude: 3, comment: '地板还是很滑' }).expect(200);
    // a patrol finding (巡查) in grid 2
    const rooms = (await leader2.get('/api/staff/rooms').expect(200)).body as RoomOption[];
    const room = rooms.find((r) => r.buildingName === '4号楼') as RoomOption;
    patrol = await fileRequest(leader2, {
      category: RequestCategory.Infrastructure,
      subcategory: 'LIGHTING',
      description: '巡查发现4号楼2单元楼道声控灯不亮。',
      roomId: room.id,
      channel: Channel.Patrol,
    });
    // past the urgent item's 30 wall-clock minutes, within every normal item's working-hour accept clock
    clock.advance(31 * MINUTE);
  });

  afterAll(() => t.close());

  describe('the agenda', () => {
    it('lists unresolved, overdue, reopened, patrol and recurring items, grouped by category', async () => {
      const agenda = (await community1.get('/api/review/agenda').expect(200)).body as ReviewAgenda;
      const today = localDateOf(clock.now());
      expect(agenda).toMatchObject({ communityName: '明日星城社区', readOnly: false, gridId: null, recurrenceMinCount: 3, recurrenceWindowDays: 90, entryLimit: 20 });
      expect(agenda.totalEntries).toBe(entriesOf(agenda).length + agenda.rest.count);
      expect(agenda.rest).toMatchObject({ label: `其余 ${agenda.rest.count} 项`, expanded: false, groups: [] });
      expect(agenda.period.key >= today).toBe(true);
      expect(agenda.period.from <= today && today <= agenda.period.key).toBe(true);
      expect(agenda.period.label).toMatch(/^\d{4}年\d{1,2}月(1|16)日问需会（\d{1,2}月\d{1,2}日—\d{1,2}月\d{1,2}日）$/);
      expect(agenda.asOf).toBe(clock.now().toISOString());

      // categories in the catalogue's order, only those with entries
      const order = ['基础设施维修', '民生服务', '环境整治', '矛盾调解', '特殊群体关怀', '文化活动'];
      const labels = agenda.groups.map((g) => g.categoryLabel);
      expect(labels).toEqual(order.filter((l) => labels.includes(l)));

      const recurring = clusterWith(agenda, noise[0].id) as AgendaEntry;
      expect(recurring).toMatchObject({
        kind: 'RECURRING',
        title: '1号楼 噪音扰民问题反复发生（3次）',
        buildingName: '1号楼',
        gridName: '第一网格',
        requestIds: noise.map((n) => n.id),
        reasons: [AgendaReason.Unresolved, AgendaReason.Recurring],
        projectIds: [],
      });
      expect(recurring.key).toMatch(/^recurring:\d+:DISPUTE:NOISE$/);
      expect(recurring.items.map((i) => i.serial)).toEqual(noise.map((n) => n.serial));
      expect(agenda.groups.find((g) => g.categoryLabel === '矛盾调解')?.entries[0]).toEqual(recurring);
      // the three are unresolved: each keeps its own entry too, pointing at the cluster — never hidden inside it
      for (const n of noise) {
        expect(itemEntry(agenda, n.id)).toMatchObject({ kind: 'ITEM', recurringKey: recurring.key, reasons: [AgendaReason.Unresolved, AgendaReason.Recurring] });
      }
      // the order: every entry has its rank, 1…n, and the most urgent (the overdue item) comes first
      const ranks = entriesOf(agenda).map((e) => e.rank).sort((a, b) => a - b);
      expect(ranks).toEqual(ranks.map((_, i) => i + 1));
      const byRank = [...entriesOf(agenda)].sort((x, y) => x.rank - y.rank);
      const lastOverdue = Math.max(...byRank.filter((e) => e.kind === 'ITEM' && e.reasons.includes(AgendaReason.Overdue)).map((e) => e.rank));
      expect(byRank.filter((e) => !e.reasons.includes(AgendaReason.Overdue)).every((e) => e.rank > lastOverdue)).toBe(true);
      expect(itemEntry(agenda, overdue.id)?.rank).toBeLessThanOrEqual(lastOverdue);

      expect(entryWith(agenda, overdue.id)).toMatchObject({ kind: 'ITEM', key: `item:${overdue.id}`, reasons: [AgendaReason.Overdue, AgendaReason.Unresolved] });
      expect(entryWith(agenda, reopened.id)).toMatchObject({ kind: 'ITEM', reasons: [AgendaReason.Reopened, AgendaReason.Unresolved] });
      expect(entryWith(agenda, reopened.id)?.items[0]).toMatchObject({ reopenCount: 1, statusLabel: '处理中', buildingName: '5号楼' });
      const patrolEntry = entryWith(agenda, patrol.id) as AgendaEntry;
      expect(patrolEntry).toMatchObject({ reasons: [AgendaReason.Unresolved, AgendaReason.Patrol], gridName: '第二网格', buildingName: '4号楼' });
      expect(patrolEntry.title).toBe('4号楼 楼道照明：巡查发现4号楼2单元楼道声控灯不亮。');
      expect(patrolEntry.items[0].channel).toBe(Channel.Patrol);

      // the demo's closed item (a job found for a disabled husband) is not on it
      const closedDemo = entriesOf(agenda).flatMap((e) => e.items).find((i) => i.subcategory === 'EMPLOYMENT');
      expect(closedDemo).toBeUndefined();
      expect(agenda.counts[AgendaReason.Recurring]).toBe(6); // the three noise complaints and the demo's three elevator reports
      expect(agenda.counts[AgendaReason.Overdue]).toBeGreaterThanOrEqual(1);
      expect(agenda.counts[AgendaReason.Reopened]).toBe(1);
      expect(agenda.counts[AgendaReason.Patrol]).toBeGreaterThanOrEqual(1);

      // the demo seed's recurring elevator problem in 7号楼 (one report found on patrol) is already a project
      const elevator = entriesOf(agenda).find((e) => e.title === '7号楼 电梯故障问题反复发生（3次）') as AgendaEntry;
      expect(elevator).toMatchObject({ kind: 'RECURRING', gridName: '第四网格' });
      expect(elevator.projectIds).toHaveLength(1);
      expect(elevator.reasons).toEqual([AgendaReason.Unresolved, AgendaReason.Patrol, AgendaReason.Recurring]);
    });

    it('gives a grid leader their grid’s part, read-only', async () => {
      const agenda = (await leader1.get('/api/review/agenda').expect(200)).body as ReviewAgenda;
      expect(agenda).toMatchObject({ readOnly: true, gridId: leader1.me?.staff?.gridIds[0] });
      expect(entriesOf(agenda).length).toBeGreaterThan(0);
      expect(entriesOf(agenda).every((e) => e.gridName === '第一网格')).toBe(true);
      expect(clusterWith(agenda, noise[0].id)?.kind).toBe('RECURRING');
      expect(itemEntry(agenda, noise[0].id)?.kind).toBe('ITEM');
      expect(entryWith(agenda, patrol.id)).toBeUndefined();
    });

    it('lets street officers name a community of their street', async () => {
      const communityId = (await community1.get('/api/review/agenda').expect(200)).body.communityId as number;
      const missing = await street1.get('/api/review/agenda').expect(400);
      expect(missing.body.errors).toEqual({ communityId: FieldErrorCode.Required });
      const agenda = (await street1.get(`/api/review/agenda?communityId=${communityId}`).expect(200)).body as ReviewAgenda;
      expect(entryWith(agenda, patrol.id)).toBeDefined();
      expect((await street1.get('/api/review/agenda?communityId=999999').expect(404)).body.code).toBe(ErrorCode.NotFound);
    });

    it('refuses residents, liaisons, other communities and malformed periods', async () => {
      expect((await resident1.get('/api/review/agenda').expect(403)).body.code).toBe(ErrorCode.NotStaff);
      const liaison = await t.loginAs('liaison1');
      expect((await liaison.get('/api/review/agenda').expect(403)).body.code).toBe(ErrorCode.NotStaff);
      expect((await community1.get(`/api/review/agenda?communityId=${otherCommunityId}`).expect(403)).body.code).toBe(ErrorCode.NotInYourScope);
      expect((await leader1.get(`/api/review/agenda?communityId=${otherCommunityId}`).expect(403)).body.code).toBe(ErrorCode.NotInYourScope);
      for (const period of ['2026-02-30', '2026-2-1', 'tomorrow']) {
        const response = await community1.get(`/api/review/agenda?period=${period}`).expect(400);
        expect(response.body.errors).toEqual({ period: FieldErrorCode.InvalidFormat });
      }
    });

    it('shows a past meeting as it stood then: items filed later are not on it', async () => {
      const agenda = (await community1.get('/api/review/agenda?period=2020-01-05').expect(200)).body as ReviewAgenda;
      expect(agenda.period).toMatchObject({ key: '2020-01-16', from: '2020-01-01', to: '2020-01-15', previousKey: '2020-01-01', nextKey: '2020-02-01' });
      expect(agenda.asOf).toBe('2020-01-16T16:00:00.000Z');
      expect(agenda.groups).toEqual([]);
    });
  });

  describe('the project service list', () => {
    let project: ProjectDetail;
    let owners: ProjectOwnerOption[];
    const today = () => localDateOf(clock.now());
    const inDays = (days: number) => localDateOf(new Date(clock.now().getTime() + days * DAY));

    it('offers the community’s grid leaders and officers as owners', async () => {
      owners = (await community1.get('/api/review/owners').expect(200)).body as ProjectOwnerOption[];
      expect(owners[0]).toMatchObject({ name: '陈立华', roleLabel: '社区工作人员', gridName: null });
      expect(owners).toContainEqual(expect.objectContaining({ name: '苏月', roleLabel: '网格长', gridName: '第一网格' }));
      expect(owners).toHaveLength(8);
    });

    it('makes a project of an agenda entry, with an owner, a deadline and the linked items', async () => {
      const agenda = (await community1.get('/api/review/agenda').expect(200)).body as ReviewAgenda;
      const entry = clusterWith(agenda, noise[0].id) as AgendaEntry;
      const owner = owners.find((o) => o.name === '苏月') as ProjectOwnerOption;
      const response = await community1
        .post('/api/review/projects', {
          title: '1号楼夜间噪音综合治理',
          description: '联系物业和楼上住户，制定装修和作息公约。',
          ownerUserId: owner.id,
          deadline: inDays(14),
          requestIds: entry.requestIds,
          agendaEntryKeys: [entry.key],
          meetingDate: agenda.period.key,
        })
        .expect(201);
      project = response.body as ProjectDetail;
      expect(project).toMatchObject({
        title: '1号楼夜间噪音综合治理',
        communityName: '明日星城社区',
        ownerName: '苏月',
        deadline: inDays(14),
        status: ProjectStatus.Open,
        statusLabel: '办理中',
        overdue: false,
        itemCount: 3,
        meetingDate: agenda.period.key,
        agendaEntryKeys: [entry.key],
        closedAt: null,
        closedOnTime: null,
        result: null,
        version: 1,
        availableActions: [ProjectAction.AddProgress, ProjectAction.Close],
      });
      expect(project.items.map((i) => i.serial)).toEqual(noise.map((n) => n.serial));
      expect(project.items[0]).toMatchObject({ categoryLabel: '矛盾调解 · 噪音扰民', buildingName: '1号楼', gridName: '第一网格', statusLabel: '待签收' });
      expect(project.events).toEqual([expect.objectContaining({ kind: ProjectEventKind.Created, kindLabel: '列入项目清单', actorName: '陈立华' })]);

      // the agenda now shows the entry is in hand
      const after = (await community1.get('/api/review/agenda').expect(200)).body as ReviewAgenda;
      expect(clusterWith(after, noise[0].id)?.projectIds).toEqual([project.id]);
      expect(itemEntry(after, noise[0].id)?.projectIds).toEqual([project.id]);
    });

    it('refuses a project with unknown or foreign items, a non-staff owner, a past deadline, or from a grid leader', async () => {
      const resident = resident1.me?.id as number;
      const base = { title: '测试项目', ownerUserId: owners[0].id, deadline: inDays(3), requestIds: [overdue.id] };
      const expectErrors = async (body: object, errors: Record<string, FieldErrorCode>) => {
        const response = await community1.post('/api/review/projects', body).expect(400);
        expect(response.body.errors).toEqual(errors);
      };
      await expectErrors({ ...base, requestIds: [999999] }, { requestIds: FieldErrorCode.UnknownRequest });
      await expectErrors({ ...base, requestIds: [overdue.id, overdue.id] }, { requestIds: FieldErrorCode.Duplicate });
      await expectErrors({ ...base, requestIds: [] }, { requestIds: FieldErrorCode.Required });
      await expectErrors({ ...base, ownerUserId: resident }, { ownerUserId: FieldErrorCode.UnknownStaff });
      await expectErrors({ ...base, deadline: inDays(-1) }, { deadline: FieldErrorCode.OutOfRange });
      await expectErrors({ ...base, deadline: '2026-13-01' }, { deadline: FieldErrorCode.InvalidFormat });
      await expectErrors({ ...base, title: '' }, { title: FieldErrorCode.Required });
      await expectErrors({ ...base, title: '长'.repeat(61) }, { title: FieldErrorCode.TooLong });
      await expectErrors({ ...base, extra: 1 }, { extra: FieldErrorCode.UnknownField });
      expect((await leader1.post('/api/review/projects', base).expect(403)).body.code).toBe(ErrorCode.Forbidden);
      expect((await resident1.post('/api/review/projects', base).expect(403)).body.code).toBe(ErrorCode.NotStaff);
      expect((await street1.post('/api/review/projects', { ...base, communityId: otherCommunityId }).expect(400)).body.errors).toEqual({
        requestIds: FieldErrorCode.UnknownRequest,
        ownerUserId: FieldErrorCode.UnknownStaff,
      });
    });

    it('lists projects by scope, status and overdue flag, and shows a project only within scope', async () => {
      const list = (query = '') => community1.get(`/api/review/projects${query}`).expect(200).then((r) => r.body as Page<ProjectSummary>);
      expect((await list()).items.map((p) => p.id)).toContain(project.id);
      expect((await list('?status=OPEN')).items.map((p) => p.id)).toContain(project.id);
      expect((await list('?status=CLOSED')).items.map((p) => p.id)).not.toContain(project.id);
      expect((await list('?overdue=true')).items.map((p) => p.id)).not.toContain(project.id);
      expect((await list('?overdue=false')).items.map((p) => p.id)).toContain(project.id);
      expect((await community1.get('/api/review/projects?overdue=maybe').expect(400)).body.errors).toEqual({ overdue: FieldErrorCode.InvalidFormat });
      // the street sees every community of its street; the owner and the items' grid leader see it; grid 2 does not
      expect(((await street1.get('/api/review/projects').expect(200)).body as Page<ProjectSummary>).items.map((p) => p.id)).toContain(project.id);
      expect(((await leader1.get('/api/review/projects').expect(200)).body as Page<ProjectSummary>).items.map((p) => p.id)).toContain(project.id);
      expect(((await leader2.get('/api/review/projects').expect(200)).body as Page<ProjectSummary>).items.map((p) => p.id)).not.toContain(project.id);
      expect((await leader2.get(`/api/review/projects/${project.id}`).expect(403)).body.code).toBe(ErrorCode.NotInYourScope);
      expect((await community1.get('/api/review/projects/999999').expect(404)).body.code).toBe(ErrorCode.NotFound);
      expect((await community1.get(`/api/review/projects?communityId=${otherCommunityId}`).expect(403)).body.code).toBe(ErrorCode.NotInYourScope);
      const seenByOwner = (await leader1.get(`/api/review/projects/${project.id}`).expect(200)).body as ProjectDetail;
      expect(seenByOwner.availableActions).toEqual([ProjectAction.AddProgress, ProjectAction.Close]);
    });

    it('records progress with a version check: a stale or concurrent edit gets 409', async () => {
      const progressed = (await leader1.post(`/api/review/projects/${project.id}/progress`, { note: '已约物业周三召开楼栋议事会。', version: 1 }).expect(200))
        .body as ProjectDetail;
      expect(progressed.version).toBe(2);
      expect(progressed.events.map((e) => [e.kind, e.actorName, e.note])).toEqual([
        [ProjectEventKind.Created, '陈立华', '联系物业和楼上住户，制定装修和作息公约。'],
        [ProjectEventKind.Progress, '苏月', '已约物业周三召开楼栋议事会。'],
      ]);
      const stale = await community1.post(`/api/review/projects/${project.id}/progress`, { note: '重复提交', version: 1 }).expect(409);
      expect(stale.body.code).toBe(ErrorCode.ConcurrentModification);

      const racing = await Promise.all([
        community1.post(`/api/review/projects/${project.id}/progress`, { note: '社区：已张贴公约草案。', version: 2 }),
        leader1.post(`/api/review/projects/${project.id}/progress`, { note: '网格：已逐户征求意见。', version: 2 }),
      ]);
      expect(racing.map((r) => r.status).sort()).toEqual([200, 409]);
      const detail = (await community1.get(`/api/review/projects/${project.id}`).expect(200)).body as ProjectDetail;
      expect(detail.version).toBe(3);
      expect(detail.events.filter((e) => e.kind === ProjectEventKind.Progress)).toHaveLength(2);

      expect((await leader2.post(`/api/review/projects/${project.id}/progress`, { note: '越权', version: 3 }).expect(403)).body.code).toBe(ErrorCode.NotInYourScope);
      const missingVersion = await community1.post(`/api/review/projects/${project.id}/progress`, { note: '没有版本' }).expect(400);
      expect(missingVersion.body.errors).toEqual({ version: FieldErrorCode.Required });
    });

    it('closes with a result that notifies the residents of the linked items, once', async () => {
      const before = (await notificationsOf(resident1)).length;
      const closed = (await community1
        .post(`/api/review/projects/${project.id}/close`, { result: '已签订楼栋文明公约，物业夜间巡查，噪音问题已解决。', version: 3 })
        .expect(200)).body as ProjectDetail;
      expect(closed).toMatchObject({
        status: ProjectStatus.Closed,
        statusLabel: '已办结',
        result: '已签订楼栋文明公约，物业夜间巡查，噪音问题已解决。',
        closedOnTime: true,
        overdue: false,
        availableActions: [],
        version: 4,
      });
      expect(closed.events.at(-1)).toMatchObject({ kind: ProjectEventKind.Closed, actorName: '陈立华' });

      const notices = (await notificationsOf(resident1)).filter((n) => n.kind === NotificationKind.ProjectClosed);
      expect((await notificationsOf(resident1)).length).toBe(before + 3);
      expect(notices.map((n) => n.requestId).sort()).toEqual(noise.map((n) => n.id).sort());
      // the noise items were never accepted (待签收): closing the project leaves them open, and the notice says so
      expect(notices[0]).toMatchObject({ title: '问需会项目已办结，您的诉求仍在处理', read: false });
      expect(notices[0].body).toContain('「1号楼夜间噪音综合治理」，项目已办结，但您的这项诉求仍未办结：待网格签收');
      expect((await notificationsOf(resident2)).some((n) => n.kind === NotificationKind.ProjectClosed)).toBe(false);

      expect((await community1.post(`/api/review/projects/${project.id}/close`, { result: '再次办结', version: 4 }).expect(409)).body.code).toBe(ErrorCode.IllegalTransition);
      expect((await leader1.post(`/api/review/projects/${project.id}/progress`, { note: '补充', version: 4 }).expect(409)).body.code).toBe(ErrorCode.IllegalTransition);
      expect((await community1.get('/api/review/projects?status=CLOSED').expect(200)).body.items.map((p: ProjectSummary) => p.id)).toContain(project.id);
    });

    it('flags a project past its deadline as overdue, and counts projects for the metrics', async () => {
      const late = (await community1
        .post('/api/review/projects', { title: '5号楼活动室地板更换', ownerUserId: owners[0].id, deadline: today(), requestIds: [reopened.id] })
        .expect(201)).body as ProjectDetail;
      clock.advance(2 * DAY);
      const overdueList = (await community1.get('/api/review/projects?overdue=true').expect(200)).body as Page<ProjectSummary>;
      expect(overdueList.items.map((p) => [p.id, p.overdue])).toEqual([[late.id, true]]);
      // grid 3's leader sees it through the linked item, read-only
      const seenByLeader3 = (await leader3.get(`/api/review/projects/${late.id}`).expect(200)).body as ProjectDetail;
      expect(seenByLeader3.availableActions).toEqual([]);

      const counts = t.app.get(ProjectCountsService);
      const communityId = late.communityId;
      const from = localDateOf(new Date(clock.now().getTime() - 10 * DAY));
      const to = localDateOf(clock.now());
      // the demo seed's elevator project (open, due in 14 days) counts too
      expect(await counts.counts({ communityId }, from, to)).toEqual({ opened: 3, closed: 1, closedOnTime: 1, openAtEnd: 2, overdueAtEnd: 1 });
      const closedLate = (await community1.post(`/api/review/projects/${late.id}/close`, { result: '已更换防滑地板。', version: 1 }).expect(200)).body as ProjectDetail;
      expect(closedLate.closedOnTime).toBe(false);
      expect(await counts.counts({ communityId }, from, to)).toEqual({ opened: 3, closed: 2, closedOnTime: 1, openAtEnd: 1, overdueAtEnd: 0 });
      const grid1 = leader1.me?.staff?.gridIds ?? [];
      expect(await counts.counts({ gridIds: grid1 }, from, to)).toMatchObject({ opened: 1, closed: 1, closedOnTime: 1 });
      expect(await counts.counts({ streetId: 999999 }, from, to)).toEqual({ opened: 0, closed: 0, closedOnTime: 0, openAtEnd: 0, overdueAtEnd: 0 });

      // and they are the metrics' projects (MetricsView.projects) of the community and of grid 1
      const view = (await community1.get(`/api/metrics?from=${from}&to=${to}`).expect(200)).body as MetricsView;
      expect(view.projects).toMatchObject({ opened: 3, closed: 2, closedOnTime: 1 });
      const gridView = (await leader1.get(`/api/metrics?from=${from}&to=${to}`).expect(200)).body as MetricsView;
      expect(gridView.projects).toMatchObject({ opened: 1, closed: 1, closedOnTime: 1 });
    });
  });

  describe('the cadence settings', () => {
    it('starts from the defaults (1st and 16th, 3 times in 90 days) and lets the community set its own', async () => {
      const defaults = (await leader1.get('/api/review/settings').expect(200)).body as ReviewSettings;
      expect(defaults).toMatchObject({ meetingDays: [1, 16], recurrenceMinCount: 3, recurrenceWindowDays: 90, source: 'DEFAULT', version: 0 });

      expect((await leader1.put('/api/review/settings', { meetingDays: [5, 20], recurrenceMinCount: 4, version: 0 }).expect(403)).body.code).toBe(ErrorCode.Forbidden);
      const expectErrors = async (body: object, errors: Record<string, FieldErrorCode>) =>
        expect((await community1.put('/api/review/settings', body).expect(400)).body.errors).toEqual(errors);
      await expectErrors({ meetingDays: [0, 29], recurrenceMinCount: 3, version: 0 }, { meetingDays: FieldErrorCode.OutOfRange });
      await expectErrors({ meetingDays: [1, 1], recurrenceMinCount: 3, version: 0 }, { meetingDays: FieldErrorCode.Duplicate });
      await expectErrors({ meetingDays: [1], recurrenceMinCount: 1, version: 0 }, { recurrenceMinCount: FieldErrorCode.OutOfRange });

      const saved = (await community1.put('/api/review/settings', { meetingDays: [20, 5], recurrenceMinCount: 4, version: 0 }).expect(200)).body as ReviewSettings;
      expect(saved).toMatchObject({ meetingDays: [5, 20], recurrenceMinCount: 4, source: 'COMMUNITY', version: 1 });
      const again = await community1.put('/api/review/settings', { meetingDays: [1], recurrenceMinCount: 3, version: 0 }).expect(409);
      expect(again.body.code).toBe(ErrorCode.ConcurrentModification);

      // the agenda follows: meetings on the 5th and 20th; three noise complaints are no longer "recurring" at 4
      const agenda = (await community1.get('/api/review/agenda').expect(200)).body as ReviewAgenda;
      expect(agenda.period.label).toMatch(/月(5|20)日问需会/);
      expect(agenda.recurrenceMinCount).toBe(4);
      expect(clusterWith(agenda, noise[0].id)).toBeUndefined();
      expect(itemEntry(agenda, noise[0].id)?.recurringKey).toBeNull();

      const street = (await street1.put('/api/review/settings', { communityId: agenda.communityId, meetingDays: [1, 16], recurrenceMinCount: 3, version: 1 }).expect(200))
        .body as ReviewSettings;
      expect(street).toMatchObject({ meetingDays: [1, 16], version: 2 });
      expect((await community1.put('/api/review/settings', { communityId: otherCommunityId, meetingDays: [1], recurrenceMinCount: 3, version: 0 }).expect(403)).body.code).toBe(
        ErrorCode.NotInYourScope,
      );
    });
  });

  describe('an agenda a 30-minute meeting can get through (issue 8)', () => {
    let capped: TestApp;
    let cappedClock: ManualClock;
    let residents: ApiClient[];
    let officer: ApiClient;
    let leader: ApiClient;

    beforeAll(async () => {
      cappedClock = new ManualClock(WEEKDAY_MORNING);
      capped = await bootTestApp({ REVIEW_AGENDA_LIMIT: '5' }, { clock: cappedClock });
      [officer, leader, ...residents] = await Promise.all(['community1', 'gridleader1', 'resident1', 'resident2'].map((a) => capped.loginAs(a)));
    });

    afterAll(() => capped.close());

    it('does not fold a new request into closed, unrelated items of the building, and caps the agenda with 「其余 N 项」', async () => {
      const [resident] = residents;
      // three culture items in 1号楼 this period, each about something else, all done and rated well
      for (const [subcategory, description] of [
        ['EVENT', '建议重阳节组织一次老年人文艺汇演。'],
        ['VOLUNTEER', '想报名参加社区的志愿者服务队。'],
        ['EVENT', '希望暑假给孩子们办一个书法兴趣班。'],
      ]) {
        const item = await fileRequest(resident, { category: RequestCategory.Culture, subcategory, description });
        await leader.post(`/api/requests/${item.id}/accept`).expect(200);
        await leader.post(`/api/requests/${item.id}/resolve`, { note: '已安排。' }).expect(200);
        await resident.post(`/api/requests/${item.id}/rate`, { speed: 5, effect: 5, attitude: 5 }).expect(200);
      }
      // a new, unresolved request about outdoor seats: its own entry, not 「1号楼 文化活动问题反复发生（4次）」
      const seats = await fileRequest(resident, { category: RequestCategory.Culture, subcategory: 'VENUE', description: '小区广场想增加几张户外座椅，老人跳完舞没地方坐。' });
      for (let i = 0; i < 6; i++) {
        await fileRequest(residents[i % 2], { category: RequestCategory.Infrastructure, subcategory: 'LIGHTING', description: `楼道声控灯坏了，第${i + 1}处。` });
      }

      cappedClock.advance(10 * 60_000); // the agenda describes the state up to now: items filed before it
      const all = (await officer.get('/api/review/agenda?all=true').expect(200)).body as ReviewAgenda;
      const everything = [...entriesOf(all), ...(all.rest?.groups ?? []).flatMap((g) => g.entries)];
      // the old rule folded it: 「1号楼 文化活动问题反复发生（4次）」 with the three closed, unrelated items
      expect(everything.filter((e) => e.kind === 'RECURRING' && e.requestIds.includes(seats.id)).map((e) => e.title)).toEqual([]);
      expect(everything.find((e) => e.key === `item:${seats.id}`)).toMatchObject({ kind: 'ITEM', reasons: [AgendaReason.Unresolved], recurringKey: null });
      // every unresolved item of a recurring cluster has an entry of its own too, shown or collapsed
      const lighting = everything.find((e) => e.title === '1号楼 楼道照明问题反复发生（3次）') as AgendaEntry;
      expect(lighting.items.every((i) => everything.some((x) => x.key === `item:${i.id}` && x.recurringKey === lighting.key))).toBe(true);

      // the meeting sees the first five, most urgent first; the rest is one counted, collapsed 「其余 N 项」
      const agenda = (await officer.get('/api/review/agenda').expect(200)).body as ReviewAgenda;
      expect(agenda.entryLimit).toBe(5);
      expect(entriesOf(agenda)).toHaveLength(5);
      expect(agenda.totalEntries).toBe(everything.length);
      expect(agenda.rest).toEqual({ count: everything.length - 5, label: `其余 ${everything.length - 5} 项`, groups: [], expanded: false });
      expect(entriesOf(agenda).map((e) => e.rank).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
      // all=true: the same five, and the rest listed (ranks 6…), grouped the same way
      expect(all.groups).toEqual(agenda.groups);
      expect(all.rest).toMatchObject({ count: agenda.rest.count, expanded: true });
      const restEntries = all.rest.groups.flatMap((g) => g.entries);
      expect(restEntries.map((e) => e.rank).sort((a, b) => a - b)).toEqual(restEntries.map((_, i) => i + 6));
      expect((await officer.get('/api/review/agenda?all=maybe').expect(400)).body.errors).toEqual({ all: FieldErrorCode.InvalidFormat });
    });
  });
});
