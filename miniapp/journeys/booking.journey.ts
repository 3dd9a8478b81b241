import type { Page } from 'playwright-core';
import { expectText, journeyApi, journeyEnvironment, photoPng, signIn } from './support/actions';
import { newPhonePage, screenshot } from './support/browser';

const JOURNEY = 'booking';
const SERVICE = '三九便民日·理发';
const BOOKING_NOTE = '老人腿脚不便，想排在前面。（浏览器旅程）';
const PROVIDER_NOTE = '已为程阿姨理发，顺便检查了助行器，一切正常。';

/** Pages stay in the H5 DOM after navigating on; act on the visible one. */
const visible = (page: Page, selector: string) => page.locator(`${selector} >> visible=true`);

/** Opens 加载更多日期 until a day on the 9th of a month is listed, and returns that day (YYYY-MM-DD). */
async function showNinthOfMonth(page: Page): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const days = await visible(page, '.gz-slot-day').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-date') ?? ''));
    const ninth = days.find((d) => d.endsWith('-09'));
    if (ninth) return ninth;
    await visible(page, '.gz-slots-more').click();
    await page.waitForTimeout(500);
  }
  throw new Error('no 9th-of-month slot within five windows');
}

describe('H5 journey: a resident books the 9th-of-month haircut, the provider completes it, the resident rates it', () => {
  const env = journeyEnvironment();

  it('books in two taps from the slot list, is served and completed on the day plan, and rates on three dimensions', async () => {
    // 1. The resident opens 便民服务 and the 三九 haircut, finds the 9th and books it: tap the slot, tap 确认预约.
    const resident = await newPhonePage(env);
    await signIn(resident, env.server.baseUrl, 'resident3');
    await visible(resident, '.gz-home__services').click();
    await visible(resident, `.gz-service-card:has-text("${SERVICE}")`).click();
    await visible(resident, '.gz-slot').first().waitFor({ timeout: 15000 });
    const day = await showNinthOfMonth(resident);
    const slot = visible(resident, `.gz-slot-day[data-date="${day}"] .gz-slot:not(.gz-slot--full)`).first();
    const freeBefore = await slot.innerText();
    expect(freeBefore).toMatch(/余\s*\d+\s*位/);
    await screenshot(resident, JOURNEY, '01-slots');
    await slot.click();
    await visible(resident, '.gz-booking-sheet').waitFor();
    await visible(resident, '.gz-booking-note textarea').fill(BOOKING_NOTE);
    await screenshot(resident, JOURNEY, '02-confirm-sheet');
    await visible(resident, '.gz-booking-confirm').click();
    await expectText(resident, '.gz-booking-status >> visible=true', '已预约');
    const bookingId = Number(new URL(resident.url().replace('/#/', '/')).searchParams.get('id'));
    expect(bookingId).toBeGreaterThan(0);
    await screenshot(resident, JOURNEY, '03-booked');

    // 2. On the day (the journey's clock moves to that morning): the coordinator of the volunteer team's haircut
    //    (grid leader 苏月) opens the day plan and serves — 已到达 and 完成服务 wait for the visit day.
    await env.server.clock.set(`${day} 09:00:00`);
    const provider = await newPhonePage(env);
    await signIn(provider, env.server.baseUrl, 'gridleader1');
    await provider.goto(`${env.server.baseUrl}/#/subpackages/staff/pages/visits/index?day=${day}`);
    const visit = visible(provider, `.gz-visit-card:has-text("${SERVICE}")`).first();
    await visit.waitFor({ timeout: 15000 });
    await expect(visit.innerText()).resolves.toContain(BOOKING_NOTE);
    await screenshot(provider, JOURNEY, '04-day-plan');
    await visit.click();
    await visible(provider, '.gz-visit-action-confirm').click();
    await expectText(provider, '.gz-booking-status >> visible=true', '已确认');
    await visible(provider, '.gz-visit-action-arrive').click();
    await expectText(provider, '.gz-booking-status >> visible=true', '已到达');
    await visible(provider, '.gz-visit-action-complete').click();
    await visible(provider, '.gz-visit-note textarea').fill(PROVIDER_NOTE);
    const chooser = provider.waitForEvent('filechooser');
    await visible(provider, '.gz-photo-add').click();
    await (await chooser).setFiles({ name: 'haircut.png', mimeType: 'image/png', buffer: photoPng() });
    await visible(provider, '.gz-photo-picker img, .gz-photo-picker .taro-img').first().waitFor();
    await screenshot(provider, JOURNEY, '05-complete-form');
    await visible(provider, '.gz-note-submit').click();
    await expectText(provider, '.gz-booking-status >> visible=true', '已完成');
    await screenshot(provider, JOURNEY, '06-completed');

    // 3. The resident finds it 待评价 in 我的预约, sees the provider's note, and rates 5 / 5 / 4.
    await resident.goto(`${env.server.baseUrl}/`);
    await visible(resident, '.gz-home__bookings').click();
    const card = visible(resident, `.gz-booking-card:has-text("${SERVICE}")`).first();
    await expect(card.innerText()).resolves.toContain('待评价');
    await card.click();
    await expectText(resident, '.gz-provider-note >> visible=true', PROVIDER_NOTE);
    await visible(resident, '.gz-rate-speed .gz-star').nth(4).click();
    await visible(resident, '.gz-rate-effect .gz-star').nth(4).click();
    await visible(resident, '.gz-rate-attitude .gz-star').nth(3).click();
    await screenshot(resident, JOURNEY, '07-rating');
    await visible(resident, '.gz-submit').click();
    await visible(resident, '.gz-rating-view').waitFor({ timeout: 15000 });
    await screenshot(resident, JOURNEY, '08-rated');

    // The API agrees: completed on the 9th, with the provider's note, one photo and the three scores.
    const { call, login } = journeyApi(env.server.baseUrl);
    const booking = await call<{
      status: string;
      service: { name: string };
      slot: { startsAt: string };
      providerNote: string;
      completionPhotos: unknown[];
      rating: { speed: number; effect: number; attitude: number };
      canRate: boolean;
    }>('GET', `/bookings/${bookingId}`, await login('resident3'));
    expect(booking).toMatchObject({
      status: 'COMPLETED',
      service: { name: SERVICE },
      providerNote: PROVIDER_NOTE,
      rating: { speed: 5, effect: 5, attitude: 4 },
      canRate: false,
    });
    expect(booking.completionPhotos).toHaveLength(1);
    const localDay = new Date(new Date(booking.slot.startsAt).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(localDay).toBe(day);
  });
});
