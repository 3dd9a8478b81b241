/**
 * Page tests: the real pages with Taro's H5 runtime under jsdom, only the network replaced (./fake-api.ts).
 * - `enablePageHooks()` gives Taro's page hooks (useRouter, usePullDownRefresh, useDidShow…) the React they run on,
 *   as the H5 app's page config would, and Taro's navigation a hash history; `openPage(params)` sets the route's
 *   query (`useRouter().params`), `currentRoute()` tells where navigateTo / redirectTo went.
 * - `renderPage(Page, params)` does the same preparation (without the hash history) and renders the page.
 * - `pickPhotos(container, files)` picks photos in a PhotoPicker as a browser does; they upload through the fake.
 */
import * as React from 'react';
import { configure, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { Current } from '@tarojs/runtime';
import { hooks } from '@tarojs/shared';
import { setHistoryMode } from '@tarojs/router';
import { settle } from './helpers';

// untyped modules (no @types for react-dom in this workspace)
// eslint-disable-next-line @typescript-eslint/no-var-requires
const ReactDOM = require('react-dom') as unknown;
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createH5NativeComponentConfig } = require('@tarojs/plugin-framework-react/dist/runtime') as {
  createH5NativeComponentConfig: (component: unknown, react: unknown, reactDOM: unknown) => unknown;
};

// pages wait on several answers in turn; a busy 2-core machine needs more than waitFor's default second
configure({ asyncUtilTimeout: 5000 });

export function enablePageHooks(): void {
  // the page hooks onto the Taro object the pages import (the H5 app does this when it starts)
  hooks.call('initNativeApi', Taro);
  createH5NativeComponentConfig(() => null, React, ReactDOM);
  // navigateTo / redirectTo move the hash as in the H5 build (router mode 'hash'): see `currentRoute()`
  setHistoryMode('hash');
}

/** Where the pages navigated last, e.g. /subpackages/services/pages/booking/index?id=77 */
export function currentRoute(): string {
  return window.location.hash.replace(/^#/, '');
}

export function openPage(params: Record<string, string> = {}): void {
  (Current as unknown as { router: unknown }).router = { params, path: '/test' };
}

let pagesReady = false;

/** What the app's entry does before any page renders: page hooks on the Taro object, and React for those hooks. */
function preparePages(): void {
  if (pagesReady) return;
  // @tarojs/taro's entry calls this; the tests alias @tarojs/taro to the web API library, which does not
  hooks.call('initNativeApi', Taro);
  createH5NativeComponentConfig(() => null, React, ReactDOM);
  pagesReady = true;
}

/** Renders a page component as if opened with `?key=value…` (read by useRouter()). */
export function renderPage(Page: React.ComponentType, params: Record<string, string> = {}) {
  preparePages();
  (Current as { router: unknown }).router = { params, path: '/test-page', onReady: '', onHide: '', onShow: '' };
  return render(<Page />);
}

/**
 * Picks photos in the PhotoPicker inside `container` the way a browser does: tap 添加照片, then the file input the
 * web chooseImage opened receives the files. The picker uploads each at once (through the fake server).
 */
export async function pickPhotos(container: HTMLElement, files: File[]): Promise<void> {
  const add = container.querySelector('.gz-photo-add');
  if (!add) throw new Error('no photo picker (.gz-photo-add)');
  fireEvent.click(add);
  const input = await waitFor(() => {
    const found = document.getElementById('taroChooseImage') as HTMLInputElement | null;
    if (!found) throw new Error('the image chooser did not open');
    return found;
  });
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  // jsdom never loads images and has no canvas: the chooser waits for the picked image to be `complete` to read
  // its size, then draws a thumbnail on a canvas
  const complete = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'complete');
  const { getContext, toDataURL } = HTMLCanvasElement.prototype;
  Object.defineProperty(HTMLImageElement.prototype, 'complete', { configurable: true, get: () => true });
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof getContext;
  HTMLCanvasElement.prototype.toDataURL = () => 'data:image/jpeg;base64,';
  try {
    fireEvent.change(input);
    await waitFor(() => {
      const done = container.querySelectorAll('.gz-photo-picker__item--done').length;
      if (done < files.length) throw new Error(`${done} of ${files.length} photos uploaded`);
    });
  } finally {
    if (complete) Object.defineProperty(HTMLImageElement.prototype, 'complete', complete);
    Object.assign(HTMLCanvasElement.prototype, { getContext, toDataURL });
  }
  await settle();
}
