import {
  BookingStatus,
  BookingView,
  CreateServiceBody,
  EligibilityMode,
  ErrorCode,
  ProviderKind,
  RecurrenceKind,
  ResidentTag,
  ServiceKind,
  ServiceOfferingView,
  SlotView,
  VisitAction,
  ProviderVisitView,
  CustodyStep,
} from '@gezhi/shared';
import { ManualClock } from '../../src/common/clock';
import { WEEKDAY_MORNING } from '../support/instants';
import { createResidents, serviceBody } from '../support/factories';
import { ApiClient, bootTestApp, TestApp } from '../support/test-app';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;


describe('service booking (issue 4)', () => {
  let testApp: TestApp;
  const clock = new ManualClock(WEEKDAY_MORNING);
  let officer: ApiClient;
  let resident1: ApiClient;
  let resident2: ApiClient;
  let resident3: ApiClient;
  let resident4: ApiClient;
  let gridLeader: ApiClient;

  beforeAll(async () => {
    testApp = await bootTestApp({}, { clock });
    [officer, resident1, resident2, resident3, resident4, gridLeader] = await Promise.all(
      ['community1', 'resident1', 'resident2', 'resident3', 'resident4', 'gridleader1'].map((a) => testApp.loginAs(a)),
    );
  });

  afterAll(async () => {
    await testApp.close();
  });

  async function createService(overrides: Partial<CreateServiceBody> = {}): Promise<ServiceOfferingView> {
    const response = await officer.post('/api/services', serviceBody(overrides));
    if (response.status !== 201) throw new Error(`service creation failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as ServiceOfferingView;
  }

  async function createSlot(serviceId: number, capacity: number, startsInMs = 3 * DAY_MS): Promise<SlotView> {
    const startsAt = new Date(clock.now().getTime() + startsInMs).toISOString();
    return (await officer.post(`/api/services/${serviceId}/slots`, { startsAt, capacity }).expect(201)).body as SlotView;
  }

  async function slotOf(client: ApiClient, serviceId: number, slotId: number): Promise<SlotView> {
    const to = new Date(clock.now().getTime() + 60 * DAY_MS).toISOString();
    const slots = (await client.get(`/api/services/${serviceId}/slots?to=${encodeURIComponent(to)}`).expect(200)).body as SlotView[];
    const slot = slots.find((s) => s.id === slotId);
    if (!slot) throw new Error(`slot ${slotId} not listed`);
    return slot;
  }

  describe('catalogue', () => {
    it('is maintained by the community officer and listed to residents of the community', async () => {
      const proxy = await createService({
        name: '养老认证代办',
        kind: ServiceKind.Proxy,
        requiredDocuments: ['身份证', '社保卡'],
        provider: { kind: ProviderKind.GridStaff, name: '网格员' },
      });
      expect(proxy).toMatchObject({ kind: ServiceKind.Proxy, kindLabel: '代办服务', requiredDocuments: ['身份证', '社保卡'], active: true, version: 1 });

      const listed = (await resident1.get('/api/services').expect(200)).body as ServiceOfferingView[];
      expect(listed.map((s) => s.name)).toEqual(expect.arrayContaining(['养老认证代办', '三九便民日·理发', '错时服务·晚间业务办理']));
      expect(listed.find((s) => s.id === proxy.id)?.eligibleForMe).toBe(true);
      // the seeded door-to-door haircut is for residents living alone or disabled
      const restricted = listed.find((s) => s.name === '上门理发');
      expect(restricted?.eligibleForMe).toBe(false);
      expect(((await resident3.get('/api/services').expect(200)).body as ServiceOfferingView[]).find((s) => s.name === '上门理发')?.eligibleForMe).toBe(true);
      expect((await resident3.get('/api/me').expect(200)).body.tags).toEqual([ResidentTag.ElderlyAlone]);
    });

    it('builds bundles from services of the same community', async () => {
      const a = await createService({ name: '理发' });
      const b = await createService({ name: '量血压', kind: ServiceKind.DoorToDoor });
      const bundle = await createService({ name: '助老打包服务', kind: ServiceKind.Bundle, bundleServiceIds: [a.id, b.id] });
      expect(bundle.bundleServiceIds).toEqual([a.id, b.id]);
      const refused = await officer.post('/api/services', serviceBody({ kind: ServiceKind.Bundle, bundleServiceIds: [a.id, bundle.id] })).expect(400);
      expect(refused.body.errors).toEqual({ bundleServiceIds: 'UNKNOWN_SERVICE' });
    });

    it('updates with a version check and hides inactive services from residents', async () => {
      const service = await createService({ name: '临时服务' });
      const updated = (await officer.put(`/api/services/${service.id}`, { version: 1, description: '改期', active: false }).expect(200)).body;
      expect(updated).toMatchObject({ description: '改期', active: false, version: 2 });
      expect((await officer.put(`/api/services/${service.id}`, { version: 1, name: '旧版本' }).expect(409)).body.code).toBe(ErrorCode.ConcurrentModification);
      expect((await resident1.get(`/api/services/${service.id}`).expect(404)).body.code).toBe(ErrorCode.NotFound);
      expect(((await resident1.get('/api/services').expect(200)).body as ServiceOfferingView[]).some((s) => s.id === service.id)).toBe(false);
      expect(((await officer.get('/api/services').expect(200)).body as ServiceOfferingView[]).some((s) => s.id === service.id)).toBe(true);
    });

    it('refuses maintenance by anyone but the community officer, and residents without a home', async () => {
      expect((await gridLeader.post('/api/services', serviceBody()).expect(403)).body.code).toBe(ErrorCode.Forbidden);
      expect((await resident1.post('/api/services', serviceBody()).expect(403)).body.code).toBe(ErrorCode.Forbidden);
      expect((await gridLeader.get('/api/services').expect(200)).body.length).toBeGreaterThan(0);
      expect((await resident4.get('/api/services').expect(409)).body.code).toBe(ErrorCode.HomeNotBound);
      const service = await createService();
      expect((await gridLeader.post(`/api/services/${service.id}/slots`, { startsAt: new Date(clock.now().getTime() + DAY_MS).toISOString(), capacity: 3 }).expect(403)).body.code).toBe(ErrorCode.Forbidden);
    });

    it('answers 400 with field codes', async () => {
      const missing = await officer.post('/api/services', { kind: 'HAIRCUT', durationMinutes: 0, provider: { kind: ProviderKind.VolunteerTeam }, eligibility: { mode: EligibilityMode.All, tags: [] }, extra: 1 }).expect(400);
      expect(missing.body.code).toBe(ErrorCode.ValidationFailed);
      expect(missing.body.errors).toEqual({
        name: 'REQUIRED',
        kind: 'INVALID_ENUM',
        description: 'REQUIRED',
        durationMinutes: 'OUT_OF_RANGE',
        'provider.name': 'REQUIRED',
        extra: 'UNKNOWN_FIELD',
      });
      expect((await officer.post('/api/services', serviceBody({ kind: ServiceKind.Proxy })).expect(400)).body.errors).toEqual({ requiredDocuments: 'REQUIRED' });
      expect((await officer.post('/api/services', serviceBody({ eligibility: { mode: EligibilityMode.OnlyTagged, tags: [] } })).expect(400)).body.errors).toEqual({
        'eligibility.tags': 'REQUIRED',
      });
      const service = await createService();
      expect((await officer.post(`/api/services/${service.id}/slots`, { startsAt: 'tomorrow', capacity: 0 }).expect(400)).body.errors).toEqual({
        startsAt: 'INVALID_FORMAT',
        capacity: 'OUT_OF_RANGE',
      });
      expect((await officer.post(`/api/services/${service.id}/slots`, { startsAt: new Date(clock.now().getTime() - HOUR_MS).toISOString(), capacity: 2 }).expect(400)).body.errors).toEqual({
        startsAt: 'OUT_OF_RANGE',
      });
      const rule = { kind: RecurrenceKind.Weekly, weekdays: [1], startTime: '20:30', endTime: '18:30', capacity: 5, skipHolidays: false };
      expect((await officer.post(`/api/services/${service.id}/recurrences`, rule).expect(400)).body.errors).toEqual({ endTime: 'OUT_OF_RANGE' });
      expect((await officer.post(`/api/services/${service.id}/recurrences`, { ...rule, weekdays: [], endTime: '21:00' }).expect(400)).body.errors).toEqual({ weekdays: 'REQUIRED' });
      expect((await officer.post(`/api/services/${service.id}/recurrences`, { ...rule, startTime: '25:00' }).expect(400)).body.errors).toEqual({ startTime: 'INVALID_FORMAT' });
      expect((await resident1.post('/api/bookings', { note: 'x'.repeat(201) }).expect(400)).body.errors).toEqual({ slotId: 'REQUIRED', note: 'TOO_LONG' });
    });
  });

  describe('slots', () => {
    it('materialises a monthly rule (9/19/29) a year ahead when it is created, without duplicates', async () => {
      const service = await createService({ name: '三九义诊', kind: ServiceKind.Appointment });
      const rule = (
        await officer.post(`/api/services/${service.id}/recurrences`, {
          kind: RecurrenceKind.Monthly,
          monthDays: [29, 9, 19],
          startTime: '08:30',
          endTime: '11:30',
          capacity: 20,
          skipHolidays: true,
        }).expect(201)
      ).body;
      expect(rule).toMatchObject({ monthDays: [9, 19, 29], validUntil: null });
      const now = clock.now().getTime();
      const list = async (fromMs: number, toMs: number) =>
        (await resident1
          .get(`/api/services/${service.id}/slots?from=${encodeURIComponent(new Date(now + fromMs).toISOString())}&to=${encodeURIComponent(new Date(now + toMs).toISOString())}`)
          .expect(200)).body as SlotView[];
      const near = await list(0, 60 * DAY_MS);
      expect(near.length).toBeGreaterThanOrEqual(5);
      for (const slot of near) {
        const local = new Date(new Date(slot.startsAt).getTime() + 8 * HOUR_MS);
        expect([9, 19, 29]).toContain(local.getUTCDate());
        expect(local.toISOString().slice(11, 16)).toBe('08:30');
        expect(slot).toMatchObject({ capacity: 20, booked: 0, free: 20, ruleId: rule.id });
      }
      const far = await list(100 * DAY_MS, 160 * DAY_MS);
      expect(far.length).toBeGreaterThanOrEqual(5);
      expect((await list(100 * DAY_MS, 160 * DAY_MS)).map((s) => s.id)).toEqual(far.map((s) => s.id));
      // one call answers at most 62 days
      const wide = `from=${encodeURIComponent(new Date(now).toISOString())}&to=${encodeURIComponent(new Date(now + 100 * DAY_MS).toISOString())}`;
      expect((await resident1.get(`/api/services/${service.id}/slots?${wide}`).expect(400)).body.errors).toEqual({ to: 'OUT_OF_RANGE' });
      const middle = await list(55 * DAY_MS, 105 * DAY_MS);
      expect(new Set(middle.map((s) => s.startsAt)).size).toBe(middle.length);
      // the last listable stretch (up to 366 days ahead) is there from the start
      expect((await list(300 * DAY_MS, 360 * DAY_MS)).length).toBeGreaterThanOrEqual(5);
    });

    it('lists weekly off-hours evenings', async () => {
      const service = await createService({ name: '晚间办证', kind: ServiceKind.OffHours });
      await officer.post(`/api/services/${service.id}/recurrences`, {
        kind: RecurrenceKind.Weekly, weekdays: [1, 2, 3, 4, 5], startTime: '18:30', endTime: '20:30', capacity: 8, skipHolidays: false,
      }).expect(201);
      const slots = (await resident2.get(`/api/services/${service.id}/slots`).expect(200)).body as SlotView[];
      expect(slots.length).toBeGreaterThanOrEqual(9); // 14 days ahead: two working weeks
      for (const slot of slots) {
        const local = new Date(new Date(slot.startsAt).getTime() + 8 * HOUR_MS);
        expect(local.getUTCDay()).not.toBe(0);
        expect(local.getUTCDay()).not.toBe(6);
        expect(local.toISOString().slice(11, 16)).toBe('18:30');
        expect(new Date(slot.endsAt).getTime() - new Date(slot.startsAt).getTime()).toBe(2 * HOUR_MS);
      }
    });
  });

  describe('booking', () => {
    it('books a door-to-door visit to the bound home, refuses a double booking, shows only the own bookings', async () => {
      const service = await createService({ name: '上门量血压' });
      const slot = await createSlot(service.id, 2);
      const booked = await resident1.post('/api/bookings', { slotId: slot.id, note: '家里有轮椅' }).expect(201);
      expect(booked.body).toMatchObject({
        status: BookingStatus.Booked,
        statusLabel: '已预约',
        service: { id: service.id, kind: ServiceKind.DoorToDoor },
        slot: { id: slot.id },
        address: '团结街道 明日星城社区 1号楼 2单元 301',
        note: '家里有轮椅',
        canCancel: true,
      });
      const again = await resident1.post('/api/bookings', { slotId: slot.id }).expect(409);
      expect(again.body).toMatchObject({ code: ErrorCode.AlreadyBooked });
      expect((await slotOf(resident1, service.id, slot.id)).free).toBe(1);

      const mine1 = (await resident1.get('/api/bookings/mine').expect(200)).body;
      expect(mine1.items.map((b: BookingView) => b.id)).toContain(booked.body.id);
      const mine2 = (await resident2.get('/api/bookings/mine').expect(200)).body;
      expect(mine2.items.map((b: BookingView) => b.id)).not.toContain(booked.body.id);
      expect((await resident2.post(`/api/bookings/${booked.body.id}/cancel`).expect(404)).body.code).toBe(ErrorCode.NotFound);
      expect((await gridLeader.get('/api/bookings/mine').expect(403)).body.code).toBe(ErrorCode.Forbidden);
    });

    it('frees the place at once on cancel, lets the resident book again, refuses after the cut-off', async () => {
      const service = await createService({ name: '预约理发', kind: ServiceKind.Appointment });
      const slot = await createSlot(service.id, 1, DAY_MS);
      const first = (await resident1.post('/api/bookings', { slotId: slot.id }).expect(201)).body as BookingView;
      expect(first.address).toBeNull();
      expect((await resident2.post('/api/bookings', { slotId: slot.id }).expect(409)).body).toMatchObject({ code: ErrorCode.SlotFull, message: '已约满' });
      const cancelled = (await resident1.post(`/api/bookings/${first.id}/cancel`).expect(200)).body as BookingView;
      expect(cancelled).toMatchObject({ status: BookingStatus.Cancelled, canCancel: false });
      expect((await slotOf(resident1, service.id, slot.id)).free).toBe(1);
      expect((await resident1.post(`/api/bookings/${first.id}/cancel`).expect(409)).body.code).toBe(ErrorCode.IllegalTransition);

      const second = (await resident2.post('/api/bookings', { slotId: slot.id }).expect(201)).body as BookingView;
      await resident2.post(`/api/bookings/${second.id}/cancel`).expect(200);
      const rebooked = (await resident2.post('/api/bookings', { slotId: slot.id }).expect(201)).body as BookingView;

      clock.advance(DAY_MS - 2 * HOUR_MS + 60_000); // 1 h 59 min before the slot
      try {
        expect((await resident2.post(`/api/bookings/${rebooked.id}/cancel`).expect(409)).body.code).toBe(ErrorCode.CancelTooLate);
        const mine = (await resident2.get('/api/bookings/mine').expect(200)).body.items as BookingView[];
        expect(mine.find((b) => b.id === rebooked.id)?.canCancel).toBe(false);
        clock.advance(2 * HOUR_MS);
        expect((await resident1.post('/api/bookings', { slotId: slot.id }).expect(409)).body.code).toBe(ErrorCode.SlotClosed);
      } finally {
        clock.set(new Date(clock.now().getTime() - DAY_MS - 60_000));
      }
    });

    it('enforces eligibility and the bound home on the server', async () => {
      const service = await createService({
        name: '独居老人上门助浴',
        eligibility: { mode: EligibilityMode.OnlyTagged, tags: [ResidentTag.ElderlyAlone] },
      });
      const slot = await createSlot(service.id, 3);
      expect((await resident1.post('/api/bookings', { slotId: slot.id }).expect(403)).body.code).toBe(ErrorCode.NotEligible);
      const booked = (await resident3.post('/api/bookings', { slotId: slot.id }).expect(201)).body as BookingView;
      expect(booked.address).toBe('团结街道 明日星城社区 5号楼 3单元 201');
      expect((await resident4.post('/api/bookings', { slotId: slot.id }).expect(409)).body.code).toBe(ErrorCode.HomeNotBound);
      expect((await resident1.post('/api/bookings', { slotId: 99999999 }).expect(404)).body.code).toBe(ErrorCode.NotFound);
      expect((await officer.post('/api/bookings', { slotId: slot.id }).expect(403)).body.code).toBe(ErrorCode.Forbidden);
    });

    it('200 simultaneous bookings of a slot with capacity 10: exactly 10 confirmations and 190 「已约满」', async () => {
      const service = await createService({ name: '热门义诊', kind: ServiceKind.Appointment });
      const slot = await createSlot(service.id, 10);
      const residents = await createResidents(testApp, 200);
      const responses = await Promise.all(residents.map((client) => client.post('/api/bookings', { slotId: slot.id })));
      const statuses = responses.map((r) => r.status);
      const confirmed = responses.filter((r) => r.status === 201);
      const full = responses.filter((r) => r.status === 409 && r.body.code === ErrorCode.SlotFull && r.body.message === '已约满');
      expect({ confirmed: confirmed.length, full: full.length, other: statuses.filter((s) => s !== 201 && s !== 409) }).toEqual({ confirmed: 10, full: 190, other: [] });
      expect(await slotOf(resident1, service.id, slot.id)).toMatchObject({ booked: 10, free: 0 });
      expect(new Set(confirmed.map((r) => r.body.id)).size).toBe(10);
      // each confirmed resident sees exactly their own booking
      const mine = await Promise.all(residents.slice(0, 200).map((c) => c.get('/api/bookings/mine').expect(200)));
      expect(mine.reduce((sum, r) => sum + r.body.total, 0)).toBe(10);
    });
  });

  describe('provider day plan', () => {
    const localDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * HOUR_MS).toISOString().slice(0, 10);

    it('shows grid staff the visits of their grid in time order with the address; confirm, arrive, complete, rate', async () => {
      const gridLeader2 = await testApp.loginAs('gridleader2');
      const service = await createService({ name: '上门代缴医保', provider: { kind: ProviderKind.GridStaff, name: '网格员' } });
      const volunteer = await createService({ name: '志愿者上门', provider: { kind: ProviderKind.VolunteerTeam, name: '志愿服务队' } });
      const late = await createSlot(service.id, 3, 5 * DAY_MS + 2 * HOUR_MS);
      const early = await createSlot(service.id, 3, 5 * DAY_MS);
      const other = await createSlot(volunteer.id, 3, 5 * DAY_MS + HOUR_MS);
      const lateBooking = (await resident1.post('/api/bookings', { slotId: late.id }).expect(201)).body as BookingView;
      const earlyBooking = (await resident1.post('/api/bookings', { slotId: early.id, note: '请先打电话' }).expect(201)).body as BookingView;
      await resident1.post('/api/bookings', { slotId: other.id }).expect(201);
      await resident2.post('/api/bookings', { slotId: early.id }).expect(201); // grid 2

      const day = localDay(early.startsAt);
      const plan = (await gridLeader.get(`/api/provider/visits?day=${day}`).expect(200)).body as ProviderVisitView[];
      const mine = plan.filter((v) => v.service.id === service.id);
      expect(plan.every((v) => v.service.id === service.id)).toBe(true); // not the volunteers' visit
      expect(mine[0].bookingId).toBe(earlyBooking.id);
      expect(mine[0]).toMatchObject({
        status: BookingStatus.Booked,
        address: '团结街道 明日星城社区 1号楼 2单元 301',
        residentName: '张*',
        residentPhoneMasked: '136****1234',
        note: '请先打电话',
        availableActions: [VisitAction.Confirm], // five days ahead: 已到达 / 完成 wait for the slot's day (issue 9)
      });
      const week = (await gridLeader.get(`/api/provider/visits?day=${day}&days=7`).expect(200)).body as ProviderVisitView[];
      const order = week.map((v) => v.bookingId);
      expect(order).toContain(earlyBooking.id);
      expect(order.indexOf(lateBooking.id)).toBeGreaterThan(order.indexOf(earlyBooking.id)); // ordered by time
      expect(week.map((v) => v.startsAt)).toEqual([...week.map((v) => v.startsAt)].sort());
      expect((await gridLeader2.get(`/api/provider/visits?day=${day}`).expect(200)).body.map((v: ProviderVisitView) => v.bookingId)).not.toContain(earlyBooking.id);
      expect((await gridLeader2.post(`/api/provider/visits/${earlyBooking.id}/confirm`).expect(404)).body.code).toBe(ErrorCode.NotFound);
      // the community officer coordinates none of these: an empty plan; a street officer has no plan at all
      expect((await officer.get(`/api/provider/visits?day=${day}`).expect(200)).body).toEqual([]);
      expect((await (await testApp.loginAs('street1')).get(`/api/provider/visits?day=${day}`).expect(403)).body.code).toBe(ErrorCode.Forbidden);
      expect((await resident1.get(`/api/provider/visits?day=${day}`).expect(403)).body.code).toBe(ErrorCode.NotStaff);
      expect((await gridLeader.get('/api/provider/visits?day=2026-02-30&days=8').expect(400)).body.errors).toEqual({ days: 'OUT_OF_RANGE' });

      await gridLeader.post(`/api/provider/visits/${earlyBooking.id}/confirm`).expect(200);
      expect((await gridLeader.post(`/api/provider/visits/${earlyBooking.id}/confirm`).expect(409)).body.code).toBe(ErrorCode.IllegalTransition);
      expect((await gridLeader.post(`/api/provider/visits/${earlyBooking.id}/no-show`).expect(409)).body.code).toBe(ErrorCode.IllegalTransition);
      // arriving and completing wait for the slot's local day (issue 9): an hour before the slot, then back
      const planned = clock.now();
      clock.set(new Date(new Date(early.startsAt).getTime() - HOUR_MS));
      expect((await gridLeader.post(`/api/provider/visits/${earlyBooking.id}/arrive`).expect(200)).body.status).toBe(BookingStatus.Arrived);
      expect((await gridLeader.post(`/api/provider/visits/${earlyBooking.id}/complete`, {}).expect(400)).body.errors).toEqual({ note: 'REQUIRED' });
      const completed = (await gridLeader.post(`/api/provider/visits/${earlyBooking.id}/complete`, { note: '已代缴，回执交给居民' }).expect(200)).body;
      expect(completed).toMatchObject({ status: BookingStatus.Completed, providerNote: '已代缴，回执交给居民', availableActions: [] });
      clock.set(planned);
      const residentView = ((await resident1.get('/api/bookings/mine').expect(200)).body.items as BookingView[]).find((b) => b.id === earlyBooking.id);
      expect(residentView).toMatchObject({ status: BookingStatus.Completed, statusLabel: '已完成', canCancel: false });
      expect((await resident1.post(`/api/bookings/${earlyBooking.id}/cancel`).expect(409)).body.code).toBe(ErrorCode.IllegalTransition);

      // 评价: once, on the three dimensions of request ratings
      expect(residentView?.canRate).toBe(true);
      expect((await resident1.post(`/api/bookings/${lateBooking.id}/rate`, { speed: 5, effect: 5, attitude: 5 }).expect(409)).body.code).toBe(ErrorCode.IllegalTransition);
      expect((await resident1.post(`/api/bookings/${earlyBooking.id}/rate`, { speed: 0, effect: 6, attitude: 5 }).expect(400)).body.errors).toEqual({ speed: 'OUT_OF_RANGE', effect: 'OUT_OF_RANGE' });
      expect((await resident2.post(`/api/bookings/${earlyBooking.id}/rate`, { speed: 5, effect: 5, attitude: 5 }).expect(404)).body.code).toBe(ErrorCode.NotFound);
      const rated = (await resident1.post(`/api/bookings/${earlyBooking.id}/rate`, { speed: 5, effect: 4, attitude: 5, comment: '很及时' }).expect(200)).body as BookingView;
      expect(rated).toMatchObject({ rating: { speed: 5, effect: 4, attitude: 5, comment: '很及时' }, canRate: false, providerNote: '已代缴，回执交给居民' });
      expect((await resident1.post(`/api/bookings/${earlyBooking.id}/rate`, { speed: 1, effect: 1, attitude: 1 }).expect(409)).body.code).toBe(ErrorCode.IllegalTransition);

      clock.advance(5 * DAY_MS + 2 * HOUR_MS);
      try {
        expect((await gridLeader.post(`/api/provider/visits/${lateBooking.id}/no-show`).expect(200)).body.status).toBe(BookingStatus.NoShow);
      } finally {
        clock.set(new Date(clock.now().getTime() - 5 * DAY_MS - 2 * HOUR_MS));
      }
    });
  });

  describe('proxy errand custody', () => {
    it('records documents received → submitted → returned in order; the resident sees each step', async () => {
      const gridLeader2 = await testApp.loginAs('gridleader2');
      const service = await createService({
        name: '医保缴费代办',
        kind: ServiceKind.Proxy,
        requiredDocuments: ['身份证', '医保卡'],
        provider: { kind: ProviderKind.GridStaff, name: '网格员' },
      });
      const slot = await createSlot(service.id, 5);
      const booking = (await resident1.post('/api/bookings', { slotId: slot.id }).expect(201)).body as BookingView;
      expect(booking.custody).toEqual([]);
      const url = `/api/provider/visits/${booking.id}/custody`;
      expect((await gridLeader.post(url, { step: CustodyStep.Submitted, office: '区医保中心' }).expect(409)).body.code).toBe(ErrorCode.IllegalTransition);
      expect((await gridLeader.post(url, { step: CustodyStep.DocumentsReceived }).expect(400)).body.errors).toEqual({ documents: 'REQUIRED' });
      expect((await gridLeader.post(url, { step: 'LOST' }).expect(400)).body.errors).toEqual({ step: 'INVALID_ENUM' });
      expect((await gridLeader2.post(url, { step: CustodyStep.DocumentsReceived, documents: ['身份证'] }).expect(404)).body.code).toBe(ErrorCode.NotFound);
      const received = (await gridLeader.post(url, { step: CustodyStep.DocumentsReceived, documents: ['身份证', '医保卡'] }).expect(200)).body as ProviderVisitView;
      expect(received.nextCustodyStep).toBe(CustodyStep.Submitted);
      expect((await gridLeader.post(url, { step: CustodyStep.Submitted }).expect(400)).body.errors).toEqual({ office: 'REQUIRED' });
      await gridLeader.post(url, { step: CustodyStep.Submitted, office: '区医保中心', note: '预计三个工作日办结' }).expect(200);
      const returned = (await gridLeader.post(url, { step: CustodyStep.Returned, documents: ['身份证', '医保卡'] }).expect(200)).body as ProviderVisitView;
      expect(returned.nextCustodyStep).toBeNull();
      expect((await gridLeader.post(url, { step: CustodyStep.Returned, documents: ['身份证'] }).expect(409)).body.code).toBe(ErrorCode.IllegalTransition);

      const mine = ((await resident1.get('/api/bookings/mine').expect(200)).body.items as BookingView[]).find((b) => b.id === booking.id);
      expect(mine?.custody.map((e) => [e.step, e.stepLabel, e.actorName])).toEqual([
        [CustodyStep.DocumentsReceived, '已收取材料', '苏月'],
        [CustodyStep.Submitted, '已递交办理', '苏月'],
        [CustodyStep.Returned, '已归还材料', '苏月'],
      ]);
      expect(mine?.custody[0].documents).toEqual(['身份证', '医保卡']);
      expect(mine?.custody[1]).toMatchObject({ office: '区医保中心', note: '预计三个工作日办结' });
    });
  });

  describe('bundle', () => {
    it('books its components into one visit, completed and rated once', async () => {
      const staff = { kind: ProviderKind.GridStaff, name: '网格员' };
      const a = await createService({ name: '测血压', provider: staff });
      const b = await createService({ name: '代取药', provider: staff });
      const bundle = await createService({ name: '助老打包上门', kind: ServiceKind.Bundle, bundleServiceIds: [a.id, b.id], provider: staff });
      const slot = await createSlot(bundle.id, 2);
      const booking = (await resident1.post('/api/bookings', { slotId: slot.id }).expect(201)).body as BookingView;
      expect(booking.service).toMatchObject({ kind: ServiceKind.Bundle, kindLabel: '打包服务', components: [{ id: a.id, name: '测血压' }, { id: b.id, name: '代取药' }] });
      expect(booking.address).toBe('团结街道 明日星城社区 1号楼 2单元 301');
      const day = new Date(new Date(slot.startsAt).getTime() + 8 * HOUR_MS).toISOString().slice(0, 10);
      const visits = ((await gridLeader.get(`/api/provider/visits?day=${day}`).expect(200)).body as ProviderVisitView[]).filter((v) => v.service.id === bundle.id);
      expect(visits).toHaveLength(1);
      expect(visits[0].service.components.map((c) => c.name)).toEqual(['测血压', '代取药']);
      const planned = clock.now();
      clock.set(new Date(slot.startsAt)); // completing waits for the slot's day (issue 9)
      await gridLeader.post(`/api/provider/visits/${booking.id}/complete`, { note: '血压正常，药已送到' }).expect(200);
      clock.set(planned);
      await resident1.post(`/api/bookings/${booking.id}/rate`, { speed: 5, effect: 5, attitude: 5 }).expect(200);
      expect((await resident1.post(`/api/bookings/${booking.id}/rate`, { speed: 5, effect: 5, attitude: 5 }).expect(409)).body.code).toBe(ErrorCode.IllegalTransition);
    });
  });

  describe('asking for a service not in the catalogue', () => {
    it('files a 民生服务 request routed to the grid of the home', async () => {
      const filed = await resident1.post('/api/services/asks', { description: '希望社区能提供上门修脚服务' }).expect(201);
      expect(filed.body).toMatchObject({ category: 'LIVELIHOOD', subcategory: 'OTHER_SERVICE', description: '希望社区能提供上门修脚服务', status: 'PENDING_ACCEPT' });
      expect((await gridLeader.get(`/api/requests/${filed.body.id}`).expect(200)).body.id).toBe(filed.body.id);
      expect((await resident1.post('/api/services/asks', { description: '修脚' }).expect(400)).body.errors).toEqual({ description: 'TOO_SHORT' });
      expect((await resident4.post('/api/services/asks', { description: '希望有上门理发' }).expect(409)).body.code).toBe(ErrorCode.HomeNotBound);
      expect((await officer.post('/api/services/asks', { description: '希望有上门理发' }).expect(403)).body.code).toBe(ErrorCode.Forbidden);
    });
  });
});
