/**
 * Page tests of the 便民服务 subpackage: the real pages with Taro's H5 runtime, only the network replaced.
 * - `enablePageHooks()` gives Taro's page hooks (useRouter, usePullDownRefresh, useDidShow…) the React they run on,
 *   as the H5 app's page config would, and Taro's navigation a hash history; `openPage(params)` sets the route's
 *   query (`useRouter().params`), `currentRoute()` tells where navigateTo / redirectTo went.
 * - `fakeApi(routes)` answers window.fetch (what Taro's web request runs on) like the server would, and records
 *   every call with its parsed JSON body.
 */
import * as React from 'react';
import { configure } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { Current } from '@tarojs/runtime';
import { hooks } from '@tarojs/shared';
import { setHistoryMode } from '@tarojs/router';
import { API_PREFIX, ERROR_MESSAGES, ErrorCode } from '@gezhi/shared';

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

export interface ApiCall {
  method: string;
  /** without the /api prefix, e.g. /services/3/slots */
  path: string;
  query: Record<string, string>;
  body: unknown;
}

/** What a route answers: a body (200), or { status, body } for anything else. */
export type Answer = { status: number; body: unknown };
export type Route = (call: ApiCall) => unknown | Answer;

export const reply = (status: number, body: unknown): Answer => ({ status, body });
/** the server's error envelope for a code */
export const refuse = (status: number, code: ErrorCode): Answer => reply(status, { status, code, message: ERROR_MESSAGES[code] });

const isAnswer = (value: unknown): value is Answer =>
  typeof value === 'object' && value !== null && 'status' in value && 'body' in value && Object.keys(value).length === 2;

/**
 * Routes keyed "METHOD /path" (exact path, query ignored). A route is a value (always answered) or a function of the
 * call. Unknown routes answer 404 ROUTE_NOT_FOUND, so a page calling something unexpected shows it.
 */
export function fakeApi(routes: Record<string, unknown>) {
  const calls: ApiCall[] = [];
  const fetch = jest.fn(async (input: string, init: { method?: string; body?: string } = {}) => {
    const url = new URL(input, 'http://localhost');
    const path = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname;
    const method = (init.method ?? 'GET').toUpperCase();
    const call: ApiCall = {
      method,
      path,
      query: Object.fromEntries(url.searchParams.entries()),
      body: typeof init.body === 'string' && init.body ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const route = routes[`${method} ${path}`];
    const answered = route === undefined ? refuse(404, ErrorCode.RouteNotFound) : typeof route === 'function' ? (route as Route)(call) : route;
    const { status, body } = isAnswer(answered) ? answered : { status: 200, body: answered };
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  });
  window.fetch = fetch as unknown as typeof window.fetch;
  return {
    calls,
    /** the calls of one route, e.g. callsTo('POST', '/bookings') */
    callsTo: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path),
    /** change or add routes (e.g. the slots after someone else booked the last place) */
    set: (more: Record<string, unknown>) => Object.assign(routes, more),
  };
}
