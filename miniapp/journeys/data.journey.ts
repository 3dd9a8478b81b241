import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, journeyApi, journeyEnvironment } from './support/actions';
import { SCREENSHOT_DIR, newDesktopPage, screenshot } from './support/browser';

const JOURNEY = 'data';

/**
 * A little of this week's work on top of the demo seed, so every chart has numbers whatever the seed holds:
 * a resident files two items, the grid leader accepts and resolves one, the resident rates it.
 */
async function prepareThisWeeksWork(baseUrl: string): Promise<void> {
  const { call, login } = journeyApi(baseUrl);
  const resident = await login('resident1');
  const leader = await login('gridleader1');
  const file = (description: string, category: string, subcategory: string) =>
    call<{ id: number }>('POST', '/requests', resident, { category, subcategory, description, urgency: 'NORMAL', showNamePublicly: false });
  const first = await file('1单元楼道灯坏了一周，晚上上下楼看不清台阶，老人容易摔倒。（数据旅程）', 'INFRASTRUCTURE', 'LIGHTING');
  await file('小区东门垃圾桶满了没人清运，气味很大。（数据旅程）', 'ENVIRONMENT', 'SANITATION');
  await call('POST', `/requests/${first.id}/accept`, leader);
  await call('POST', `/requests/${first.id}/resolve`, leader, { note: '已更换楼道灯并检查线路，恢复照明。' });
  await call('POST', `/requests/${first.id}/rate`, resident, { speed: 5, effect: 5, attitude: 4, comment: '修得很快' });
}

/** A screenshot of one part of the page (Taro's H5 page scrolls inside its own container, so a full-page shot is the viewport). */
async function partShot(page: Page, selector: string, step: string): Promise<void> {
  const dir = join(SCREENSHOT_DIR, JOURNEY);
  mkdirSync(dir, { recursive: true });
  await page.locator(selector).first().screenshot({ path: join(dir, `${step}.png`) });
}

/** Non-white pixels of every chart canvas (uCharts paints a white background first, then the chart). */
async function chartInk(page: Page): Promise<{ kind: string; width: number; height: number; ink: number; dataUrlLength: number }[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLCanvasElement>('canvas.gz-chart__canvas')).map((canvas) => {
      const context = canvas.getContext('2d')!;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235)) ink++;
      return { kind: canvas.dataset.chartKind ?? '', width: canvas.width, height: canvas.height, ink, dataUrlLength: canvas.toDataURL('image/png').length };
    }),
  );
}

describe('H5 journey: a street officer reads the numbers as charts and downloads the monthly report', () => {
  const env = journeyEnvironment();

  it('logs in, opens 数据 from the workbench, sees the charts drawn, gets the Excel report with a Chinese name, and opens a rank\'s items', async () => {
    await prepareThisWeeksWork(env.server.baseUrl);

    // 1. Desktop browser, account + password.
    const page = await newDesktopPage(env);
    await page.goto(`${env.server.baseUrl}/`);
    await page.locator('.gz-password-login').waitFor();
    await page.locator('.gz-login-account input').fill('street1');
    await page.locator('.gz-login-password input').fill(DEMO_PASSWORD);
    await page.locator('.gz-login-submit').click();

    // 2. 进入工作台 → 数据.
    await page.locator('.gz-home__workbench').click();
    await page.locator('.gz-data-entry').click();
    await page.locator('.gz-kpi--response .gz-kpi__value').waitFor({ timeout: 20000 });

    // 3. The three charts are drawn by the chart library: real pixels on each canvas, a table of numbers under each.
    await page.waitForFunction(() => document.querySelectorAll('canvas.gz-chart__canvas').length === 3, undefined, { timeout: 20000 });
    await page.waitForTimeout(500);
    const ink = await chartInk(page);
    expect(ink.map((c) => c.kind).sort()).toEqual(['bar', 'column', 'line']);
    for (const chart of ink) {
      expect(chart.width).toBeGreaterThan(200);
      expect(chart.height).toBeGreaterThan(100);
      // axes, labels, lines and bars: thousands of coloured pixels; a blank white canvas has none
      expect(chart.ink).toBeGreaterThan(1000);
      expect(chart.dataUrlLength).toBeGreaterThan(5000);
    }
    const trendTable = await page.locator('.gz-chart--trend .gz-chart__table').innerText();
    expect(trendTable).toMatch(/响应率[\s\S]*办结率[\s\S]*满意率/);
    expect(trendTable).toMatch(/\d+(\.\d)?%/);
    const kpi = await page.locator('.gz-kpi--response .gz-kpi__value').innerText();
    expect(kpi).toMatch(/^(\d+\.\d%|—)$/);
    await screenshot(page, JOURNEY, '01-data-page');
    await partShot(page, '.gz-kpis', '02-kpi-cards');
    await partShot(page, '.gz-data__charts', '03-charts');
    await partShot(page, '.gz-chart--trend', '03a-trend-line');
    await partShot(page, '.gz-chart--grids', '03b-grids-bar');
    if (await page.locator('.gz-ranking').count()) await partShot(page, '.gz-ranking', '04-rankings');

    // tapping a card explains its number
    await page.locator('.gz-kpi--resolution').click();
    await expect(page.locator('.gz-kpi--resolution .gz-kpi__fraction').innerText()).resolves.toMatch(/已办结 \d+ \/ 期内受理 \d+|暂无数据/);

    // 4. 导出月报: a real download of the workbook (fetch with the token → Blob → <a download>).
    const downloading = page.waitForEvent('download', { timeout: 30000 });
    await page.locator('.gz-export').click();
    const download = await downloading;
    const name = download.suggestedFilename();
    expect(name).toMatch(/\.xlsx$/);
    expect(name).toMatch(/[\u4e00-\u9fa5]/);
    const file = readFileSync((await download.path())!);
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(file.length).toBeGreaterThan(2000);
    await page.waitForTimeout(800);
    await screenshot(page, JOURNEY, '05-report-downloaded');

    // 5. A red-list entry opens the items that made its rank (when the month has ranked grids).
    if (await page.locator('.gz-rank--red').count()) {
      const unit = (await page.locator('.gz-rank--red .gz-rank__name').first().innerText()).replace(/（.*）/, '').trim();
      await page.locator('.gz-rank--red').first().click();
      await page.locator('.gz-metric-item').first().waitFor({ timeout: 15000 });
      await expect(page.locator('.gz-metric-items .gz-section-title').first().innerText()).resolves.toContain(unit);
      expect(await page.locator('.gz-metric-item__mark--hit, .gz-metric-item__mark--miss').count()).toBeGreaterThan(0);
      await page.waitForTimeout(500);
      await screenshot(page, JOURNEY, '06-ranking-items');
    }
  });
});
