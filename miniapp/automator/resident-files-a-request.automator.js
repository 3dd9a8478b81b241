/**
 * A resident files a request in the real WeChat runtime (WeChat DevTools + miniprogram-automator):
 * demo login → 我要反映 → category, sub-category, description → 提交 → the new item's detail shows 待签收.
 *
 * Needs: dist/weapp built, the API server on TARO_APP_API_BASE (default http://127.0.0.1:3000) with the dev login
 * and seed data, DevTools' "服务端口" enabled. Env: WECHAT_DEVTOOLS_CLI (path to the DevTools `cli`),
 * optional GEZHI_DEMO_ACCOUNT (default resident1, a resident with a bound home), WECHAT_DEVTOOLS_WS (connect
 * to an already running automation session instead of launching one).
 */
const path = require('path');
const automator = require('miniprogram-automator');

const projectPath = path.resolve(__dirname, '..');
const account = process.env.GEZHI_DEMO_ACCOUNT || 'resident1';
const description = `自动化测试：3号楼2单元楼道堆放纸箱，堵住消防通道（${new Date().toISOString()}）`;

async function waitForElement(page, selector, timeout = 15000) {
  const started = Date.now();
  for (;;) {
    const element = await page.$(selector);
    if (element) return element;
    if (Date.now() - started > timeout) throw new Error(`no ${selector} on ${page.path} after ${timeout} ms`);
    await page.waitFor(300);
  }
}

async function findByText(page, selector, text) {
  const started = Date.now();
  for (;;) {
    for (const element of await page.$$(selector)) {
      if ((await element.text()).includes(text)) return element;
    }
    if (Date.now() - started > 15000) throw new Error(`no ${selector} containing "${text}" on ${page.path}`);
    await page.waitFor(300);
  }
}

async function waitForPage(miniProgram, pagePath, timeout = 15000) {
  const started = Date.now();
  for (;;) {
    const page = await miniProgram.currentPage();
    if (page && page.path === pagePath) return page;
    if (Date.now() - started > timeout) throw new Error(`still on ${page && page.path}, expected ${pagePath}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

describe('resident files a request (real WeChat runtime)', () => {
  let miniProgram;

  beforeAll(async () => {
    if (process.env.WECHAT_DEVTOOLS_WS) {
      miniProgram = await automator.connect({ wsEndpoint: process.env.WECHAT_DEVTOOLS_WS });
    } else {
      if (!process.env.WECHAT_DEVTOOLS_CLI) throw new Error('set WECHAT_DEVTOOLS_CLI to the WeChat DevTools cli (see docs/miniapp-notes.md)');
      miniProgram = await automator.launch({ cliPath: process.env.WECHAT_DEVTOOLS_CLI, projectPath, trustProject: true });
    }
    // start signed out
    await miniProgram.callWxMethod('removeStorageSync', 'gz.token');
  });

  afterAll(async () => {
    if (miniProgram) await miniProgram.close();
  });

  it('logs in with a demo account', async () => {
    const home = await miniProgram.reLaunch('/pages/index/index');
    const row = await findByText(home, '.gz-demo-account', account);
    await row.tap();
    const report = await waitForElement(home, '.gz-home__report');
    expect(await report.text()).toContain('我要反映');
  });

  it('files a request and lands on its detail, waiting for the grid leader', async () => {
    const home = await miniProgram.currentPage();
    await (await waitForElement(home, '.gz-home__report')).tap();

    const form = await waitForPage(miniProgram, 'pages/request-new/index');
    await (await findByText(form, '.gz-chip', '环境整治')).tap();
    await (await findByText(form, '.gz-chip', '楼道堆物')).tap();
    await (await waitForElement(form, '.gz-description')).input(description);
    await (await waitForElement(form, '.gz-submit')).tap();

    const detail = await waitForPage(miniProgram, 'pages/request-detail/index', 20000);
    const status = await waitForElement(detail, '.gz-status-tag');
    expect(await status.text()).toContain('待签收');
    const timeline = await detail.$$('.gz-timeline-item');
    expect(timeline.length).toBeGreaterThanOrEqual(1);
    expect(await (await waitForElement(detail, '.gz-detail-description')).text()).toContain('自动化测试');
  });

  it('shows the new request at the top of 我的诉求', async () => {
    const list = await miniProgram.switchTab('/pages/my-requests/index');
    const first = await waitForElement(list, '.gz-request-card');
    expect(await first.text()).toContain('楼道堆物');
  });
});
