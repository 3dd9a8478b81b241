import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ErrorCode } from '@gezhi/shared';
import ServicePage from '../../src/subpackages/services/pages/service';
import { refreshMe } from '../../src/session/session';
import { setToken } from '../../src/session/token';
import { settle, typeInto } from '../helpers';
import { ADDRESS, booking, DOOR_HAIRCUT, PENSION_PROXY, resident, service, slot } from './fixtures';
import { fakeApi, refuse, reply } from '../fake-api';
import { currentRoute, enablePageHooks, openPage } from '../pages';

const realFetch = window.fetch;
beforeAll(enablePageHooks);
afterEach(() => {
  window.fetch = realFetch;
});

const HAIRCUT = service();
const TOMORROW = slot(101, 1, 12);
const IN_TEN_DAYS = slot(102, 10, 1);
const FULL = slot(103, 10, 0);

async function openService(offering = HAIRCUT, slots: unknown = [TOMORROW, IN_TEN_DAYS, FULL], more: Record<string, unknown> = {}) {
  setToken('t-resident');
  const api = fakeApi({
    'GET /me': resident(),
    [`GET /services/${offering.id}`]: offering,
    [`GET /services/${offering.id}/slots`]: slots,
    ...more,
  });
  await refreshMe();
  openPage({ id: String(offering.id) });
  const view = render(<ServicePage />);
  await waitFor(() => expect(view.container.querySelector('.gz-slot, .gz-slots__none, .gz-service-card--ineligible')).toBeTruthy());
  return { api, ...view };
}

const slotItem = (container: HTMLElement, id: number) => container.querySelector(`.gz-slot[data-slot-id="${id}"]`) as HTMLElement;

async function tap(element: Element) {
  fireEvent.click(element);
  await settle();
}

describe('service detail: slots by day and two-tap booking', () => {
  it('lists the next 14 days of slots by day with the places left, and loads later dates on demand', async () => {
    const later = slot(104, 20, 4);
    const { api, container } = await openService(HAIRCUT, (call: { query: Record<string, string> }) =>
      Date.parse(call.query.from) > Date.now() + 13 * 24 * 3600_000 ? [later] : [TOMORROW, IN_TEN_DAYS, FULL],
    );
    const [first] = api.callsTo('GET', '/services/2/slots');
    expect(Date.parse(first.query.to) - Date.parse(first.query.from)).toBe(14 * 24 * 3600_000);

    const days = container.querySelectorAll('.gz-slot-day');
    expect(days).toHaveLength(2);
    expect(days[0].textContent).toContain('明天');
    expect(slotItem(container, 101).textContent).toBe('08:30–11:30余 12 位');
    expect(slotItem(container, 102).textContent).toContain('余 1 位');
    expect(slotItem(container, 103).textContent).toContain('已约满');
    expect(slotItem(container, 103).className).toContain('gz-slot--full');

    await tap(screen.getByText('加载更多日期'));
    const second = api.callsTo('GET', '/services/2/slots')[1];
    expect(second.query.from).toBe(first.query.to);
    expect(container.querySelectorAll('.gz-slot-day')).toHaveLength(3);
    expect(slotItem(container, 104).textContent).toContain('余 4 位');
  });

  it('books in two taps: the slot opens the confirmation, 确认预约 posts {slotId, note}', async () => {
    const { api, container } = await openService(HAIRCUT, [TOMORROW], { 'POST /bookings': reply(201, booking({ id: 77 })) });
    await tap(slotItem(container, 101));
    const sheet = container.querySelector('.gz-booking-sheet') as HTMLElement;
    expect(sheet.textContent).toContain('三九便民日·理发');
    expect(sheet.querySelector('.gz-booking-sheet__time')?.textContent).toBe('08:30–11:30');
    expect(sheet.querySelector('.gz-booking-sheet__date')?.textContent).toContain('明天');
    // an appointment at the centre: no home address asked for
    expect(sheet.querySelector('.gz-booking-sheet__address')).toBeNull();
    expect(api.callsTo('POST', '/bookings')).toHaveLength(0);

    await typeInto(container, 'gz-booking-note', '  想剪短一点  ');
    await tap(container.querySelector('.gz-booking-confirm') as HTMLElement);
    await waitFor(() => expect(api.callsTo('POST', '/bookings')).toHaveLength(1));
    expect(api.callsTo('POST', '/bookings')[0].body).toEqual({ slotId: 101, note: '想剪短一点' });
    // the new booking's detail replaces the slot list
    await waitFor(() => expect(currentRoute()).toBe('/subpackages/services/pages/booking/index?id=77'));
  });

  it('sends no note when none was written', async () => {
    const { api, container } = await openService(HAIRCUT, [TOMORROW], { 'POST /bookings': reply(201, booking({ id: 77 })) });
    await tap(slotItem(container, 101));
    await tap(container.querySelector('.gz-booking-confirm') as HTMLElement);
    await waitFor(() => expect(api.callsTo('POST', '/bookings')).toHaveLength(1));
    expect(api.callsTo('POST', '/bookings')[0].body).toEqual({ slotId: 101 });
  });

  it('a full slot cannot be picked', async () => {
    const { container } = await openService();
    await tap(slotItem(container, 103));
    expect(container.querySelector('.gz-booking-sheet')).toBeNull();
  });

  it('confirms the bound home for a door-to-door visit and the documents for a proxy errand', async () => {
    const door = { ...DOOR_HAIRCUT, eligibleForMe: true };
    const first = await openService(door, [TOMORROW]);
    await tap(slotItem(first.container, 101));
    expect(first.container.querySelector('.gz-booking-sheet__address')?.textContent).toBe(ADDRESS);
    first.unmount();

    const second = await openService(PENSION_PROXY, [TOMORROW]);
    await tap(slotItem(second.container, 101));
    expect(second.container.querySelector('.gz-booking-sheet__documents')?.textContent).toBe('身份证、社保卡');
  });

  it('SLOT_FULL: says 已约满, closes the sheet and refreshes the slots', async () => {
    const { api, container } = await openService(HAIRCUT, [TOMORROW], { 'POST /bookings': refuse(409, ErrorCode.SlotFull) });
    await tap(slotItem(container, 101));
    // someone else took the last places meanwhile
    api.set({ 'GET /services/2/slots': [{ ...TOMORROW, booked: 20, free: 0 }] });
    await tap(container.querySelector('.gz-booking-confirm') as HTMLElement);
    await waitFor(() => expect(container.querySelector('.gz-booking-notice')?.textContent).toContain('已约满，请选择其他时段'));
    expect(container.querySelector('.gz-booking-sheet')).toBeNull();
    expect(api.callsTo('GET', '/services/2/slots')).toHaveLength(2);
    await waitFor(() => expect(slotItem(container, 101).textContent).toContain('已约满'));
  });

  it('ALREADY_BOOKED: says so and leads to 我的预约', async () => {
    const { container } = await openService(HAIRCUT, [TOMORROW], { 'POST /bookings': refuse(409, ErrorCode.AlreadyBooked) });
    await tap(slotItem(container, 101));
    await tap(container.querySelector('.gz-booking-confirm') as HTMLElement);
    await waitFor(() => expect(container.querySelector('.gz-booking-notice')?.textContent).toContain('您已预约该时段'));
    expect(container.querySelector('.gz-booking-notice')?.textContent).toContain('查看我的预约');
  });

  it('NOT_ELIGIBLE and SLOT_CLOSED show the shared Chinese messages', async () => {
    const notEligible = await openService(HAIRCUT, [TOMORROW], { 'POST /bookings': refuse(403, ErrorCode.NotEligible) });
    await tap(slotItem(notEligible.container, 101));
    await tap(notEligible.container.querySelector('.gz-booking-confirm') as HTMLElement);
    await waitFor(() => expect(notEligible.container.textContent).toContain('该服务仅面向特定居民，您暂不符合预约条件'));
    notEligible.unmount();

    const closed = await openService(HAIRCUT, [TOMORROW], { 'POST /bookings': refuse(409, ErrorCode.SlotClosed) });
    await tap(slotItem(closed.container, 101));
    await tap(closed.container.querySelector('.gz-booking-confirm') as HTMLElement);
    await waitFor(() => expect(closed.container.querySelector('.gz-booking-notice')?.textContent).toContain('该时段已截止预约'));
    expect(closed.api.callsTo('GET', '/services/2/slots')).toHaveLength(2);
  });

  it('a service the resident may not book shows why and no slots', async () => {
    const { api, container } = await openService({ ...DOOR_HAIRCUT, eligibleForMe: false }, [TOMORROW]);
    expect(container.querySelector('.gz-service-card__ineligible')?.textContent).toContain('您暂不符合预约条件');
    expect(container.querySelector('.gz-slot')).toBeNull();
    expect(api.callsTo('GET', '/services/5/slots')).toHaveLength(0);
  });
});
