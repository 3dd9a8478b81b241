import {
  DeadlineKind,
  DeadlinePolicyTable,
  ErrorCode,
  ExtensionView,
  FieldErrorCode,
  HandlingLevel,
  InboxCounts,
  NotificationKind,
  Page,
  RequestAction,
  RequestDetail,
  RequestStatus,
  RequestSummary,
} from '@gezhi/shared';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import { MONDAY_9AM } from '../support/instants';
import { DeadlineMissEntity } from '../../src/modules/deadlines/deadline.entities';
import { DeadlineSweeper } from '../../src/modules/escalation/deadline-sweeper';
import { fileRequest, notificationsOf } from '../support/factories';
import { ApiClient, bootTestApp, TestApp } from '../support/test-app';

/** Monday 2026-11-23 09:00 in Shanghai: a normal grid item must be accepted by 11:00 (warned at 10:30). */
const minutes = (n: number) => n * 60_000;

describe('escalation up the ladder (上报), extensions (延期) and the deadline sweeper (督办)', () => {
  let t: TestApp;
  let clock: ManualClock;
  let resident1: ApiClient;
  let leader1: ApiClient;
  let leader2: ApiClient;
  let community1: ApiClient;
  let street1: ApiClient;
  let sweeper: DeadlineSweeper;

  beforeAll(async () => {
    clock = new ManualClock(MONDAY_9AM);
    t = await bootTestApp({}, { clock });
    [resident1, leader1, leader2, community1, street1] = await Promise.all(
      ['resident1', 'gridleader1', 'gridleader2', 'community1', 'street1'].map((a) => t.loginAs(a)),
    );
    sweeper = t.app.get(DeadlineSweeper);
  });

  afterAll(() => t.close());

  beforeEach(() => clock.set(MONDAY_9AM));

  const detail = async (client: ApiClient, id: number) => (await client.get(`/api/requests/${id}`).expect(200)).body as RequestDetail;

  it('opens accept and resolve clocks at the grid when a request is filed', async () => {
    const filed = await fileRequest(resident1);
    const staffView = await detail(leader1, filed.id);
    expect(staffView.deadlines?.map((d) => [d.kind, d.level, d.state])).toEqual([
      [DeadlineKind.Accept, HandlingLevel.Grid, 'OPEN'],
      [DeadlineKind.Resolve, HandlingLevel.Grid, 'OPEN'],
    ]);
    expect(staffView.deadlines?.[0].dueAt).toBe('2026-11-23T03:00:00.000Z');
    expect(staffView).toMatchObject({ supervision: 'NONE', dueAt: '2026-11-23T03:00:00.000Z', statusLabel: '待签收' });
    const residentView = await detail(resident1, filed.id);
    expect(residentView.deadlines).toBeUndefined();
    expect(residentView.supervision).toBeUndefined();
  });

  it('escalates grid → community → street by hand, with refusals along the way', async () => {
    const filed = await fileRequest(resident1);
    expect((await detail(leader1, filed.id)).availableActions).toContain(RequestAction.Escalate);

    // a resident, another grid's leader and the community (not yet holder) cannot escalate it
    expect((await resident1.post(`/api/requests/${filed.id}/escalate`, { reason: '太慢了' }).expect(403)).body.code).toBe(ErrorCode.NotStaff);
    expect((await leader2.post(`/api/requests/${filed.id}/escalate`, { reason: '不是我的' }).expect(403)).body.code).toBe(ErrorCode.NotInYourScope);
    expect((await community1.post(`/api/requests/${filed.id}/escalate`, { reason: '越级' }).expect(403)).body.code).toBe(ErrorCode.Forbidden);
    expect((await leader1.post(`/api/requests/${filed.id}/escalate`, {}).expect(400)).body.errors).toEqual({ reason: FieldErrorCode.Required });

    const toCommunity = (await leader1.post(`/api/requests/${filed.id}/escalate`, { reason: '涉及楼上住户，需社区协调' }).expect(200)).body as RequestDetail;
    expect(toCommunity).toMatchObject({ level: HandlingLevel.Community, status: RequestStatus.PendingAccept, holderName: '陈立华' });
    const event = toCommunity.timeline[toCommunity.timeline.length - 1];
    expect(event).toMatchObject({ action: RequestAction.Escalate, actorName: '苏月', note: '涉及楼上住户，需社区协调' });
    expect((await detail(resident1, filed.id)).statusLabel).toBe('已上报社区协调');
    expect((await notificationsOf(community1)).some((n) => n.requestId === filed.id && n.kind === NotificationKind.RequestEscalated)).toBe(true);

    // the grid no longer holds it; the community's clocks run now
    expect((await leader1.post(`/api/requests/${filed.id}/escalate`, { reason: '再报' }).expect(403)).body.code).toBe(ErrorCode.Forbidden);
    const communityView = await detail(community1, filed.id);
    expect(communityView.availableActions).toEqual(expect.arrayContaining([RequestAction.Accept, RequestAction.Escalate]));
    expect(communityView.deadlines?.filter((d) => d.state === 'OPEN').map((d) => [d.kind, d.level])).toEqual([
      [DeadlineKind.Accept, HandlingLevel.Community],
      [DeadlineKind.Resolve, HandlingLevel.Community],
    ]);
    expect(communityView.deadlines?.filter((d) => d.level === HandlingLevel.Grid).map((d) => d.state)).toEqual(['ESCALATED', 'ESCALATED']);
    const communityInbox = (await community1.get('/api/staff/inbox?status=PENDING_ACCEPT').expect(200)).body as Page<RequestSummary>;
    expect(communityInbox.items.map((i) => i.id)).toContain(filed.id);

    await community1.post(`/api/requests/${filed.id}/accept`).expect(200);
    const toStreet = (await community1.post(`/api/requests/${filed.id}/escalate`, { reason: '需要街道协调房管部门' }).expect(200)).body as RequestDetail;
    expect(toStreet).toMatchObject({ level: HandlingLevel.Street, status: RequestStatus.PendingAccept, holderName: '赵文博' });
    expect((await detail(resident1, filed.id)).statusLabel).toBe('已上报街道协调');

    const streetView = await detail(street1, filed.id);
    expect(streetView.availableActions).not.toContain(RequestAction.Escalate);
    expect((await street1.post(`/api/requests/${filed.id}/escalate`, { reason: '还想再报' }).expect(409)).body.code).toBe(ErrorCode.EscalationTopReached);
    expect(streetView.timeline.filter((e) => e.action === RequestAction.Escalate)).toHaveLength(2);
  });

  it("refuses a community officer of another community (东篱社区's items are out of scope)", async () => {
    const [other] = await t.app.get(DataSource).query("SELECT id FROM community WHERE name = '东篱社区'");
    const filed = await fileRequest(resident1);
    await leader1.post(`/api/requests/${filed.id}/escalate`, { reason: '需社区协调' }).expect(200);
    const outsider = await createOfficer(t, 'community-other', other.id);
    expect((await outsider.post(`/api/requests/${filed.id}/accept`).expect(403)).body.code).toBe(ErrorCode.NotInYourCommunity);
    expect((await outsider.post(`/api/requests/${filed.id}/escalate`, { reason: '越权' }).expect(403)).body.code).toBe(ErrorCode.NotInYourCommunity);
  });

  it('asks for an extension at the grid; the community approves and the due time moves', async () => {
    const filed = await fileRequest(resident1);
    await leader1.post(`/api/requests/${filed.id}/accept`).expect(200);
    const before = (await detail(leader1, filed.id)).deadlines?.find((d) => d.kind === DeadlineKind.Resolve && d.state === 'OPEN');
    expect((await resident1.post(`/api/requests/${filed.id}/extensions`, { reason: '等配件', minutes: 60 }).expect(403)).body.code).toBe(ErrorCode.NotStaff);
    expect((await leader1.post(`/api/requests/${filed.id}/extensions`, { reason: '等配件', minutes: 0 }).expect(400)).body.errors).toEqual({ minutes: FieldErrorCode.OutOfRange });
    const asked = (await leader1.post(`/api/requests/${filed.id}/extensions`, { reason: '防水材料需要三天到货', minutes: 450 }).expect(201)).body as ExtensionView;
    expect(asked).toMatchObject({ state: 'PENDING', kind: DeadlineKind.Resolve, requestedByName: '苏月', dueAtBefore: before?.dueAt });
    expect((await leader1.post(`/api/requests/${filed.id}/extensions`, { reason: '再要一次', minutes: 30 }).expect(409)).body.code).toBe(ErrorCode.IllegalTransition);
    expect((await notificationsOf(community1)).some((n) => n.kind === NotificationKind.ExtensionRequested && n.requestId === filed.id)).toBe(true);

    // only one level up decides: not the asker, not the street
    expect((await leader1.post(`/api/extensions/${asked.id}/approve`, {}).expect(403)).body.code).toBe(ErrorCode.Forbidden);
    expect((await street1.post(`/api/extensions/${asked.id}/approve`, {}).expect(403)).body.code).toBe(ErrorCode.Forbidden);
    const approved = (await community1.post(`/api/extensions/${asked.id}/approve`, { note: '同意' }).expect(200)).body as ExtensionView;
    // one working day later, same clock time
    expect(approved).toMatchObject({ state: 'APPROVED', decidedByName: '陈立华' });
    expect(new Date(approved.dueAtAfter as string).getTime() - new Date(before?.dueAt as string).getTime()).toBe(24 * 3600_000);
    const after = (await detail(leader1, filed.id)).deadlines?.find((d) => d.kind === DeadlineKind.Resolve && d.state === 'OPEN');
    expect(after?.dueAt).toBe(approved.dueAtAfter);
    expect((await community1.post(`/api/extensions/${asked.id}/reject`, { note: '不行' }).expect(409)).body.code).toBe(ErrorCode.IllegalTransition);

    const second = (await leader1.post(`/api/requests/${filed.id}/extensions`, { reason: '还要等', minutes: 60 }).expect(201)).body as ExtensionView;
    expect((await community1.post(`/api/extensions/${second.id}/reject`, {}).expect(400)).body.errors).toEqual({ note: FieldErrorCode.Required });
    expect((await community1.post(`/api/extensions/${second.id}/reject`, { note: '请按时办结' }).expect(200)).body).toMatchObject({ state: 'REJECTED' });
    const list = (await leader1.get(`/api/requests/${filed.id}/extensions`).expect(200)).body as ExtensionView[];
    expect(list.map((e) => e.state)).toEqual(['APPROVED', 'REJECTED']);

    // the timeline records every ask and decision (申请延期 / 审批延期) without changing the status
    const extensionEvents = (await detail(leader1, filed.id)).timeline.filter(
      (e) => e.action === RequestAction.RequestExtension || e.action === RequestAction.DecideExtension,
    );
    expect(extensionEvents.map((e) => [e.action, e.actorName, e.fromStatus, e.toStatus])).toEqual([
      [RequestAction.RequestExtension, '苏月', RequestStatus.InProgress, RequestStatus.InProgress],
      [RequestAction.DecideExtension, '陈立华', RequestStatus.InProgress, RequestStatus.InProgress],
      [RequestAction.RequestExtension, '苏月', RequestStatus.InProgress, RequestStatus.InProgress],
      [RequestAction.DecideExtension, '陈立华', RequestStatus.InProgress, RequestStatus.InProgress],
    ]);
    expect(extensionEvents.map((e) => e.note)).toEqual([
      '申请办结时限延期 450 分钟：防水材料需要三天到货',
      '同意延期 450 分钟：同意',
      '申请办结时限延期 60 分钟：还要等',
      '不同意延期：请按时办结',
    ]);
    // the resident sees them too, in the same words
    expect((await detail(resident1, filed.id)).timeline.map((e) => e.action)).toContain(RequestAction.DecideExtension);
  });

  it('supervises yellow, then red: records the miss, notifies and escalates to the community by itself', async () => {
    const filed = await fileRequest(resident1);
    clock.set(new Date(MONDAY_9AM.getTime() + minutes(100))); // 10:40: past the warn time (10:30)
    const first = await sweeper.sweepOnce();
    expect(first.warned).toBeGreaterThanOrEqual(1);
    expect((await detail(leader1, filed.id)).supervision).toBe('YELLOW');
    const soon = (await leader1.get('/api/staff/inbox?due=soon').expect(200)).body as Page<RequestSummary>;
    expect(soon.items.map((i) => i.id)).toContain(filed.id);
    expect(soon.items.find((i) => i.id === filed.id)).toMatchObject({ supervision: 'YELLOW' });
    expect(((await leader1.get('/api/staff/inbox/counts').expect(200)).body as InboxCounts).dueSoon).toBeGreaterThanOrEqual(1);
    expect((await leader1.get('/api/staff/inbox?due=late').expect(400)).body.errors).toEqual({ due: FieldErrorCode.InvalidEnum });

    clock.set(new Date(MONDAY_9AM.getTime() + minutes(121))); // 11:01: accept is overdue
    const second = await sweeper.sweepOnce();
    expect(second.missed).toBeGreaterThanOrEqual(1);
    expect(second.escalated).toBeGreaterThanOrEqual(1);
    const escalated = await detail(community1, filed.id);
    expect(escalated).toMatchObject({ level: HandlingLevel.Community, status: RequestStatus.PendingAccept, holderName: '陈立华' });
    const systemEvent = escalated.timeline.find((e) => e.action === RequestAction.Escalate);
    expect(systemEvent).toMatchObject({ actorRole: 'SYSTEM', actorName: '系统', note: '超时未签收，系统自动上报' });
    const misses = await t.app.get(DataSource).getRepository(DeadlineMissEntity).findBy({ requestId: filed.id });
    expect(misses.map((m) => [m.kind, m.unitType, m.level])).toEqual([[DeadlineKind.Accept, 'GRID', HandlingLevel.Grid]]);
    expect((await notificationsOf(leader1)).some((n) => n.kind === NotificationKind.DeadlineMissed && n.requestId === filed.id)).toBe(true);

    // nothing more to do: a second sweep at the same time changes nothing
    const idle = await sweeper.sweepOnce();
    expect(idle).toMatchObject({ warned: 0, missed: 0, escalated: 0 });
    expect((await detail(community1, filed.id)).timeline.filter((e) => e.action === RequestAction.Escalate)).toHaveLength(1);
  });

  it('marks the street red without escalating further (督办 at the top)', async () => {
    const filed = await fileRequest(resident1);
    await leader1.post(`/api/requests/${filed.id}/escalate`, { reason: '需社区协调' }).expect(200);
    await community1.post(`/api/requests/${filed.id}/escalate`, { reason: '需街道协调' }).expect(200);
    clock.advance(minutes(60 * 24 * 30));
    await sweeper.sweepOnce();
    const red = await detail(street1, filed.id);
    expect(red).toMatchObject({ level: HandlingLevel.Street, supervision: 'RED' });
    const overdue = (await street1.get('/api/staff/inbox?due=overdue').expect(200)).body as Page<RequestSummary>;
    expect(overdue.items.map((i) => i.id)).toContain(filed.id);
    expect(((await street1.get('/api/staff/inbox/counts').expect(200)).body as InboxCounts).overdue).toBeGreaterThanOrEqual(1);
  });

  it('meets the clocks on accept, first progress and resolve; a late resolve turns the red clock MET', async () => {
    const filed = await fileRequest(resident1);
    await leader1.post(`/api/requests/${filed.id}/accept`).expect(200);
    await leader1.post(`/api/requests/${filed.id}/progress`, { note: '已联系楼上住户' }).expect(200);
    await leader1.post(`/api/requests/${filed.id}/resolve`, { note: '已修好' }).expect(200);
    const done = await detail(leader1, filed.id);
    expect(done.deadlines?.map((d) => [d.kind, d.state])).toEqual([
      [DeadlineKind.Accept, 'MET'],
      [DeadlineKind.Resolve, 'MET'],
      [DeadlineKind.FirstResponse, 'MET'],
    ]);
    const cancelled = await fileRequest(resident1);
    await resident1.post(`/api/requests/${cancelled.id}/cancel`).expect(200);
    expect((await detail(leader1, cancelled.id)).deadlines?.every((d) => d.state === 'CANCELLED')).toBe(true);
  });

  it('ends consistent when the holder resolves while the sweeper escalates the same items', async () => {
    // Each round races one sweep against the holder resolving twelve overdue items. Whoever wins an item, it ends in
    // exactly one state, and the sweep's report counts exactly the misses and escalations it wrote. Rounds repeat
    // until one of them has both outcomes — the race really happened — or the test fails saying it never did.
    const misses = t.app.get(DataSource).getRepository(DeadlineMissEntity);
    const outcomes: string[] = [];
    for (let round = 1; round <= 6; round++) {
      clock.set(MONDAY_9AM);
      const items: RequestDetail[] = [];
      for (let i = 0; i < 12; i++) {
        const filed = await fileRequest(resident1);
        await leader1.post(`/api/requests/${filed.id}/accept`).expect(200);
        items.push(filed);
      }
      const sweptAt = clock.advance(minutes(60 * 24 * 7 + round)); // every resolve clock is long overdue
      // The holder resolves the items one after another while one sweep runs: the first ones are resolved before the
      // sweep claims them, the last ones after it escalated them, and the item in flight at the sweep's claim is
      // raced for. Round r starts the sweep only once r − 1 resolves have answered, moving the cut point.
      let startSweep: () => void = () => undefined;
      const sweepMayStart = new Promise<void>((resolve) => (startSweep = resolve));
      if (round === 1) startSweep();
      const sweeping = sweepMayStart.then(() => sweeper.sweepOnce());
      const resolves: Array<{ status: number; body: { code?: string } }> = [];
      for (const item of items) {
        resolves.push(await leader1.post(`/api/requests/${item.id}/resolve`, { note: '已处理' }));
        if (resolves.length >= round - 1) startSweep();
      }
      const sweep = await sweeping;
      let holderWon = 0;
      let sweeperWon = 0;
      let missRows = 0;
      for (const [index, response] of resolves.entries()) {
        const after = await detail(community1, items[index].id).catch(() => null);
        const escalations = (await detail(leader1, items[index].id)).timeline.filter((e) => e.action === RequestAction.Escalate);
        const missed = await misses.countBy({ requestId: items[index].id });
        missRows += missed;
        if (response.status === 200) {
          holderWon += 1;
          expect(after?.status).toBe(RequestStatus.Resolved);
          expect(escalations).toHaveLength(0);
          expect(missed).toBe(0);
        } else {
          // the sweeper won: the item went up once; the holder was refused with a stable code, never a 500
          // (409 CONCURRENT_MODIFICATION if it lost the version check; 409 ILLEGAL_TRANSITION if it read the item
          // already pending at the community)
          sweeperWon += 1;
          expect(response.status).toBe(409);
          expect([ErrorCode.ConcurrentModification, ErrorCode.IllegalTransition]).toContain(response.body.code);
          expect(after).toMatchObject({ level: HandlingLevel.Community, status: RequestStatus.PendingAccept });
          expect(escalations).toHaveLength(1);
          expect(missed).toBeGreaterThan(0);
        }
      }
      // the sweep also handles other overdue items (the demo's, earlier tests'): its report counts every miss it wrote
      expect(sweep.missed).toBe(await misses.countBy({ detectedAt: sweptAt }));
      expect(sweep.missed).toBeGreaterThanOrEqual(missRows);
      expect(sweep.escalated).toBeGreaterThanOrEqual(sweeperWon);
      outcomes.push(`round ${round}: holder ${holderWon}, sweeper ${sweeperWon}`);
      if (holderWon > 0 && sweeperWon > 0) break;
    }
    const last = outcomes[outcomes.length - 1];
    expect(`${last} (${outcomes.length} rounds)`).toMatch(/holder ([1-9]|1[01]), sweeper ([1-9]|1[01]) /);
  });

  describe('admin: deadline policy and working calendar', () => {
    it('is for street officers only', async () => {
      expect((await leader1.get('/api/admin/deadline-policies').expect(403)).body.code).toBe(ErrorCode.Forbidden);
      expect((await community1.put('/api/admin/calendar/2026', { days: [] }).expect(403)).body.code).toBe(ErrorCode.Forbidden);
      await t.anonymous.get('/api/admin/deadline-policies').expect(401);
    });

    it('lists the default policy and replaces it, validating every field', async () => {
      const table = (await street1.get('/api/admin/deadline-policies').expect(200)).body as DeadlinePolicyTable;
      expect(table.rules.find((r) => r.category === 'DEFAULT' && r.urgency === 'NORMAL' && r.level === 'GRID')).toMatchObject({
        acceptMinutes: 120,
        resolveMinutes: 1350,
        reportMinutes: 120,
        warnPercent: 75,
      });
      expect(table.rules.find((r) => r.category === 'DEFAULT' && r.urgency === 'URGENT' && r.level === 'STREET')).toMatchObject({ reportMinutes: 30 });
      const bad = await street1
        .put('/api/admin/deadline-policies', {
          rules: [{ ...table.rules[0], acceptMinutes: 0, urgency: 'SOON', extra: 1 }, { category: 'NOPE' }],
        })
        .expect(400);
      expect(bad.body.errors).toMatchObject({
        'rules.0.acceptMinutes': FieldErrorCode.OutOfRange,
        'rules.0.urgency': FieldErrorCode.InvalidEnum,
        'rules.0.extra': FieldErrorCode.UnknownField,
        'rules.1.category': FieldErrorCode.InvalidEnum,
        'rules.1.resolveMinutes': FieldErrorCode.Required,
      });
      const duplicate = await street1.put('/api/admin/deadline-policies', { rules: [...table.rules, table.rules[0]] }).expect(400);
      expect(duplicate.body.errors).toEqual({ [`rules.${table.rules.length}`]: FieldErrorCode.Duplicate });
      const missingDefault = await street1.put('/api/admin/deadline-policies', { rules: table.rules.slice(1) }).expect(400);
      expect(missingDefault.body.errors).toEqual({ rules: FieldErrorCode.Required });

      const faster = table.rules.map((r) => (r.category === 'DEFAULT' && r.urgency === 'NORMAL' && r.level === 'GRID' ? { ...r, acceptMinutes: 60 } : r));
      await street1.put('/api/admin/deadline-policies', { rules: faster }).expect(200);
      const filed = await fileRequest(resident1, { category: 'CULTURE' as never, subcategory: 'VENUE' });
      expect((await detail(leader1, filed.id)).deadlines?.[0].dueAt).toBe('2026-11-23T02:00:00.000Z');
      await street1.put('/api/admin/deadline-policies', { rules: table.rules }).expect(200);
    });

    it('stores holidays and make-up days per year and counts with them', async () => {
      expect((await street1.put('/api/admin/calendar/2026', { days: [{ date: '2026-02-30', kind: 'HOLIDAY' }] }).expect(400)).body.errors).toEqual({
        'days.0.date': FieldErrorCode.OutOfRange,
      });
      expect((await street1.put('/api/admin/calendar/2026', { days: [{ date: '2027-01-01', kind: 'HOLIDAY' }] }).expect(400)).body.errors).toEqual({
        'days.0.date': FieldErrorCode.OutOfRange,
      });
      expect((await street1.put('/api/admin/calendar/2026', { days: [{ date: '1 Oct', kind: 'DAY_OFF' }] }).expect(400)).body.errors).toEqual({
        'days.0.date': FieldErrorCode.InvalidFormat,
        'days.0.kind': FieldErrorCode.InvalidEnum,
      });
      expect((await street1.get('/api/admin/calendar/1999').expect(400)).body.errors).toEqual({ year: FieldErrorCode.OutOfRange });
      const days = [
        { date: '2026-11-23', kind: 'HOLIDAY', note: '测试假日' },
        { date: '2026-11-28', kind: 'WORKDAY', note: '调休上班' },
      ];
      expect((await street1.put('/api/admin/calendar/2026', { days: [days[0], days[0]] }).expect(400)).body.errors).toEqual({ 'days.1.date': FieldErrorCode.Duplicate });
      const saved = (await street1.put('/api/admin/calendar/2026', { days }).expect(200)).body;
      expect(saved).toEqual({ year: 2026, days });
      // Monday 11/23 is now a holiday: a request filed at 09:00 counts from Tuesday 08:30, due 10:30
      const filed = await fileRequest(resident1);
      expect((await detail(leader1, filed.id)).deadlines?.[0].dueAt).toBe('2026-11-24T02:30:00.000Z');
      await street1.put('/api/admin/calendar/2026', { days: [] }).expect(200);
    });
  });
});

/** A community officer of another community, signed in through the dev login. */
async function createOfficer(t: TestApp, account: string, communityId: number): Promise<ApiClient> {
  const ds = t.app.get(DataSource);
  const [street] = await ds.query('SELECT id FROM street LIMIT 1');
  await ds.getRepository('User').insert({
    openid: null,
    account,
    nickname: '外社区',
    realName: '外社区',
    phone: null,
    role: 'COMMUNITY_OFFICER',
    roomId: null,
    gridId: null,
    communityId,
    streetId: street.id,
    createdAt: new Date(),
  });
  return t.loginAs(account);
}
