/**
 * Headless smoke of the compiled weapp (dist/weapp): the real compiled home page, rendered by
 * miniprogram-simulate with WeChat's own WXML compiler, a fake server behind wx.request,
 * a demo login by tapping, then a tap on 我要反映 that must navigate to the filing form.
 */
const path = require('path');
const fs = require('fs');
const { createWxShim, installGlobals, simulate } = require('./wx-shim');

const dist = path.resolve(__dirname, '../../dist/weapp');

const RESIDENT = {
  id: 1,
  nickname: '张芬',
  role: 'RESIDENT',
  home: {
    roomId: 501,
    address: '团结街道 明日星城社区 3号楼 2单元 501',
    streetName: '团结街道',
    communityName: '明日星城社区',
    buildingName: '3号楼',
    unitName: '2单元',
    roomNumber: '501',
    gridId: 1,
    gridName: '第一网格',
    gridLeaderName: '李网格',
    gridLeaderPhoneMasked: '138****5678',
  },
  staff: null,
};

/** The fake server: only what the home page asks for. */
function answer({ url, method }) {
  const route = url.replace(/^https?:\/\/[^/]+/, '').split('?')[0];
  if (route === '/api/auth/options')
    return { statusCode: 200, data: { wechatLogin: false, devLogin: true, demoAccounts: [{ account: 'resident1', label: '居民 张芬', role: 'RESIDENT' }] } };
  if (route === '/api/auth/dev-login' && method === 'POST')
    return { statusCode: 200, data: { token: 'smoke-token', expiresIn: 3600, me: RESIDENT } };
  if (route === '/api/me') return { statusCode: 200, data: RESIDENT };
  if (route === '/api/notifications/unread-count') return { statusCode: 200, data: { unread: 2 } };
  return { statusCode: 404, data: { status: 404, code: 'ROUTE_NOT_FOUND', message: '接口不存在' } };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function waitFor(check, what, timeout = 5000) {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

describe('compiled weapp home page', () => {
  const shim = createWxShim({ answer });
  let page;

  beforeAll(() => {
    if (!fs.existsSync(path.join(dist, 'app.js'))) throw new Error('dist/weapp is missing: run `pnpm build:weapp` first');
    installGlobals(shim.wx);
    require(path.join(dist, 'app.js'));
    const id = simulate.load(path.join(dist, 'pages/index/index'), { rootPath: dist });
    page = simulate.render(id);
    page.attach(document.createElement('parent-wrapper'));
  });

  it('renders the login screen with the demo accounts from the server', async () => {
    await waitFor(() => page.querySelector('.gz-demo-account'), 'a demo account row');
    expect(page.dom.textContent).toContain('演示账号登录');
    expect(page.dom.textContent).toContain('居民 张芬');
    expect(shim.requests.map((r) => r.url)).toContain('http://127.0.0.1:3000/api/auth/options');
  });

  it('logs in by tapping a demo account and shows the home with 我要反映', async () => {
    page.querySelector('.gz-demo-account').dispatchEvent('tap');
    await waitFor(() => page.querySelector('.gz-home__report'), 'the 我要反映 button');
    expect(page.dom.textContent).toContain('我要反映');
    expect(page.dom.textContent).toContain('138****5678');
    expect(shim.requests.find((r) => r.url.endsWith('/api/auth/dev-login')).data).toEqual({ account: 'resident1' });
  });

  it('navigates to the filing form when 我要反映 is tapped', async () => {
    page.querySelector('.gz-home__report').dispatchEvent('tap');
    await waitFor(() => shim.navigations.length > 0, 'a navigation');
    expect(shim.navigations).toEqual([{ kind: 'navigateTo', url: '/pages/request-new/index' }]);
  });
});
