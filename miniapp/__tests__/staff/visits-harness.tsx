/**
 * Page tests for the staff subpackage: render a whole Taro page (router params, page hooks) under jsdom, with only
 * the network replaced — `window.fetch` (what Taro's web `request` runs on) and `XMLHttpRequest` (what its
 * `uploadFile` runs on) answer from a small in-memory route table and record every call.
 */
import * as React from 'react';
import Taro from '@tarojs/taro';
import { hooks } from '@tarojs/shared';
import { Current } from '@tarojs/runtime';
import { configure, fireEvent, render, waitFor } from '@testing-library/react';
import { API_PREFIX, ErrorCode } from '@gezhi/shared';
import { settle } from '../helpers';

/* eslint-disable @typescript-eslint/no-var-requires -- untyped runtime modules */
const ReactDOM = require('react-dom');
const { createH5NativeComponentConfig } = require('@tarojs/plugin-framework-react/dist/runtime');
/* eslint-enable @typescript-eslint/no-var-requires */

// a page waits on several answers in turn; on a busy machine that takes longer than waitFor's default second
configure({ asyncUtilTimeout: 5000 });

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

export interface RecordedCall {
  method: string;
  /** without the /api prefix, e.g. /provider/visits/7/complete */
  path: string;
  query: Record<string, string>;
  /** the parsed JSON body (FormData for uploads) */
  body: unknown;
}

export interface Reply {
  status: number;
  body: unknown;
}

const REPLY = Symbol('reply');
/** An answer with a status other than 200, e.g. `reply(409, errorEnvelope(ErrorCode.IllegalTransition))`. */
export const reply = (status: number, body: unknown): Reply => ({ status, body, [REPLY]: true }) as Reply;
const isReply = (value: unknown): value is Reply => typeof value === 'object' && value !== null && REPLY in value;

/** The server's error envelope. */
export const errorEnvelope = (code: ErrorCode, status = 409) => ({ status, code, message: code });

/** `METHOD /path/:param` → handler; the handler's result is the 200 body unless it is a `reply(...)`. */
export type Routes = Record<string, (call: RecordedCall, params: Record<string, string>) => unknown>;

function compile(routes: Routes) {
  return Object.entries(routes).map(([key, handler]) => {
    const [method, pattern] = key.split(' ');
    const names: string[] = [];
    const regex = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, name: string) => (names.push(name), '([^/]+)'))}$`);
    return { method, regex, names, handler };
  });
}

export interface FakeServer {
  calls: RecordedCall[];
  /** the calls of one method and path, e.g. callsTo('POST', '/provider/visits/7/complete') */
  callsTo: (method: string, path: string) => RecordedCall[];
  restore: () => void;
}

/** Installs the fake network for one test; `restore()` puts the real one back. */
export function fakeServer(routes: Routes): FakeServer {
  const table = compile(routes);
  const calls: RecordedCall[] = [];
  const blobs = new Map<string, Blob>();
  let nextBlob = 0;

  const answer = async (method: string, url: string, body: unknown): Promise<Reply> => {
    const parsed = new URL(url, 'http://localhost');
    const path = parsed.pathname.startsWith(API_PREFIX) ? parsed.pathname.slice(API_PREFIX.length) : parsed.pathname;
    const call: RecordedCall = { method, path, query: Object.fromEntries(parsed.searchParams.entries()), body };
    calls.push(call);
    for (const route of table) {
      const match = route.method === method ? route.regex.exec(path) : null;
      if (!match) continue;
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
      const result = await route.handler(call, params);
      return isReply(result) ? result : { status: 200, body: result };
    }
    return { status: 404, body: errorEnvelope(ErrorCode.NotFound, 404) };
  };

  const realFetch = window.fetch;
  const realXhr = window.XMLHttpRequest;
  const realCreateObjectUrl = URL.createObjectURL;

  window.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const text = typeof init?.body === 'string' ? init.body : '';
    const { status, body } = await answer((init?.method ?? 'GET').toUpperCase(), String(input), text ? JSON.parse(text) : undefined);
    return new Response(JSON.stringify(body ?? null), { status, headers: { 'Content-Type': 'application/json' } });
  }) as typeof window.fetch;

  /** Taro's web uploadFile: GET the picked blob: URL, then POST it as multipart */
  class FakeXhr {
    upload: { onprogress: ((e: { loaded: number; total: number }) => void) | null } = { onprogress: null };
    readyState = 0;
    status = 0;
    response: unknown = null;
    responseText = '';
    responseType = '';
    withCredentials = false;
    onload: (() => void) | null = null;
    onerror: ((e: Error) => void) | null = null;
    onabort: (() => void) | null = null;
    onreadystatechange: (() => void) | null = null;
    private method = 'GET';
    private url = '';
    open(method: string, url: string) {
      this.method = method.toUpperCase();
      this.url = url;
    }
    setRequestHeader() {}
    getAllResponseHeaders() {
      return '';
    }
    abort() {}
    send(body?: unknown) {
      setTimeout(async () => {
        if (this.url.startsWith('blob:')) {
          const blob = blobs.get(this.url);
          this.status = blob ? 200 : 404;
          this.response = blob ?? null;
        } else {
          this.upload.onprogress?.({ loaded: 1, total: 1 });
          const { status, body: result } = await answer(this.method, this.url, body);
          this.status = status;
          this.responseText = JSON.stringify(result);
          this.response = this.responseText;
        }
        this.readyState = 4;
        this.onload?.call(this);
      }, 0);
    }
  }
  window.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
  // jsdom has no object URLs; the web chooseImage makes one per picked file
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:http://localhost/photo-${++nextBlob}`;
    blobs.set(url, blob);
    return url;
  };

  return {
    calls,
    callsTo: (method, path) => calls.filter((c) => c.method === method && c.path === path),
    restore: () => {
      window.fetch = realFetch;
      window.XMLHttpRequest = realXhr;
      URL.createObjectURL = realCreateObjectUrl;
    },
  };
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
