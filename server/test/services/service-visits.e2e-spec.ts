import {
  BookingStatus,
  BookingView,
  CoordinatorOption,
  CreateServiceBody,
  CustodyStep,
  EligibilityMode,
  ErrorCode,
  NotificationKind,
  NotificationView,
  ProviderKind,
  ProviderVisitView,
  RecurrenceKind,
  RecurrenceRuleView,
  ServiceKind,
  ServiceOfferingView,
  SlotView,
  VisitAction,
} from '@gezhi/shared';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import { WEEKDAY_MORNING } from '../support/instants';
import { ServiceRecurrenceEntity, ServiceSlotEntity } from '../../src/modules/services/service.entities';
import { ServiceSlotsService } from '../../src/modules/services/service-slots.service';
import { User } from '../../src/modules/users/user.entity';
import { createResidents, notificationsOf, serviceBody, uploadPhoto } from '../support/factories';
import { ApiClient, bootTestApp, TestApp } from '../support/test-app';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const localDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * HOUR_MS).toISOString().slice(0, 10);

const visitServiceBody = (overrides: Partial<CreateServiceBody> = {}): CreateServiceBody =>
  serviceBody({ name: '上门测血压', description: '网格员上门测血压', provider: { kind: ProviderKind.GridStaff, name: '网格员' }, ...overrides });

/**
 * Issue 4, the parts around the visit: booking and visit detail, completion photos, coordinators of volunteer and
 * partner services, booking notifications, slot maintenance, and slots that are materialised ahead of reads.
 */
describe('service visits (issue 4)', () => {
  let testApp: TestApp;
  const clock = new ManualClock(WEEKDAY_MORNING);
  let officer: ApiClient;
  let resident1: ApiClient;
  let resident2: ApiClient;
  let leader1: ApiClient;
  let leader2: ApiClient;

  beforeAll(async () => {
    testApp = await bootTestApp({}, { clock });
    [officer, resident1, resident2, leader1, leader2] = await Promise.all(
      ['community1', 'resident1', 'resident2', 'gridleader1', 'gridleader2'].map((a) => testApp.loginAs(a)),
    );
  });

  afterAll(async () => {
    await testApp.close();
  });

  // arriving and completing wait for the slot's local day (issue 9): tests that do move the clock there
  afterEach(() => clock.set(WEEKDAY_MORNING));
  const onSlotDay = (slot: { startsAt: string }) => clock.set(new Date(slot.startsAt));

  const idOf = (client: ApiClient) => client.me?.id as number;

  async function createService(overrides: Partial<CreateServiceBody> = {}): Promise<ServiceOfferingView> {
    const response = await officer.post('/api/services', visitServiceBody(overrides));
    if (response.status !== 201) throw new Error(`service creation failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as ServiceOfferingView;
  }

  async function createSlot(serviceId: number, capacity: number, startsInMs = 3 * DAY_MS): Promise<SlotView> {
    const startsAt = new Date(clock.now().getTime() + startsInMs).toISOString();
    return (await officer.post(`/api/services/${serviceId}/slots`, { startsAt, capacity }).expect(201)).body as SlotView;
  }

  async function book(client: ApiClient, slotId: number, note?: string): Promise<BookingView> {
    const response = await client.post('/api/bookings', note ? { slotId, note } : { slotId });
    if (response.status !== 201) throw new Error(`booking failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as BookingView;
  }

  async function slotsOf(client: ApiClient, serviceId: number, fromMs: number, toMs: number): Promise<SlotView[]> {
    const now = clock.now().getTime();
    const query = `from=${encodeURIComponent(new Date(now + fromMs).toISOString())}&to=${encodeURIComponent(new Date(now + toMs).toISOString())}`;
    return (await client.get(`/api/services/${serviceId}/slots?${query}`).expect(200)).body as SlotView[];
  }

  async function newNotices(client: ApiClient, before: NotificationView[]): Promise<NotificationView[]> {
    const seen = new Set(before.map((n) => n.id));
    return (await notificationsOf(client)).filter((n) => !seen.has(n.id));
  }

  describe('booking and visit detail', () => {
    it('shows a resident their own booking and the provider their own visit, nobody else', async () => {
      const service = await createService();
      const slot = await createSlot(service.id, 3);
      const booking = await book(resident1, slot.id, '请敲门');
      const detail = (await resident1.get(`/api/bookings/${booking.id}`).expect(200)).body as BookingView;
      expect(detail).toMatchObject({ id: booking.id, status: BookingStatus.Booked, note: '请敲门', completionPhotos: [], rating: null, canCancel: true });
      expect(detail.slot).toEqual(booking.slot);
      expect((await resident2.get(`/api/bookings/${booking.id}`).expect(404)).body.code).toBe(ErrorCode.NotFound);
      expect((await resident1.get('/api/bookings/99999999').expect(404)).body.code).toBe(ErrorCode.NotFound);
      expect((await leader1.get(`/api/bookings/${booking.id}`).expect(403)).body.code).toBe(ErrorCode.Forbidden);
      expect((await resident1.get('/api/bookings/abc').expect(400)).body.code).toBe(ErrorCode.ValidationFailed);

      const visit = (await leader1.get(`/api/provider/visits/${booking.id}`).expect(200)).body as ProviderVisitView;
      expect(visit).toMatchObject({
        bookingId: booking.id,
        status: BookingStatus.Booked,
        residentName: '张*',
        note: '请敲门',
        address: '团结街道 明日星城社区 1号楼 2单元 301',
        completionPhotos: [],
        rating: null,
      });
      expect((await leader2.get(`/api/provider/visits/${booking.id}`).expect(404)).body.code).toBe(ErrorCode.NotFound);
      expect((await officer.get(`/api/provider/visits/${booking.id}`).expect(404)).body.code).toBe(ErrorCode.NotFound);
      expect((await resident1.get(`/api/provider/visits/${booking.id}`).expect(403)).body.code).toBe(ErrorCode.NotStaff);
    });
  });

  describe('completing with photos', () => {
    it("stores the provider's own photos; the resident sees them and the provider sees the rating", async () => {
      const service = await createService({ name: '上门换灯泡' });
      const slot = await createSlot(service.id, 2);
      const booking = await book(resident1, slot.id);
      const [before, after] = [await uploadPhoto(leader1, [200, 40, 40]), await uploadPhoto(leader1, [40, 200, 40])];
      const residentsPhoto = await uploadPhoto(resident1);
      const url = `/api/provider/visits/${booking.id}/complete`;
      onSlotDay(slot);

      // refusals first: nothing is stored by them
      expect((await leader1.post(url, { note: '已更换', photoIds: [residentsPhoto] }).expect(404)).body.code).toBe(ErrorCode.PhotoNotFound);
      expect((await leader1.post(url, { note: '已更换', photoIds: ['00000000-0000-4000-8000-000000000000'] }).expect(404)).body.code).toBe(ErrorCode.PhotoNotFound);
      expect((await leader1.post(url, { note: '已更换', photoIds: Array.from({ length: 10 }, (_, i) => `p${i}`) }).expect(400)).body.errors).toEqual({ photoIds: 'TOO_MANY' });
      expect((await leader1.post(url, { note: '已更换', photoIds: [1] }).expect(400)).body.errors).toEqual({ photoIds: 'INVALID_FORMAT' });
      expect((await leader1.post(url, { note: '已更换', photoIds: [before, before] }).expect(400)).body.errors).toEqual({ photoIds: 'INVALID_FORMAT' });
      expect((await resident1.get(`/api/bookings/${booking.id}`).expect(200)).body.status).toBe(BookingStatus.Booked);

      const completed = (await leader1.post(url, { note: '已更换客厅灯泡', photoIds: [before, after] }).expect(200)).body as ProviderVisitView;
      expect(completed).toMatchObject({ status: BookingStatus.Completed, providerNote: '已更换客厅灯泡', rating: null });
      expect(completed.completionPhotos.map((p) => p.id)).toEqual([before, after]);
      expect(completed.completionPhotos[0].url.startsWith(`/files/${before}?exp=`)).toBe(true);

      const seen = (await resident1.get(`/api/bookings/${booking.id}`).expect(200)).body as BookingView;
      expect(seen.completionPhotos.map((p) => p.id)).toEqual([before, after]);
      const listed = ((await resident1.get('/api/bookings/mine').expect(200)).body.items as BookingView[]).find((b) => b.id === booking.id);
      expect(listed?.completionPhotos.map((p) => p.id)).toEqual([before, after]);
      // the resident gets the provider's photo at the signed URL of their booking; the bare id opens nothing
      await resident1.get(seen.completionPhotos[1].url).expect(200);
      await resident1.get(`/files/${after}`).expect(403);

      await resident1.post(`/api/bookings/${booking.id}/rate`, { speed: 5, effect: 4, attitude: 5, comment: '很细心' }).expect(200);
      const rated = (await leader1.get(`/api/provider/visits/${booking.id}`).expect(200)).body as ProviderVisitView;
      expect(rated.rating).toMatchObject({ speed: 5, effect: 4, attitude: 5, comment: '很细心' });
      expect(rated.completionPhotos.map((p) => p.id)).toEqual([before, after]);
    });

    it('completes without photos as before', async () => {
      const service = await createService({ name: '上门量体温' });
      const slot = await createSlot(service.id, 2);
      const booking = await book(resident1, slot.id);
      onSlotDay(slot);
      const completed = (await leader1.post(`/api/provider/visits/${booking.id}/complete`, { note: '体温正常' }).expect(200)).body as ProviderVisitView;
      expect(completed.completionPhotos).toEqual([]);
    });
  });

  describe('coordinators of volunteer and partner services', () => {
    it('lists the community officers and grid leaders of the community to its officer only', async () => {
      const options = (await officer.get('/api/services/coordinators').expect(200)).body as CoordinatorOption[];
      expect(options[0]).toEqual({ id: idOf(leader1), name: '苏月', label: '网格长 · 第一网格' });
      expect(options.find((o) => o.id === idOf(leader2))?.label).toBe('网格长 · 第二网格');
      expect(options.find((o) => o.id === idOf(officer))).toEqual({ id: idOf(officer), name: '陈立华', label: '社区工作人员' });
      expect(options).toHaveLength(8); // seven grid leaders and one community officer
      expect((await leader1.get('/api/services/coordinators').expect(403)).body.code).toBe(ErrorCode.Forbidden);
      expect((await resident1.get('/api/services/coordinators').expect(403)).body.code).toBe(ErrorCode.Forbidden);
    });

    it('accepts only a grid leader or community officer of the community, and only for volunteers and partners', async () => {
      const dataSource = testApp.app.get(DataSource);
      const elsewhere = await dataSource.getRepository(User).findOneByOrFail({ realName: '黄燕' }); // grid leader in 东篱社区
      const street = await dataSource.getRepository(User).findOneByOrFail({ account: 'street1' });
      const volunteers = (coordinatorUserId: number | null) => visitServiceBody({ provider: { kind: ProviderKind.VolunteerTeam, name: '志愿服务队', coordinatorUserId } });
      for (const id of [idOf(resident1), elsewhere.id, street.id, 99999999]) {
        expect((await officer.post('/api/services', volunteers(id)).expect(400)).body.errors).toEqual({ 'provider.coordinatorUserId': 'UNKNOWN_COORDINATOR' });
      }
      const gridStaff = visitServiceBody({ provider: { kind: ProviderKind.GridStaff, name: '网格员', coordinatorUserId: idOf(leader1) } });
      expect((await officer.post('/api/services', gridStaff).expect(400)).body.errors).toEqual({ 'provider.coordinatorUserId': 'UNKNOWN_FIELD' });
      expect((await officer.post('/api/services', volunteers(0)).expect(400)).body.errors).toEqual({ 'provider.coordinatorUserId': 'OUT_OF_RANGE' });

      const created = (await officer.post('/api/services', volunteers(idOf(leader2))).expect(201)).body as ServiceOfferingView;
      expect(created).toMatchObject({ provider: { kind: ProviderKind.VolunteerTeam, coordinatorUserId: idOf(leader2) }, coordinatorName: '王海燕' });
      expect((await resident1.get(`/api/services/${created.id}`).expect(200)).body.coordinatorName).toBe('王海燕');
      const partner = (await officer.put(`/api/services/${created.id}`, { version: 1, provider: { kind: ProviderKind.PartnerOrg, name: '社区卫生服务站', coordinatorUserId: idOf(officer) } }).expect(200)).body;
      expect(partner).toMatchObject({ provider: { kind: ProviderKind.PartnerOrg, coordinatorUserId: idOf(officer) }, coordinatorName: '陈立华', version: 2 });
      // the provider is replaced as a whole: without a coordinator there is none
      const cleared = (await officer.put(`/api/services/${created.id}`, { version: 2, provider: { kind: ProviderKind.PartnerOrg, name: '社区卫生服务站' } }).expect(200)).body;
      expect(cleared).toMatchObject({ provider: { coordinatorUserId: null }, coordinatorName: null });
      // other changes keep it
      await officer.put(`/api/services/${created.id}`, { version: 3, provider: { kind: ProviderKind.PartnerOrg, name: '社区卫生服务站', coordinatorUserId: idOf(leader1) } }).expect(200);
      expect((await officer.put(`/api/services/${created.id}`, { version: 4, description: '改为每月一次' }).expect(200)).body.coordinatorName).toBe('苏月');
    });

    it("puts a volunteer visit on the coordinator's plan whatever grid the resident lives in, and only there", async () => {
      const service = await createService({ name: '志愿者上门修家电', provider: { kind: ProviderKind.VolunteerTeam, name: '志愿服务队', coordinatorUserId: idOf(leader1) } });
      const slot = await createSlot(service.id, 3, 4 * DAY_MS);
      const booking = await book(resident2, slot.id); // resident2 lives in 第二网格
      const day = localDay(slot.startsAt);
      const plan1 = (await leader1.get(`/api/provider/visits?day=${day}`).expect(200)).body as ProviderVisitView[];
      expect(plan1.find((v) => v.bookingId === booking.id)).toMatchObject({ residentName: '宋**', service: { name: '志愿者上门修家电' } });
      const plan2 = (await leader2.get(`/api/provider/visits?day=${day}`).expect(200)).body as ProviderVisitView[];
      expect(plan2.map((v) => v.bookingId)).not.toContain(booking.id);
      expect((await leader2.post(`/api/provider/visits/${booking.id}/confirm`).expect(404)).body.code).toBe(ErrorCode.NotFound);
      expect((await leader1.post(`/api/provider/visits/${booking.id}/confirm`).expect(200)).body.status).toBe(BookingStatus.Confirmed);
    });

    it('lets a community officer who coordinates a partner service work its visits', async () => {
      const service = await createService({
        name: '合作机构上门护理',
        provider: { kind: ProviderKind.PartnerOrg, name: '社区卫生服务站', coordinatorUserId: idOf(officer) },
      });
      const slot = await createSlot(service.id, 3, 2 * DAY_MS);
      const booking = await book(resident1, slot.id);
      const plan = (await officer.get(`/api/provider/visits?day=${localDay(slot.startsAt)}&days=2`).expect(200)).body as ProviderVisitView[];
      expect(plan.map((v) => v.bookingId)).toEqual([booking.id]);
      expect((await leader1.get(`/api/provider/visits/${booking.id}`).expect(404)).body.code).toBe(ErrorCode.NotFound);
      onSlotDay(slot);
      await officer.post(`/api/provider/visits/${booking.id}/arrive`).expect(200);
      const done = (await officer.post(`/api/provider/visits/${booking.id}/complete`, { note: '已完成护理' }).expect(200)).body as ProviderVisitView;
      expect(done.status).toBe(BookingStatus.Completed);
    });

    it('demo: 苏月 coordinates the 三九便民日 haircut, so a 9th-of-month booking is hers to serve; the resident rates it', async () => {
      const services = (await resident1.get('/api/services').expect(200)).body as ServiceOfferingView[];
      const haircut = services.find((s) => s.name === '三九便民日·理发') as ServiceOfferingView;
      expect(haircut).toMatchObject({ provider: { kind: ProviderKind.VolunteerTeam, coordinatorUserId: idOf(leader1) }, coordinatorName: '苏月' });
      for (const name of ['三九便民日·义诊', '三九便民日·磨刀', '三九便民日·洗凉席', '上门理发']) {
        expect(services.find((s) => s.name === name)?.coordinatorName).toBe('苏月');
      }
      const ninth = (await slotsOf(resident2, haircut.id, 0, 62 * DAY_MS)).find((s) => localDay(s.startsAt).endsWith('-09')) as SlotView;
      expect(ninth).toBeDefined();
      const booking = await book(resident2, ninth.id);
      const plan = (await leader1.get(`/api/provider/visits?day=${localDay(ninth.startsAt)}`).expect(200)).body as ProviderVisitView[];
      expect(plan.find((v) => v.bookingId === booking.id)).toMatchObject({ service: { name: '三九便民日·理发' }, status: BookingStatus.Booked });
      onSlotDay(ninth);
      await leader1.post(`/api/provider/visits/${booking.id}/complete`, { note: '理发完成' }).expect(200);
      const rated = (await resident2.post(`/api/bookings/${booking.id}/rate`, { speed: 5, effect: 5, attitude: 5 }).expect(200)).body as BookingView;
      expect(rated).toMatchObject({ status: BookingStatus.Completed, rating: { speed: 5, effect: 5, attitude: 5 } });
    });
  });

  describe('notifications', () => {
    it('tells the resident and the grid leader about a booking, each step of the visit and a cancellation', async () => {
      const service = await createService({ name: '上门修水龙头' });
      const slot = await createSlot(service.id, 3, 3 * DAY_MS);
      const [residentBefore, leaderBefore] = await Promise.all([notificationsOf(resident1), notificationsOf(leader1)]);
      const booking = await book(resident1, slot.id);

      const toResident = await newNotices(resident1, residentBefore);
      expect(toResident).toHaveLength(1);
      expect(toResident[0]).toMatchObject({ kind: NotificationKind.BookingConfirmed, title: '预约成功', bookingId: booking.id, requestId: null, read: false });
      expect(toResident[0].body).toContain('上门修水龙头');
      const toLeader = await newNotices(leader1, leaderBefore);
      expect(toLeader).toHaveLength(1);
      expect(toLeader[0]).toMatchObject({ kind: NotificationKind.VisitBooked, title: '有新的服务预约', bookingId: booking.id });
      expect(toLeader[0].body).toContain('张*');
      expect((await notificationsOf(leader2)).some((n) => n.bookingId === booking.id)).toBe(false);

      const steps: [string, VisitAction, string][] = [
        ['confirm', VisitAction.Confirm, '服务人员已确认您的预约'],
        ['arrive', VisitAction.Arrive, '服务人员已到达'],
        ['complete', VisitAction.Complete, '服务已完成，请评价'],
      ];
      onSlotDay({ startsAt: new Date(new Date(slot.startsAt).getTime() - HOUR_MS).toISOString() }); // early on the day
      for (const [path, , title] of steps) {
        const before = await notificationsOf(resident1);
        await leader1.post(`/api/provider/visits/${booking.id}/${path}`, path === 'complete' ? { note: '已换新阀芯' } : undefined).expect(200);
        const added = await newNotices(resident1, before);
        expect(added.map((n) => [n.kind, n.title, n.bookingId])).toEqual([[NotificationKind.BookingUpdated, title, booking.id]]);
        if (path === 'complete') expect(added[0].body).toContain('已换新阀芯');
      }

      const second = await book(resident1, (await createSlot(service.id, 3, 4 * DAY_MS)).id);
      const beforeCancel = await notificationsOf(leader1);
      await resident1.post(`/api/bookings/${second.id}/cancel`).expect(200);
      const cancelled = await newNotices(leader1, beforeCancel);
      expect(cancelled.map((n) => [n.kind, n.title, n.bookingId])).toEqual([[NotificationKind.VisitCancelled, '居民取消了预约', second.id]]);

      const third = await book(resident1, (await createSlot(service.id, 3, 2 * HOUR_MS + 60_000)).id);
      clock.advance(3 * HOUR_MS);
      try {
        const before = await notificationsOf(resident1);
        await leader1.post(`/api/provider/visits/${third.id}/no-show`).expect(200);
        expect((await newNotices(resident1, before)).map((n) => [n.kind, n.title])).toEqual([[NotificationKind.BookingUpdated, '您的预约被标记为未到场']]);
      } finally {
        clock.set(new Date(clock.now().getTime() - 3 * HOUR_MS));
      }
    });

    it('tells the resident each custody step of a proxy errand', async () => {
      const service = await createService({ name: '社保卡代办', kind: ServiceKind.Proxy, requiredDocuments: ['身份证'] });
      const booking = await book(resident1, (await createSlot(service.id, 2)).id);
      const before = await notificationsOf(resident1);
      const url = `/api/provider/visits/${booking.id}/custody`;
      await leader1.post(url, { step: CustodyStep.DocumentsReceived, documents: ['身份证'] }).expect(200);
      await leader1.post(url, { step: CustodyStep.Submitted, office: '区社保中心' }).expect(200);
      await leader1.post(url, { step: CustodyStep.Returned, documents: ['身份证', '新社保卡'] }).expect(200);
      const added = (await newNotices(resident1, before)).reverse();
      expect(added.map((n) => [n.kind, n.title, n.bookingId])).toEqual([
        [NotificationKind.BookingUpdated, '代办材料已收取', booking.id],
        [NotificationKind.BookingUpdated, '代办材料已递交办理', booking.id],
        [NotificationKind.BookingUpdated, '代办材料已归还', booking.id],
      ]);
      expect(added[1].body).toContain('区社保中心');
      expect(added[2].body).toContain('新社保卡');
    });

    it('notifies the coordinator of a volunteer service, and no provider when the service has none', async () => {
      const coordinated = await createService({ name: '志愿者陪诊', provider: { kind: ProviderKind.VolunteerTeam, name: '志愿服务队', coordinatorUserId: idOf(leader2) } });
      const orphan = await createService({ name: '志愿者读报', provider: { kind: ProviderKind.VolunteerTeam, name: '志愿服务队' } });
      const [leader1Before, leader2Before] = await Promise.all([notificationsOf(leader1), notificationsOf(leader2)]);
      const a = await book(resident1, (await createSlot(coordinated.id, 2)).id);
      const b = await book(resident1, (await createSlot(orphan.id, 2)).id);
      expect((await newNotices(leader2, leader2Before)).map((n) => [n.kind, n.bookingId])).toEqual([[NotificationKind.VisitBooked, a.id]]);
      expect((await newNotices(leader1, leader1Before)).filter((n) => n.bookingId === a.id || n.bookingId === b.id)).toEqual([]);
    });
  });

  describe('slot maintenance', () => {
    it("lists a service's recurring rules to its community officer", async () => {
      const service = await createService({ name: '周末错时办证', kind: ServiceKind.OffHours });
      const body = { kind: RecurrenceKind.Weekly, weekdays: [6, 7], startTime: '09:00', endTime: '11:00', capacity: 6, skipHolidays: true };
      const created = (await officer.post(`/api/services/${service.id}/recurrences`, body).expect(201)).body as RecurrenceRuleView;
      const rules = (await officer.get(`/api/services/${service.id}/recurrences`).expect(200)).body as RecurrenceRuleView[];
      expect(rules).toEqual([created]);
      expect(rules[0]).toMatchObject({ serviceId: service.id, weekdays: [6, 7], monthDays: [], capacity: 6, skipHolidays: true, validUntil: null });
      expect((await leader1.get(`/api/services/${service.id}/recurrences`).expect(403)).body.code).toBe(ErrorCode.Forbidden);
      expect((await resident1.get(`/api/services/${service.id}/recurrences`).expect(403)).body.code).toBe(ErrorCode.Forbidden);
      expect((await officer.get('/api/services/99999999/recurrences').expect(404)).body.code).toBe(ErrorCode.NotFound);
    });

    it('changes a capacity, never below the places booked', async () => {
      const service = await createService({ name: '预约义剪', kind: ServiceKind.Appointment });
      const slot = await createSlot(service.id, 5);
      await book(resident1, slot.id);
      await book(resident2, slot.id);
      const url = `/api/services/${service.id}/slots/${slot.id}`;
      expect((await officer.put(url, { capacity: 1 }).expect(409)).body).toMatchObject({ code: ErrorCode.CapacityBelowBooked, message: '名额不能少于已预约人数' });
      expect((await officer.put(url, { capacity: 2 }).expect(200)).body).toMatchObject({ id: slot.id, capacity: 2, booked: 2, free: 0 });
      expect((await officer.put(url, { capacity: 8 }).expect(200)).body).toMatchObject({ capacity: 8, booked: 2, free: 6 });
      expect((await officer.put(url, { capacity: 0 }).expect(400)).body.errors).toEqual({ capacity: 'OUT_OF_RANGE' });
      expect((await officer.put(url, {}).expect(400)).body.errors).toEqual({ capacity: 'REQUIRED' });
      expect((await leader1.put(url, { capacity: 9 }).expect(403)).body.code).toBe(ErrorCode.Forbidden);
      const other = await createService({ name: '另一项服务', kind: ServiceKind.Appointment });
      expect((await officer.put(`/api/services/${other.id}/slots/${slot.id}`, { capacity: 9 }).expect(404)).body.code).toBe(ErrorCode.NotFound);
      expect((await officer.put(`/api/services/${service.id}/slots/99999999`, { capacity: 9 }).expect(404)).body.code).toBe(ErrorCode.NotFound);
    });

    it('removes a slot only while nobody holds a place; cancelled bookings of it stay readable', async () => {
      const service = await createService({ name: '上门擦玻璃' });
      const slot = await createSlot(service.id, 3);
      const url = `/api/services/${service.id}/slots/${slot.id}`;
      const booking = await book(resident1, slot.id);
      expect((await officer.delete(url).expect(409)).body).toMatchObject({ code: ErrorCode.SlotHasBookings, message: '该时段已有居民预约，不能删除' });
      expect((await leader1.delete(url).expect(403)).body.code).toBe(ErrorCode.Forbidden);
      await resident1.post(`/api/bookings/${booking.id}/cancel`).expect(200);
      expect((await officer.delete(url).expect(200)).body).toMatchObject({ id: slot.id, booked: 0 });
      expect((await officer.delete(url).expect(404)).body.code).toBe(ErrorCode.NotFound);
      expect((await slotsOf(resident1, service.id, 0, 10 * DAY_MS)).map((s) => s.id)).not.toContain(slot.id);
      expect((await resident2.post('/api/bookings', { slotId: slot.id }).expect(404)).body.code).toBe(ErrorCode.NotFound);
      const kept = (await resident1.get(`/api/bookings/${booking.id}`).expect(200)).body as BookingView;
      expect(kept).toMatchObject({ status: BookingStatus.Cancelled, slot: { id: slot.id, startsAt: slot.startsAt, endsAt: slot.endsAt } });
      expect(((await resident1.get('/api/bookings/mine').expect(200)).body.items as BookingView[]).some((b) => b.id === booking.id)).toBe(true);
    });

    it('keeps booked ≤ capacity when a capacity cut races ten bookings', async () => {
      const service = await createService({ name: '抢约体检', kind: ServiceKind.Appointment });
      const slot = await createSlot(service.id, 10);
      const residents = await createResidents(testApp, 10, { prefix: `cut-${Date.now().toString(36)}` });
      const [cut, ...bookings] = await Promise.all([
        officer.put(`/api/services/${service.id}/slots/${slot.id}`, { capacity: 4 }),
        ...residents.map((r) => r.post('/api/bookings', { slotId: slot.id })),
      ]);
      const confirmed = bookings.filter((r) => r.status === 201).length;
      expect(bookings.every((r) => r.status === 201 || (r.status === 409 && r.body.code === ErrorCode.SlotFull))).toBe(true);
      const row = await testApp.app.get(DataSource).getRepository(ServiceSlotEntity).findOneByOrFail({ id: slot.id });
      expect(row.booked).toBe(confirmed);
      expect(row.booked).toBeLessThanOrEqual(row.capacity);
      if (cut.status === 200) expect(row.capacity).toBe(4);
      else expect([cut.status, cut.body.code, row.capacity]).toEqual([409, ErrorCode.CapacityBelowBooked, 10]);
    });

    it('never removes a slot someone got a place in when the delete races five bookings', async () => {
      const service = await createService({ name: '抢约理疗', kind: ServiceKind.Appointment });
      const slot = await createSlot(service.id, 5);
      const residents = await createResidents(testApp, 5, { prefix: `del-${Date.now().toString(36)}` });
      const [removal, ...bookings] = await Promise.all([
        officer.delete(`/api/services/${service.id}/slots/${slot.id}`),
        ...residents.map((r) => r.post('/api/bookings', { slotId: slot.id })),
      ]);
      const confirmed = bookings.filter((r) => r.status === 201).length;
      expect(bookings.every((r) => r.status === 201 || (r.status === 404 && r.body.code === ErrorCode.NotFound))).toBe(true);
      const row = await testApp.app.get(DataSource).getRepository(ServiceSlotEntity).findOneBy({ id: slot.id });
      if (removal.status === 200) {
        expect([confirmed, row]).toEqual([0, null]);
      } else {
        expect([removal.status, removal.body.code]).toEqual([409, ErrorCode.SlotHasBookings]);
        expect(row?.booked).toBe(confirmed);
        expect(confirmed).toBeGreaterThan(0);
      }
    });
  });

  describe('slots are materialised ahead of reads', () => {
    const dataSource = () => testApp.app.get(DataSource);
    const weekly = { kind: RecurrenceKind.Weekly, weekdays: [2, 4], startTime: '19:00', endTime: '20:30', capacity: 5, skipHolidays: false };

    it('writes a year of slots when the rule is created, so listing any window only reads', async () => {
      const service = await createService({ name: '晚间法律咨询', kind: ServiceKind.OffHours });
      const rule = (await officer.post(`/api/services/${service.id}/recurrences`, weekly).expect(201)).body as RecurrenceRuleView;
      const stored = await dataSource().getRepository(ServiceRecurrenceEntity).findOneByOrFail({ id: rule.id });
      // (MariaDB keeps whole seconds)
      expect(Math.abs(stored.materialisedUntil.getTime() - (clock.now().getTime() + 380 * DAY_MS))).toBeLessThan(1000);
      const count = () => dataSource().getRepository(ServiceSlotEntity).countBy({ serviceId: service.id });
      const before = await count();
      expect(before).toBeGreaterThanOrEqual(105); // two evenings a week for 380 days
      for (const start of [0, 90, 200, 304]) expect((await slotsOf(resident1, service.id, start * DAY_MS, (start + 62) * DAY_MS)).length).toBeGreaterThanOrEqual(16);
      expect(await count()).toBe(before);
      expect((await dataSource().getRepository(ServiceRecurrenceEntity).findOneByOrFail({ id: rule.id })).materialisedUntil).toEqual(stored.materialisedUntil);
    });

    it('tops rules up in the background, and a read beyond a rule that fell behind still finds its slots', async () => {
      const service = await createService({ name: '晚间心理疏导', kind: ServiceKind.OffHours });
      const rule = (await officer.post(`/api/services/${service.id}/recurrences`, weekly).expect(201)).body as RecurrenceRuleView;
      const slots = testApp.app.get(ServiceSlotsService);
      const start = clock.now();
      clock.advance(20 * DAY_MS);
      try {
        // nobody topped up for 20 days: the last listable weeks lie beyond materialisedUntil (start + 380 days)
        const tail = await slotsOf(resident1, service.id, 320 * DAY_MS, 366 * DAY_MS);
        expect(tail.length).toBeGreaterThanOrEqual(12);
        expect(new Set(tail.map((s) => s.startsAt)).size).toBe(tail.length);
        expect(tail.every((s) => s.ruleId === rule.id)).toBe(true);

        clock.advance(10 * DAY_MS);
        expect(await slots.topUp()).toBeGreaterThanOrEqual(1);
        const topped = await dataSource().getRepository(ServiceRecurrenceEntity).findOneByOrFail({ id: rule.id });
        expect(Math.abs(topped.materialisedUntil.getTime() - (clock.now().getTime() + 380 * DAY_MS))).toBeLessThan(1000);
        expect(await slots.topUp()).toBe(0); // nothing is a day behind any more
        const all = await dataSource().getRepository(ServiceSlotEntity).findBy({ ruleId: rule.id });
        expect(new Set(all.map((s) => s.startsAt.getTime())).size).toBe(all.length);
        expect(Math.max(...all.map((s) => s.startsAt.getTime()))).toBeGreaterThan(start.getTime() + 400 * DAY_MS);
      } finally {
        clock.set(start);
      }
    });
  });
});
