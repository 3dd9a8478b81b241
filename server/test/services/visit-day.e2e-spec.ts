import { BookingStatus, BookingView, ErrorCode, ProviderKind, ProviderVisitView, ServiceKind, ServiceOfferingView, SlotView, VisitAction, EligibilityMode } from '@gezhi/shared';
import { ManualClock } from '../../src/common/clock';
import { atBeijing, WEEKDAY_MORNING } from '../support/instants';
import { ApiClient, bootTestApp, TestApp } from '../support/test-app';

/**
 * Issue 9, defect 4: a visit could be marked arrived or completed days before its slot. Arriving and completing wait
 * for the slot's local day (Asia/Shanghai); early within that day is fine; confirming is allowed any time.
 */
describe('a visit is worked on its day, not before (issue 9)', () => {
  let testApp: TestApp;
  const clock = new ManualClock(WEEKDAY_MORNING); // Monday 2026-12-07 10:00 Beijing
  let officer: ApiClient;
  let resident1: ApiClient;
  let leader1: ApiClient;

  beforeAll(async () => {
    testApp = await bootTestApp({}, { clock });
    [officer, resident1, leader1] = await Promise.all(['community1', 'resident1', 'gridleader1'].map((a) => testApp.loginAs(a)));
  });

  afterAll(() => testApp.close());

  afterEach(() => clock.set(WEEKDAY_MORNING));

  async function bookedVisit(name: string, startsAt: Date): Promise<BookingView> {
    const service = (
      await officer
        .post('/api/services', {
          name,
          kind: ServiceKind.DoorToDoor,
          description: '网格员上门服务',
          durationMinutes: 60,
          provider: { kind: ProviderKind.GridStaff, name: '网格员' },
          eligibility: { mode: EligibilityMode.All, tags: [] },
        })
        .expect(201)
    ).body as ServiceOfferingView;
    const slot = (await officer.post(`/api/services/${service.id}/slots`, { startsAt: startsAt.toISOString(), capacity: 2 }).expect(201)).body as SlotView;
    return (await resident1.post('/api/bookings', { slotId: slot.id }).expect(201)).body as BookingView;
  }

  const visit = async (id: number) => (await leader1.get(`/api/provider/visits/${id}`).expect(200)).body as ProviderVisitView;

  it('refuses arriving and completing three days ahead with 409 VISIT_DAY_NOT_REACHED, and offers only 确认', async () => {
    const booking = await bookedVisit('上门测血压', atBeijing('2026-12-10 10:00')); // Thursday
    for (const [path, body] of [['arrive', undefined], ['complete', { note: '提前完成' }]] as const) {
      const refused = await leader1.post(`/api/provider/visits/${booking.id}/${path}`, body).expect(409);
      expect(refused.body).toMatchObject({ code: ErrorCode.VisitDayNotReached, message: '还没到预约的日子，不能提前上门或完成' });
    }
    expect(await visit(booking.id)).toMatchObject({ status: BookingStatus.Booked, availableActions: [VisitAction.Confirm] });
    const plan = (await leader1.get('/api/provider/visits?day=2026-12-10').expect(200)).body as ProviderVisitView[];
    expect(plan.find((v) => v.bookingId === booking.id)?.availableActions).toEqual([VisitAction.Confirm]);
    // confirming ahead is what providers are meant to do
    expect((await leader1.post(`/api/provider/visits/${booking.id}/confirm`).expect(200)).body.status).toBe(BookingStatus.Confirmed);
    expect((await resident1.get(`/api/bookings/${booking.id}`).expect(200)).body.status).toBe(BookingStatus.Confirmed);
  });

  it('still refuses at 23:59 the evening before, and allows arriving early on the day, from midnight on', async () => {
    const booking = await bookedVisit('上门理发', atBeijing('2026-12-08 15:00'));
    clock.set(atBeijing('2026-12-07 23:59'));
    expect((await leader1.post(`/api/provider/visits/${booking.id}/arrive`).expect(409)).body.code).toBe(ErrorCode.VisitDayNotReached);
    clock.set(atBeijing('2026-12-08 00:00'));
    expect((await visit(booking.id)).availableActions).toEqual([VisitAction.Confirm, VisitAction.Arrive, VisitAction.Complete]);
    clock.set(atBeijing('2026-12-08 08:30')); // six and a half hours before the slot
    expect((await leader1.post(`/api/provider/visits/${booking.id}/arrive`).expect(200)).body.status).toBe(BookingStatus.Arrived);
    const done = (await leader1.post(`/api/provider/visits/${booking.id}/complete`, { note: '理发完成' }).expect(200)).body as ProviderVisitView;
    expect(done).toMatchObject({ status: BookingStatus.Completed, availableActions: [] });
  });

  it('decides the day in Asia/Shanghai, not UTC', async () => {
    // 00:30 on the 9th in Beijing is still the 8th in UTC: the evening of the 8th is the day before
    const night = await bookedVisit('夜间送药', atBeijing('2026-12-09 00:30'));
    clock.set(atBeijing('2026-12-08 20:00'));
    expect((await leader1.post(`/api/provider/visits/${night.id}/complete`, { note: '送到了' }).expect(409)).body.code).toBe(ErrorCode.VisitDayNotReached);
    // 07:00 on the 9th in Beijing is still the 8th in UTC: already the slot's day
    const morning = await bookedVisit('上门换药', atBeijing('2026-12-09 09:00'));
    clock.set(atBeijing('2026-12-09 07:00'));
    expect((await leader1.post(`/api/provider/visits/${morning.id}/complete`, { note: '已换药' }).expect(200)).body.status).toBe(BookingStatus.Completed);
    expect((await leader1.post(`/api/provider/visits/${night.id}/complete`, { note: '送到了' }).expect(200)).body.status).toBe(BookingStatus.Completed);
  });
});
