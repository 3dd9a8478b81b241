import path from 'path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * The API base URL is a build-time constant (`API_BASE`):
 * - weapp: `TARO_APP_API_BASE` or http://127.0.0.1:3000 (a phone needs the server's LAN/HTTPS address);
 * - h5: `TARO_APP_API_BASE` or '' — same origin, because the server serves the H5 build at `/`.
 */
function apiBase(): string {
  const fromEnv = process.env.TARO_APP_API_BASE;
  if (fromEnv !== undefined) return fromEnv.replace(/\/+$/, '');
  return process.env.TARO_ENV === 'h5' ? '' : 'http://127.0.0.1:3000';
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'gezhi-miniapp',
    date: '2026-11-22',
    // NutUI React's own files are written for a 375 px design.
    designWidth: 375,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: ['@tarojs/plugin-html'],
    defineConstants: {
      API_BASE: JSON.stringify(apiBase()),
    },
    alias: {
      // Compile the contract from source: no build-order dependency on shared/dist.
      '@gezhi/shared': path.resolve(__dirname, '../../shared/src/index.ts'),
      '@': path.resolve(__dirname, '../src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    sass: {},
    mini: {
      compile: { include: [path.resolve(__dirname, '../../shared/src')] },
      postcss: {
        pxtransform: { enable: true, config: { selectorBlackList: ['nut-'] } },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [path.resolve(__dirname, '../../shared/src')] },
      esnextModules: ['nutui-react'],
      postcss: {
        // maxRootSize 24: phones scale as before (20 px root at 375 wide), a desktop browser (staff, liaisons) at
        // most 1.2× instead of Taro's default 2× (the root size follows the window's shorter side)
        pxtransform: { enable: true, config: { selectorBlackList: ['nut-'], maxRootSize: 24 } },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
