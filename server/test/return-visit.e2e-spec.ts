import {
  Channel,
  ErrorCode,
  MetricsView,
  Page,
  RatingSource,
  RequestAction,
  RequestDetail,
  RequestStatus,
  ReturnVisitItem,
} from '@gezhi/shared';
import { DataSource, In } from 'typeorm';
import { Clock, ManualClock } from '../src/common/clock';
import { ReturnVisitConfig } from '../src/modules/return-visits/return-visit.config';
import { MetricsRecompute } from '../src/modules/metrics/metrics-recompute';
import { RatingEntity, RequestEntity, TimelineEventEntity } from '../src/modules/requests/request.entities';
import { RequestTransitionsService } from '../src/modules/requests/request-transitions.service';
import { ReturnVisitSweeper } from '../src/modules/return-visits/return-visit-sweeper';
import { fileRequest, requestBody } from './support/factories';
import { WEEKDAY_MORNING } from './support/instants';
import { ApiClient, bootTestApp, TestApp } from './support/test-app';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const PHONE = '13704719999';

/**
 * 回访: walk-in and phone items (nobody to rate them in the mini-program) are phoned back by staff after
 * RETURN_VISIT_AFTER_DAYS (3) and rated on the person's behalf, or closed unrated (未评价) by the sweeper after
 * RETURN_VISIT_UNRATED_CLOSE_DAYS (7). Real app and database, time through a ManualClock from a fixed instant.
 */
describe('回访 (return visits of unrated items)', () => {
  let t: TestApp;
  let clock: ManualClock;
  let sweeper: ReturnVisitSweeper;
  let dataSource: DataSource;
  let resident1: ApiClient;
  let leader1: ApiClient;
  let leader2: ApiClient;
  let street1: ApiClient;
  let roomId: number;

  beforeAll(async () => {
    clock = new ManualClock(WEEKDAY_MORNING);
    t = await bootTestApp({}, { clock });
    sweeper = t.app.get(ReturnVisitSweeper);
    dataSource = t.app.get(DataSource);
    [resident1, leader1, leader2, street1] = await Promise.all(['resident1', 'gridleader1', 'gridleader2', 'street1'].map((a) => t.loginAs(a)));
    roomId = resident1.me?.home?.roomId as number;
    // items the demo seed left waiting for a rating are closed now, so each test sees only its own
    clock.advance(60 * DAY);
    await sweeper.sweepOnce();
  });

  afterAll(() => t.close());

  const post = async (who: ApiClient, url: string, body?: object): Promise<RequestDetail> => {
    const response = await who.post(url, body);
    if (response.status !== 200) throw new Error(`POST ${url}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as RequestDetail;
  };

  /** A walk-in (来访) for someone without an account, accepted and resolved by grid 1's leader now. */
  async function resolvedWalkIn(channel: Channel = Channel.WalkIn): Promise<number> {
    const response = await leader1
      .post('/api/requests', requestBody({ roomId, channel, contactName: '赵建华', contactPhone: PHONE, description: '来访反映：楼道声控灯不亮，晚上上下楼看不清。' }))
      .expect(201);
    const id = (response.body as RequestDetail).id;
    await post(leader1, `/api/requests/${id}/accept`);
    await post(leader1, `/api/requests/${id}/resolve`, { note: '已更换声控灯。' });
    return id;
  }

  const waiting = async (who: ApiClient): Promise<Page<ReturnVisitItem>> => (await who.get('/api/staff/return-visits?pageSize=50').expect(200)).body;
  const waitingIds = async (who: ApiClient) => (await waiting(who)).items.map((i) => i.id);
  const month = () => `${clock.now().toISOString().slice(0, 7)}`;
  const metrics = async (who: ApiClient = street1) => ((await who.get(`/api/metrics?month=${month()}`).expect(200)).body as MetricsView).requests!;

  it('lists a walk-in only once it has waited 3 days, and staff record the ratings given on the phone → CLOSED as 电话回访', async () => {
    const id = await resolvedWalkIn();
    const before = await metrics();

    clock.advance(3 * DAY - HOUR);
    expect(await waitingIds(leader1)).not.toContain(id);
    const early = await leader1.post(`/api/requests/${id}/return-visit`, { speed: 5, effect: 5, attitude: 5 }).expect(409);
    expect(early.body.code).toBe(ErrorCode.ReturnVisitNotDue);

    clock.advance(HOUR);
    const list = await waiting(leader1);
    const item = list.items.find((i) => i.id === id);
    expect(item).toMatchObject({ channel: Channel.WalkIn, contactName: '赵**', contactPhoneMasked: '137****9999', hasPhone: true, unreachableAttempts: 0 });
    expect(JSON.stringify(list)).not.toContain(PHONE);
    expect(new Date(item!.closesAt).getTime() - new Date(item!.resolvedAt).getTime()).toBe(7 * DAY);
    // the number only at the moment of calling
    expect((await leader1.post(`/api/requests/${id}/return-visit/call`).expect(200)).body).toEqual({ phone: PHONE });

    const closed = await post(leader1, `/api/requests/${id}/return-visit`, { speed: 5, effect: 4, attitude: 5, comment: '灯修好了，谢谢' });
    expect(closed.status).toBe(RequestStatus.Closed);
    expect(closed.rating).toMatchObject({ speed: 5, effect: 4, attitude: 5, comment: '灯修好了，谢谢', source: RatingSource.ReturnVisit, recordedByName: '苏月' });
    const last = closed.timeline[closed.timeline.length - 1];
    expect(last).toMatchObject({ action: RequestAction.ReturnVisitRate, actorName: '苏月', actorRole: 'GRID_LEADER', toStatus: RequestStatus.Closed });
    expect(last.note).toContain('电话回访');
    expect(await waitingIds(leader1)).not.toContain(id);

    const stored = await dataSource.getRepository(RatingEntity).findOneByOrFail({ requestId: id });
    expect(stored).toMatchObject({ source: RatingSource.ReturnVisit, raterUserId: leader1.me?.id });

    // 数据: one more rating, as a return visit, not as a self rating
    const after = await metrics();
    expect(after.counts.rated - before.counts.rated).toBe(1);
    expect(after.ratingSources.returnVisit.rated - before.ratingSources.returnVisit.rated).toBe(1);
    expect(after.ratingSources.self.rated - before.ratingSources.self.rated).toBe(0);
    expect(after.ratingSources.returnVisit.satisfaction.numerator - before.ratingSources.returnVisit.satisfaction.numerator).toBe(1);
  });

  it('counts a resident’s own rating as self-rated, also after the return-visit period', async () => {
    const mine = await fileRequest(resident1, { description: '3号楼门口的垃圾桶满了，气味很大，请尽快清运。' });
    await post(leader1, `/api/requests/${mine.id}/accept`);
    await post(leader1, `/api/requests/${mine.id}/resolve`, { note: '已清运。' });
    clock.advance(4 * DAY);
    expect(await waitingIds(leader1)).toContain(mine.id);
    const before = await metrics();
    const rated = await post(resident1, `/api/requests/${mine.id}/rate`, { speed: 4, effect: 4, attitude: 4 });
    expect(rated.rating?.source).toBe(RatingSource.Self);
    expect(rated.timeline[rated.timeline.length - 1]).toMatchObject({ action: RequestAction.Rate, actorRole: 'RESIDENT' });
    const after = await metrics();
    expect(after.ratingSources.self.rated - before.ratingSources.self.rated).toBe(1);
    expect(after.ratingSources.returnVisit.rated - before.ratingSources.returnVisit.rated).toBe(0);
  });

  it('shows the resident who did not rate in time the 电话回访评价 on their own timeline, with the staff member who recorded it', async () => {
    const mine = await fileRequest(resident1, { description: '5号楼北侧路灯不亮，晚上出门不安全，请尽快修理。' });
    await post(leader1, `/api/requests/${mine.id}/accept`);
    await post(leader1, `/api/requests/${mine.id}/resolve`, { note: '已修复路灯。' });
    clock.advance(3 * DAY);
    await post(leader1, `/api/requests/${mine.id}/return-visit`, { speed: 5, effect: 5, attitude: 4 });
    const seen = (await resident1.get(`/api/requests/${mine.id}`).expect(200)).body as RequestDetail;
    expect(seen.status).toBe(RequestStatus.Closed);
    expect(seen.timeline[seen.timeline.length - 1]).toMatchObject({ action: RequestAction.ReturnVisitRate, actorName: '苏月', actorRole: 'GRID_LEADER' });
    expect(seen.rating).toMatchObject({ source: RatingSource.ReturnVisit, recordedByName: '苏月' });
    // already rated: the resident's own rating now is refused like any second rating
    await resident1.post(`/api/requests/${mine.id}/rate`, { speed: 5, effect: 5, attitude: 5 }).expect(409);
  });

  it('reopens the item (重办) when the person rates the effect 2 or lower on the phone, like a self rating', async () => {
    const id = await resolvedWalkIn(Channel.Phone);
    clock.advance(3 * DAY);
    const reopened = await post(leader1, `/api/requests/${id}/return-visit`, { speed: 3, effect: 2, attitude: 4 });
    expect(reopened.status).toBe(RequestStatus.InProgress);
    expect(reopened.reopenCount).toBe(1);
    expect(reopened.timeline.slice(-2).map((e) => e.action)).toEqual([RequestAction.ReturnVisitRate, RequestAction.Reopen]);
    expect(await waitingIds(leader1)).not.toContain(id);
  });

  it('records 联系不上 on the timeline, and closes an item nobody could be reached for as 未评价 after 7 days — unrated, never satisfied', async () => {
    const id = await resolvedWalkIn();
    clock.advance(3 * DAY);
    const attempt = await post(leader1, `/api/requests/${id}/return-visit/unreachable`, { note: '无人接听' });
    expect(attempt.status).toBe(RequestStatus.Resolved);
    expect(attempt.timeline[attempt.timeline.length - 1]).toMatchObject({ action: RequestAction.ReturnVisitUnreachable, actorName: '苏月', note: '电话回访未能联系上居民：无人接听' });
    expect((await waiting(leader1)).items.find((i) => i.id === id)?.unreachableAttempts).toBe(1);

    clock.advance(4 * DAY - HOUR);
    await sweeper.sweepOnce();
    expect((await leader1.get(`/api/requests/${id}`).expect(200)).body.status).toBe(RequestStatus.Resolved);

    const before = await metrics();
    clock.advance(HOUR);
    expect((await sweeper.sweepOnce()).closed).toBeGreaterThanOrEqual(1);
    const closed = (await leader1.get(`/api/requests/${id}`).expect(200)).body as RequestDetail;
    expect(closed.status).toBe(RequestStatus.Closed);
    expect(closed.rating).toBeNull();
    expect(closed.timeline[closed.timeline.length - 1]).toMatchObject({ action: RequestAction.CloseUnrated, actorRole: 'SYSTEM', actorName: '系统' });
    expect(await waitingIds(leader1)).not.toContain(id);

    const after = await metrics();
    expect(after.ratingSources.closedUnrated - before.ratingSources.closedUnrated).toBe(1);
    expect(after.counts.rated).toBe(before.counts.rated);
    expect(after.rates.satisfaction.numerator).toBe(before.rates.satisfaction.numerator);
    // a late return visit finds it closed
    await leader1.post(`/api/requests/${id}/return-visit`, { speed: 5, effect: 5, attitude: 5 }).expect(409);
  });

  it('refuses a return visit to the resident, to a grid leader of another grid, and outside the list of that grid', async () => {
    const id = await resolvedWalkIn();
    clock.advance(3 * DAY);
    const byResident = await resident1.post(`/api/requests/${id}/return-visit`, { speed: 5, effect: 5, attitude: 5 });
    expect(byResident.status).toBe(403);
    await resident1.get('/api/staff/return-visits').expect(403);
    const byOtherGrid = await leader2.post(`/api/requests/${id}/return-visit`, { speed: 5, effect: 5, attitude: 5 });
    expect([403, 404]).toContain(byOtherGrid.status);
    expect([403, 404]).toContain((await leader2.post(`/api/requests/${id}/return-visit/call`)).status);
    expect([403, 404]).toContain((await leader2.post(`/api/requests/${id}/return-visit/unreachable`, {})).status);
    expect(await waitingIds(leader2)).not.toContain(id);
    // scores are validated like a self rating
    await leader1.post(`/api/requests/${id}/return-visit`, { speed: 6, effect: 5, attitude: 5 }).expect(400);
    expect((await leader1.get(`/api/requests/${id}`).expect(200)).body.status).toBe(RequestStatus.Resolved);
  });

  it('closes each unrated item exactly once when two sweeps run at the same time (two instances)', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push(await resolvedWalkIn(i % 2 ? Channel.Phone : Channel.WalkIn));
    clock.advance(8 * DAY);
    const before = await metrics();
    // a second instance's sweeper on the same database (its own cycle, not sharing this one's)
    const other = new ReturnVisitSweeper(t.app.get(ReturnVisitConfig), dataSource, t.app.get(RequestTransitionsService), t.app.get(Clock));
    let a: { closed: number };
    let b: { closed: number };
    if (dataSource.options.type === 'better-sqlite3') {
      // one SQLite connection per process runs one transaction at a time: race them the way two processes would —
      // both read the same candidates (same versions) before either claims, then the claims alternate
      const now = clock.now();
      const [fromA, fromB] = await Promise.all([sweeper.candidates(now), other.candidates(now)]);
      expect(fromB.map((r) => r.id)).toEqual(fromA.map((r) => r.id));
      a = { closed: 0 };
      b = { closed: 0 };
      for (let i = 0; i < fromA.length; i++) {
        const order = i % 2 ? [[other, fromB[i], b], [sweeper, fromA[i], a]] as const : [[sweeper, fromA[i], a], [other, fromB[i], b]] as const;
        for (const [instance, candidate, tally] of order) tally.closed += (await instance.closeEach([candidate], now)).closed;
      }
    } else {
      [a, b] = await Promise.all([sweeper.sweepOnce(), other.sweepOnce()]);
    }
    const closedNow = await dataSource.getRepository(RequestEntity).findBy({ id: In(ids) });
    expect(closedNow.map((r) => r.status)).toEqual(ids.map(() => RequestStatus.Closed));
    const events = await dataSource.getRepository(TimelineEventEntity).findBy({ requestId: In(ids), action: RequestAction.CloseUnrated });
    expect(events.map((e) => e.requestId).sort()).toEqual([...ids].sort());
    expect(a.closed + b.closed).toBeGreaterThanOrEqual(ids.length);
    const after = await metrics();
    expect(after.ratingSources.closedUnrated - before.ratingSources.closedUnrated).toBe(a.closed + b.closed);
    expect((await sweeper.sweepOnce()).closed).toBe(0);
  });

  it('keeps the roll-ups equal to a full recomputation (ratings by source, 未评价 closes)', async () => {
    const report = await t.app.get(MetricsRecompute).verify();
    expect(report.differences).toEqual([]);
  });
});

