#!/usr/bin/env node
/**
 * Checks the compiled mini-program in dist/weapp (run after `pnpm build:weapp`):
 *  1. package sizes: the main package (everything outside the subpackage roots) must stay under 1 MB
 *     (WeChat's hard limit is 2 MB per package; we keep half of it as headroom), each subpackage under 2 MB;
 *  2. WeChat's own WXML (wcc) and WXSS (wcsc) compilers from miniprogram-compiler accept every file;
 *  3. a headless smoke of the compiled home page with miniprogram-simulate (scripts/weapp-smoke/).
 * Exits non-zero on any failure.
 */
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const dist = path.resolve(__dirname, '../dist/weapp');
const MAIN_LIMIT = 1024 * 1024;
const SUBPACKAGE_LIMIT = 2 * 1024 * 1024;
/** subpackages that must exist, with pages that must never end up in the main package */
const EXPECTED_SUBPACKAGES = {
  'subpackages/staff': ['pages/inbox/index', 'pages/request-detail/index', 'pages/file-on-behalf/index', 'pages/visits/index', 'pages/visit/index',
    'pages/catalogue/index', 'pages/catalogue-edit/index', 'pages/catalogue-slots/index',
    'pages/data/index', 'pages/metric-items/index', 'pages/review/index', 'pages/projects/index', 'pages/project/index'],
  'subpackages/liaison': ['pages/inbox/index', 'pages/request-detail/index'],
  'subpackages/community': ['pages/board/index'],
  'subpackages/services': ['pages/catalogue/index', 'pages/service/index', 'pages/my-bookings/index', 'pages/booking/index', 'pages/ask/index'],
};
/** libraries only staff screens use: they must stay out of the main package (a marker string of each) */
const STAFF_ONLY_LIBRARIES = { 'uCharts (@qiun/ucharts)': '[uCharts]' };
const failures = [];

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

function checkSizes() {
  const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'));
  const roots = (app.subPackages || app.subpackages || []).map((p) => p.root.replace(/\/+$/, ''));
  const sizes = { main: 0 };
  roots.forEach((root) => (sizes[root] = 0));
  for (const file of listFiles(dist)) {
    const relative = path.relative(dist, file).split(path.sep).join('/');
    // not part of any uploaded package
    if (relative === 'project.config.json' || relative.endsWith('.LICENSE.txt') || relative.endsWith('.map')) continue;
    const root = roots.find((r) => relative === r || relative.startsWith(`${r}/`));
    sizes[root || 'main'] += fs.statSync(file).size;
  }
  console.log('package sizes (dist/weapp):');
  console.log(`  ${'main package'.padEnd(30)} ${kb(sizes.main).padStart(10)}  (limit ${kb(MAIN_LIMIT)})`);
  for (const root of roots) {
    console.log(`  ${`subpackage ${root}`.padEnd(30)} ${kb(sizes[root]).padStart(10)}  (limit ${kb(SUBPACKAGE_LIMIT)})`);
  }
  if (sizes.main > MAIN_LIMIT) failures.push(`main package is ${kb(sizes.main)}, over ${kb(MAIN_LIMIT)}`);
  for (const root of roots) {
    if (sizes[root] > SUBPACKAGE_LIMIT) failures.push(`subpackage ${root} is ${kb(sizes[root])}, over ${kb(SUBPACKAGE_LIMIT)}`);
  }
  // the staff and liaison screens are subpackages: residents never download them
  for (const [root, pages] of Object.entries(EXPECTED_SUBPACKAGES)) {
    const declared = (app.subPackages || app.subpackages || []).find((p) => p.root.replace(/\/+$/, '') === root);
    if (!declared) {
      failures.push(`subpackage ${root} is not declared in app.json`);
      continue;
    }
    for (const page of pages) {
      if (!declared.pages.includes(page)) failures.push(`page ${root}/${page} is not in subpackage ${root}`);
      if (!fs.existsSync(path.join(dist, root, `${page}.js`))) failures.push(`page ${root}/${page}.js was not emitted`);
    }
    if ((app.pages || []).some((p) => p.startsWith(`${root}/`))) failures.push(`a page of ${root} is listed in the main package`);
  }
  // the chart library is bundled with the staff pages only (Taro's optimizeMainPackage keeps it out of the main vendors)
  for (const [library, marker] of Object.entries(STAFF_ONLY_LIBRARIES)) {
    const holders = listFiles(dist)
      .filter((f) => f.endsWith('.js') && fs.readFileSync(f, 'utf8').includes(marker))
      .map((f) => path.relative(dist, f).split(path.sep).join('/'));
    const inMain = holders.filter((f) => !roots.some((r) => f.startsWith(`${r}/`)));
    if (inMain.length) failures.push(`${library} is in the main package: ${inMain.join(', ')}`);
    else if (holders.length) console.log(`  ${library} only in: ${holders.join(', ')}`);
  }
  const subpackageTotal = roots.reduce((sum, root) => sum + sizes[root], 0);
  console.log(`  ${'total (main + subpackages)'.padEnd(30)} ${kb(sizes.main + subpackageTotal).padStart(10)}  (WeChat limit 20 MB)`);
  // tabBar pages must live in the main package
  for (const tab of app.tabBar?.list || []) {
    if (roots.some((r) => tab.pagePath.startsWith(`${r}/`))) failures.push(`tabBar page ${tab.pagePath} is inside a subpackage`);
  }
}

function checkTemplates() {
  const wxmlToJs = require('miniprogram-compiler').wxmlToJs;
  const wcsc = require('miniprogram-compiler/src/wcsc');
  const rel = (ext) =>
    listFiles(dist)
      .filter((f) => f.endsWith(ext))
      .map((f) => path.relative(dist, f).split(path.sep).join('/'));
  const wxml = rel('.wxml');
  const wxss = rel('.wxss');
  try {
    const started = Date.now();
    const source = wxmlToJs(dist); // throws with wcc's message on a malformed template
    // the generated module expects the webview's globals
    global.window = global.window || { __webview_engine_version__: 0.02 };
    global.__wxAppCode__ = global.__wxAppCode__ || {};
    // eslint-disable-next-line no-new-func
    const $gwx = new Function(source)();
    for (const file of wxml) {
      if (typeof $gwx(file) !== 'function') failures.push(`wcc produced no template for ${file}`);
    }
    console.log(`wcc:  ${wxml.length} WXML files compiled in ${Date.now() - started} ms`);
  } catch (error) {
    failures.push(`WXML compile failed: ${error.message}`);
  }
  const started = Date.now();
  const result = wcsc(dist, wxss.map((f) => f.slice(0, -'.wxss'.length)), {});
  if (result instanceof Error) failures.push(`WXSS compile failed: ${result.message}`);
  else console.log(`wcsc: ${wxss.length} WXSS files compiled in ${Date.now() - started} ms`);
}

function runSmoke() {
  const jest = require.resolve('jest/bin/jest');
  const run = spawnSync(process.execPath, [jest, '--config', path.join(__dirname, 'weapp-smoke/jest.config.js')], {
    stdio: 'inherit',
    cwd: path.resolve(__dirname, '..'),
  });
  if (run.status !== 0) failures.push('miniprogram-simulate smoke failed');
}

if (!fs.existsSync(path.join(dist, 'app.json'))) {
  console.error('dist/weapp/app.json not found: run `pnpm --filter @gezhi/miniapp build:weapp` first');
  process.exit(1);
}
checkSizes();
checkTemplates();
runSmoke();

if (failures.length) {
  console.error(`\ncheck:weapp FAILED:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exit(1);
}
console.log('\ncheck:weapp passed');
