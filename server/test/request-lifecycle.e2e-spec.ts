import {
  ErrorCode,
  HandlingLevel,
  NotificationKind,
  Page,
  RequestAction,
  RequestCategory,
  RequestDetail,
  RequestStatus,
  RequestSummary,
  Role,
  Urgency,
} from '@gezhi/shared';
import { fileRequest, notificationsOf, uploadPhoto } from './support/factories';
import { ApiClient, bootTestApp, TestApp } from './support/test-app';

describe('the request loop: file → accept → progress → resolve → rate', () => {
  let t: TestApp;
  let resident1: ApiClient;
  let resident2: ApiClient;
  let resident3: ApiClient;
  let leader1: ApiClient;
  let leader2: ApiClient;
  let leader3: ApiClient;

  beforeAll(async () => {
    t = await bootTestApp();
    [resident1, resident2, resident3, leader1, leader2, leader3] = await Promise.all(
      ['resident1', 'resident2', 'resident3', 'gridleader1', 'gridleader2', 'gridleader3'].map((a) => t.loginAs(a)),
    );
  });

  afterAll(() => t.close());

  it('closes the loop, reopening once on a poor effect score', async () => {
    // the resident files with two photos; it goes at once to the grid leader of their grid
    const photos = [await uploadPhoto(resident1), await uploadPhoto(resident1, [10, 200, 10])];
    const filed = await fileRequest(resident1, { photoIds: photos, urgency: Urgency.Urgent });
    expect(filed).toMatchObject({
      serial: `GZ${String(filed.id).padStart(8, '0')}`,
      status: RequestStatus.PendingAccept,
      level: HandlingLevel.Grid,
      channel: 'MINI_PROGRAM',
      gridName: '第一网格',
      holderName: '苏月',
      reporterName: '张芬',
      address: '团结街道 明日星城社区 1号楼 2单元 301',
      contactPhoneMasked: null,
      availableActions: [RequestAction.Cancel],
      reopenCount: 0,
      rating: null,
    });
    expect(filed.photos.map((p) => p.url.split('?')[0])).toEqual(photos.map((id) => `/files/${id}`));
    expect(filed.photos.every((p) => /\?exp=[0-9]+&sig=[A-Za-z0-9_-]+$/.test(p.url))).toBe(true);
    expect(filed.thumbnail?.id).toBe(photos[0]);
    expect(filed.timeline).toEqual([
      expect.objectContaining({ action: RequestAction.Submit, fromStatus: null, toStatus: RequestStatus.PendingAccept, actorName: '张芬', actorRole: Role.Resident }),
    ]);

    // it is in grid 1's inbox (name masked), not in grid 2's; grid 1's leader is notified
    const inbox1 = (await leader1.get('/api/staff/inbox?status=PENDING_ACCEPT').expect(200)).body as Page<RequestSummary>;
    expect(inbox1.items.find((i) => i.id === filed.id)).toMatchObject({ reporterName: '张*', gridName: '第一网格' });
    const inbox2 = (await leader2.get('/api/staff/inbox').expect(200)).body as Page<RequestSummary>;
    expect(inbox2.items.map((i) => i.id)).not.toContain(filed.id);
    const routed = (await notificationsOf(leader1)).find((n) => n.requestId === filed.id);
    expect(routed).toMatchObject({ kind: NotificationKind.RequestRouted, title: '新诉求待签收', read: false });
    expect((await leader1.post(`/api/notifications/${routed?.id}/read`).expect(200)).body.read).toBe(true);

    // the leader sees the masked reporter and the available holder actions
    const seenByLeader = (await leader1.get(`/api/requests/${filed.id}`).expect(200)).body as RequestDetail;
    expect(seenByLeader).toMatchObject({ reporterName: '张*', contactPhoneMasked: '136****1234' });
    expect(seenByLeader.availableActions).toEqual([RequestAction.Accept, RequestAction.Reject, RequestAction.Escalate]);

    // accept, progress with a photo, resolve with evidence
    const accepted = (await leader1.post(`/api/requests/${filed.id}/accept`).expect(200)).body as RequestDetail;
    expect(accepted.status).toBe(RequestStatus.InProgress);
    expect(accepted.availableActions).toEqual([RequestAction.AddProgress, RequestAction.Resolve, RequestAction.Reject, RequestAction.Escalate]);
    const sitePhoto = await uploadPhoto(leader1);
    const progressed = (await leader1
      .post(`/api/requests/${filed.id}/progress`, { note: '已联系楼上住户，约好明天上门查看防水层。', photoIds: [sitePhoto] })
      .expect(200)).body as RequestDetail;
    expect(progressed.status).toBe(RequestStatus.InProgress);
    expect(progressed.timeline.at(-1)).toMatchObject({ action: RequestAction.AddProgress, actorName: '苏月', photos: [{ id: sitePhoto }] });
    const evidence = await uploadPhoto(leader1);
    await leader1.post(`/api/requests/${filed.id}/resolve`, { note: '楼上防水层已重做，吊顶已修复。', photoIds: [evidence] }).expect(200);

    // the resident follows the timeline and was notified at each step
    const seenByResident = (await resident1.get(`/api/requests/${filed.id}`).expect(200)).body as RequestDetail;
    expect(seenByResident.status).toBe(RequestStatus.Resolved);
    expect(seenByResident.timeline.map((e) => e.action)).toEqual([
      RequestAction.Submit,
      RequestAction.Accept,
      RequestAction.AddProgress,
      RequestAction.Resolve,
    ]);
    expect(seenByResident.timeline[3]).toMatchObject({ note: '楼上防水层已重做，吊顶已修复。', photos: [{ id: evidence }] });
    await resident1.get(seenByResident.timeline[3].photos[0].url).expect(200);
    expect(seenByResident.availableActions).toEqual([RequestAction.Rate]);
    const residentKinds = (await notificationsOf(resident1)).filter((n) => n.requestId === filed.id).map((n) => n.kind);
    expect(residentKinds).toEqual([NotificationKind.RequestResolved, NotificationKind.RequestProgress, NotificationKind.RequestAccepted]);
    expect((await resident1.get('/api/notifications/unread-count').expect(200)).body.unread).toBeGreaterThanOrEqual(3);

    // a poor effect score sends it back to the same holder
    const reopened = (await resident1.post(`/api/requests/${filed.id}/rate`, { speed: 4, effect: 2, attitude: 4, comment: '还在渗水' }).expect(200))
      .body as RequestDetail;
    expect(reopened).toMatchObject({ status: RequestStatus.InProgress, reopenCount: 1, holderName: '苏月' });
    expect(reopened.timeline.slice(-2)).toEqual([
      expect.objectContaining({ action: RequestAction.Rate, actorRole: Role.Resident }),
      expect.objectContaining({ action: RequestAction.Reopen, actorRole: 'SYSTEM', actorName: '系统', toStatus: RequestStatus.InProgress }),
    ]);
    expect((await notificationsOf(leader1)).find((n) => n.requestId === filed.id)?.kind).toBe(NotificationKind.RequestReopened);

    // resolved again, rated well: closed with the rating
    await leader1.post(`/api/requests/${filed.id}/resolve`, { note: '重新做了闭水试验，已不再渗水。' }).expect(200);
    const closed = (await resident1.post(`/api/requests/${filed.id}/rate`, { speed: 5, effect: 5, attitude: 5, comment: '谢谢网格员' }).expect(200))
      .body as RequestDetail;
    expect(closed).toMatchObject({
      status: RequestStatus.Closed,
      reopenCount: 1,
      availableActions: [],
      rating: { speed: 5, effect: 5, attitude: 5, comment: '谢谢网格员' },
    });

    // final: no more rating, no accepting
    expect((await resident1.post(`/api/requests/${filed.id}/rate`, { speed: 5, effect: 5, attitude: 5 }).expect(409)).body.code).toBe(
      ErrorCode.IllegalTransition,
    );
    expect((await leader1.post(`/api/requests/${filed.id}/accept`).expect(409)).body.code).toBe(ErrorCode.IllegalTransition);

    const mine = (await resident1.get('/api/requests/mine').expect(200)).body as Page<RequestSummary>;
    expect(mine.items[0]).toMatchObject({ id: filed.id, status: RequestStatus.Closed, reporterName: '张芬' });
  });

  it('shows the resident the reason when the grid leader rejects', async () => {
    const filed = await fileRequest(resident2, { category: RequestCategory.Dispute, subcategory: 'NOISE', description: '楼下托管班每天晚上很吵，影响休息。' });
    const tooShort = await leader2.post(`/api/requests/${filed.id}/reject`, { reason: '否' }).expect(400);
    expect(tooShort.body.errors).toEqual({ reason: 'TOO_SHORT' });
    const reason = '经核实该托管班已停业整顿，如仍有扰民请再次反映。';
    await leader2.post(`/api/requests/${filed.id}/reject`, { reason }).expect(200);

    const seen = (await resident2.get(`/api/requests/${filed.id}`).expect(200)).body as RequestDetail;
    expect(seen.status).toBe(RequestStatus.Rejected);
    expect(seen.timeline.at(-1)).toMatchObject({ action: RequestAction.Reject, note: reason, actorName: '王海燕' });
    const notice = (await notificationsOf(resident2)).find((n) => n.requestId === filed.id);
    expect(notice).toMatchObject({ kind: NotificationKind.RequestRejected });
    expect(notice?.body).toContain(reason);
  });

  it('lets the resident withdraw before acceptance, and not after', async () => {
    const pending = await fileRequest(resident3, { category: RequestCategory.Environment, subcategory: 'PARKING', description: '巷道里车辆乱停，消防车进不来。' });
    const cancelled = (await resident3.post(`/api/requests/${pending.id}/cancel`).expect(200)).body as RequestDetail;
    expect(cancelled).toMatchObject({ status: RequestStatus.Cancelled, availableActions: [] });
    expect((await leader3.post(`/api/requests/${pending.id}/accept`).expect(409)).body.code).toBe(ErrorCode.IllegalTransition);

    const accepted = await fileRequest(resident3);
    await leader3.post(`/api/requests/${accepted.id}/accept`).expect(200);
    expect((await resident3.post(`/api/requests/${accepted.id}/cancel`).expect(409)).body.code).toBe(ErrorCode.IllegalTransition);
  });

  it('lets exactly one of two simultaneous accepts win; the other gets 409', async () => {
    const filed = await fileRequest(resident1);
    const responses = await Promise.all([leader1.post(`/api/requests/${filed.id}/accept`), leader1.post(`/api/requests/${filed.id}/accept`)]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = responses.find((r) => r.status === 409);
    expect([ErrorCode.ConcurrentModification, ErrorCode.IllegalTransition]).toContain(loser?.body.code);
    const detail = (await leader1.get(`/api/requests/${filed.id}`).expect(200)).body as RequestDetail;
    expect(detail.timeline.filter((e) => e.action === RequestAction.Accept)).toHaveLength(1);
    expect(detail.version).toBe(2);
  });

  it('loses no update when many progress notes arrive at once: each either lands or gets 409 CONCURRENT_MODIFICATION', async () => {
    const filed = await fileRequest(resident1);
    await leader1.post(`/api/requests/${filed.id}/accept`).expect(200);
    const notes = Array.from({ length: 8 }, (_, i) => `第${i + 1}次进展：已安排维修师傅。`);
    const responses = await Promise.all(notes.map((note) => leader1.post(`/api/requests/${filed.id}/progress`, { note })));
    const landed = responses.filter((r) => r.status === 200).length;
    const refused = responses.filter((r) => r.status === 409);
    expect(landed).toBeGreaterThanOrEqual(1);
    expect(landed + refused.length).toBe(notes.length);
    for (const response of refused) expect(response.body.code).toBe(ErrorCode.ConcurrentModification);

    const detail = (await leader1.get(`/api/requests/${filed.id}`).expect(200)).body as RequestDetail;
    expect(detail.timeline.filter((e) => e.action === RequestAction.AddProgress)).toHaveLength(landed);
    expect(detail.version).toBe(2 + landed);
  });
});
