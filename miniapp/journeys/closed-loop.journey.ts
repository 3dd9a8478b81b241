import type { Browser, Page } from 'playwright-core';
import { deflateSync } from 'node:zlib';
import { launchChromium, newPhonePage, screenshot } from './support/browser';
import { startServer, type RunningServer } from './support/server';

const JOURNEY = 'closed-loop';
const DESCRIPTION = '2单元三楼楼道堆满纸箱和旧家具，挡住了消防通道，请帮忙清理。（浏览器旅程）';
const RESULT_NOTE = '已联系物业和住户，当天清理完毕，消防通道恢复畅通。';

/** A small real PNG (a blue square), as a phone camera would hand the picker an image file. */
function photoPng(): Buffer {
  const size = 32;
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => [30, 120, 200]).flat())]);
  const pixels = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function signIn(page: Page, baseUrl: string, account: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.locator('.gz-demo-account', { hasText: account }).click();
  await page.locator('.gz-demo-account').first().waitFor({ state: 'detached' });
}

async function tapButton(page: Page, text: string): Promise<void> {
  await page.locator('.nut-button', { hasText: text }).last().click();
}

describe('H5 journey: the closed loop from filing to rating', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a resident files with a photo, the grid leader accepts and resolves, the resident rates and sees it closed', async () => {
    // 1. The resident files a request with a photo.
    const resident = await newPhonePage(browser);
    await signIn(resident, server.baseUrl, 'resident1');
    await screenshot(resident, JOURNEY, '01-resident-home');
    await tapButton(resident, '我要反映');
    await resident.locator('.gz-chip', { hasText: '环境整治' }).click();
    await resident.locator('.gz-chip', { hasText: '楼道堆物' }).click();
    await resident.locator('.gz-description textarea').fill(DESCRIPTION);
    const chooser = resident.waitForEvent('filechooser');
    await resident.locator('.gz-photo-add').click();
    await (await chooser).setFiles({ name: 'corridor.png', mimeType: 'image/png', buffer: photoPng() });
    await resident.locator('.gz-photo-picker img, .gz-photo-picker .taro-img').first().waitFor();
    await screenshot(resident, JOURNEY, '02-resident-filing-form');
    await tapButton(resident, '提交');
    await resident.locator('.gz-timeline-item').first().waitFor();
    await expectText(resident, '.gz-status-tag', '待签收');
    await expectText(resident, 'body', DESCRIPTION);
    await screenshot(resident, JOURNEY, '03-resident-filed');

    // 2. The grid leader of that building's grid accepts and resolves it (a second browser context).
    const leader = await newPhonePage(browser);
    await signIn(leader, server.baseUrl, 'gridleader1');
    await tapButton(leader, '进入工作台');
    const card = leader.locator('.gz-request-card', { hasText: DESCRIPTION.slice(0, 20) });
    await card.waitFor();
    await screenshot(leader, JOURNEY, '04-leader-inbox');
    await card.click();
    await leader.locator('.gz-action-accept').click();
    await expectText(leader, '.gz-status-tag', '处理中');
    await leader.locator('.gz-action-resolve').click();
    await leader.locator('.gz-note textarea').fill(RESULT_NOTE);
    await leader.locator('.gz-note-submit').click();
    await expectText(leader, '.gz-status-tag', '待评价');
    await screenshot(leader, JOURNEY, '05-leader-resolved');

    // 3. The resident sees the result and rates it 5 / 4 / 5.
    await resident.reload();
    await expectText(resident, '.gz-status-tag', '待评价');
    await expectText(resident, 'body', RESULT_NOTE);
    await resident.locator('.gz-rate-speed .gz-star').nth(4).click();
    await resident.locator('.gz-rate-effect .gz-star').nth(3).click();
    await resident.locator('.gz-rate-attitude .gz-star').nth(4).click();
    await screenshot(resident, JOURNEY, '06-resident-rating');
    await tapButton(resident, '提交评价');

    // 4. Closed, with the rating on the item.
    await expectText(resident, '.gz-status-tag', '已办结');
    const body = await resident.locator('body').innerText();
    expect(body).toMatch(/办理速度[\s\S]*5/);
    expect(body).toMatch(/解决效果[\s\S]*4/);
    const timeline = await resident.locator('.gz-timeline-item').allInnerTexts();
    expect(timeline.join('\n')).toMatch(/签收[\s\S]*办结[\s\S]*评价/);
    await screenshot(resident, JOURNEY, '07-resident-closed');

    // The API agrees with what the pages show.
    const login = await fetch(`${server.baseUrl}/api/auth/dev-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ account: 'resident1' }),
    });
    const { token } = await login.json();
    const mine = await (await fetch(`${server.baseUrl}/api/requests/mine`, { headers: { authorization: `Bearer ${token}` } })).json();
    const item = mine.items.find((r: { excerpt: string }) => DESCRIPTION.startsWith(r.excerpt.replace(/…$/, '')));
    expect(item).toMatchObject({ status: 'CLOSED' });
    expect(item.thumbnail).not.toBeNull();
  });
});

async function expectText(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector, { hasText: text }).first().waitFor({ timeout: 15000 });
}
