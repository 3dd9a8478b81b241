/**
 * Just enough of the WeChat runtime for a Taro-compiled page to run under miniprogram-simulate:
 * `wx` (storage in memory, request answered by a fake server, navigation recorded), `App`, `Page`, `getApp`.
 */
const simulate = require('miniprogram-simulate');

function createWxShim({ answer }) {
  const storage = new Map();
  const navigations = [];
  const requests = [];
  const ok = (extra = {}) => ({ errMsg: 'ok', ...extra });
  const later = (fn) => setTimeout(fn, 0);
  const asyncApi = (name, result = () => ok()) => (options = {}) => {
    later(() => {
      const res = result(options);
      options.success?.(res);
      options.complete?.(res);
    });
  };
  const navigate = (kind) => (options = {}) => {
    navigations.push({ kind, url: options.url });
    later(() => options.success?.(ok()));
  };

  const wx = {
    getSystemInfoSync: () => ({ platform: 'devtools', windowWidth: 375, windowHeight: 667, pixelRatio: 2, SDKVersion: '3.5.0' }),
    getSystemInfo: asyncApi('getSystemInfo', () => wx.getSystemInfoSync()),
    getAppBaseInfo: () => ({ SDKVersion: '3.5.0', fontSizeSetting: 16 }),
    getWindowInfo: () => ({ windowWidth: 375, windowHeight: 667, pixelRatio: 2 }),
    getDeviceInfo: () => ({ platform: 'devtools' }),
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 24, right: 365, bottom: 56, left: 278 }),
    canIUse: () => true,
    nextTick: (fn) => later(fn),
    getStorageSync: (key) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key, value) => storage.set(key, value),
    removeStorageSync: (key) => storage.delete(key),
    getStorage: (o) => later(() => (storage.has(o.key) ? o.success?.(ok({ data: storage.get(o.key) })) : o.fail?.({ errMsg: 'not found' }))),
    setStorage: (o) => later(() => { storage.set(o.key, o.data); o.success?.(ok()); }),
    request: (options) => {
      requests.push({ method: options.method || 'GET', url: options.url, data: options.data });
      const { statusCode, data } = answer(options);
      later(() => {
        const res = ok({ statusCode, data, header: {} });
        options.success?.(res);
        options.complete?.(res);
      });
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} };
    },
    login: asyncApi('login', () => ok({ code: 'simulated-code' })),
    navigateTo: navigate('navigateTo'),
    redirectTo: navigate('redirectTo'),
    switchTab: navigate('switchTab'),
    reLaunch: navigate('reLaunch'),
    navigateBack: navigate('navigateBack'),
    showToast: asyncApi('showToast'),
    hideToast: asyncApi('hideToast'),
    showModal: asyncApi('showModal', () => ok({ confirm: true, cancel: false })),
    showLoading: asyncApi('showLoading'),
    hideLoading: asyncApi('hideLoading'),
    setTabBarBadge: asyncApi('setTabBarBadge'),
    removeTabBarBadge: asyncApi('removeTabBarBadge'),
    stopPullDownRefresh: asyncApi('stopPullDownRefresh'),
    createSelectorQuery: () => {
      const query = { select: () => query, selectAll: () => query, selectViewport: () => query, boundingClientRect: () => query, scrollOffset: () => query, fields: () => query, in: () => query, exec: (cb) => later(() => cb?.([])) };
      return query;
    },
    onAppShow() {},
    onAppHide() {},
    offAppShow() {},
    offAppHide() {},
    getLaunchOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001 }),
    getEnterOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001 }),
    env: { USER_DATA_PATH: 'wxfile://usr' },
  };
  return { wx, navigations, requests };
}

/** App/Page/getApp/getCurrentPages globals; a Page is registered as a simulate component that runs onLoad/onShow when attached. */
function installGlobals(wx) {
  let app = null;
  const pages = [];
  global.wx = wx;
  global.App = (config) => {
    app = config;
    config.onLaunch?.call(config, { path: 'pages/index/index', query: {}, scene: 1001 });
    config.onShow?.call(config, { path: 'pages/index/index', query: {} });
  };
  global.getApp = () => app;
  global.getCurrentPages = () => pages;
  global.Page = (config) => {
    const methods = {};
    const data = {};
    for (const [key, value] of Object.entries(config)) {
      if (typeof value === 'function') methods[key] = value;
      else if (key === 'data') Object.assign(data, value);
    }
    const route = config.route || '';
    global.Component({
      data,
      methods,
      lifetimes: {
        attached() {
          this.route = route;
          this.options = {};
          pages.push(this);
          this.onLoad?.({});
          this.onShow?.();
          this.onReady?.();
        },
        detached() {
          this.onUnload?.();
        },
      },
    });
  };
  return { getApp: () => app };
}

module.exports = { createWxShim, installGlobals, simulate };
