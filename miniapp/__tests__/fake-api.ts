/**
 * The one fake API of the page tests: the network boundary answers like the server would, from routes keyed
 * "METHOD /path" and typed by the shared route table (API_ROUTES in @gezhi/shared, shared/src/routes.ts).
 * - `window.fetch` (what Taro's web request runs on) and `XMLHttpRequest` (what its uploadFile runs on) are replaced;
 *   `URL.createObjectURL` too (jsdom has none; the web chooseImage makes one per picked file). `restore()` puts them back.
 * - A key is an exact path (`GET /services/3/slots`) or a route pattern (`GET /services/:id/slots`), with or without
 *   the /api prefix; exact keys win. A literal key must name a route of the table (a typo does not compile) and its
 *   answer is checked against the route's response type: a fixture may leave out fields the page does not read, but
 *   every field it gives has the contract's type.
 * - An answer is a value (200), a `reply(status, body, headers?)`, or a function of the call and the path parameters
 *   returning either (or a promise of one). A Uint8Array body is sent as a file. Unknown routes answer 404
 *   ROUTE_NOT_FOUND, so a page calling something unexpected shows it.
 * - Every call is recorded with its path (without /api), query, headers and parsed JSON body (FormData for uploads).
 */
import { API_PREFIX, ERROR_MESSAGES, ErrorCode, type ApiRoutes, type RouteName, type RouteResponse } from '@gezhi/shared';

export interface ApiCall {
  method: string;
  /** without the /api prefix, e.g. /services/3/slots */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** the parsed JSON body (FormData for uploads) */
  body: unknown;
}

const REPLY = Symbol('reply');
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}
/** An answer with a status other than 200 (or with headers), e.g. `reply(201, booking)`. */
export const reply = (status: number, body: unknown, headers?: Record<string, string>): Reply =>
  ({ status, body, headers, [REPLY]: true }) as Reply;
const isReply = (value: unknown): value is Reply => typeof value === 'object' && value !== null && REPLY in value;

/** The server's error envelope for a code, with its user-facing message. */
export const refuse = (status: number, code: ErrorCode): Reply => reply(status, { status, code, message: ERROR_MESSAGES[code] });
/** The server's error envelope, message left as the code: `reply(409, errorEnvelope(ErrorCode.IllegalTransition))`. */
export const errorEnvelope = (code: ErrorCode, status = 409) => ({ status, code, message: code });

// ---- the keys' types, from the route table ----

type DeepPartial<T> = T extends readonly (infer U)[] ? DeepPartial<U>[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;
type WithoutPrefix<K extends string> = K extends `${infer M} /api/${infer P}` ? `${M} /${P}` : K;
type Segments<P extends string> = P extends `/${infer Head}/${infer Rest}` ? [Head, ...Segments<`/${Rest}`>] : P extends `/${infer Last}` ? [Last] : [];
type SameSegments<K extends string[], R extends string[]> = K extends [infer KH, ...infer KT extends string[]]
  ? R extends [infer RH, ...infer RT extends string[]]
    ? RH extends `:${string}`
      ? SameSegments<KT, RT>
      : [KH] extends [RH]
        ? SameSegments<KT, RT>
        : false
    : false
  : R extends []
    ? true
    : false;
type Exact<M, P> = { [N in RouteName]: ApiRoutes[N]['method'] extends M ? (ApiRoutes[N]['path'] extends P ? N : never) : never }[RouteName];
type Patterned<M, P extends string> = {
  [N in RouteName]: ApiRoutes[N]['method'] extends M ? (SameSegments<Segments<P>, Segments<ApiRoutes[N]['path']>> extends true ? N : never) : never;
}[RouteName];
/** The route(s) of the table a key answers for (an exact path first, else the patterns it fits). */
export type RouteOfKey<K extends string> = WithoutPrefix<K> extends `${infer M} ${infer P}` ? ([Exact<M, P>] extends [never] ? Patterned<M, P> : Exact<M, P>) : never;

type Answer<T> = DeepPartial<T> | Reply;
export type Handler<T = unknown> = (call: ApiCall, params: Record<string, string>) => Answer<T> | undefined | Promise<Answer<T> | undefined>;
type AnswerFor<K> = string extends K
  ? unknown // a computed key (`GET /bookings/${id}`): not checked
  : K extends string
    ? [RouteOfKey<K>] extends [never]
      ? never // no such route in the table
      : Answer<RouteResponse<ApiRoutes[RouteOfKey<K>]>> | Handler<RouteResponse<ApiRoutes[RouteOfKey<K>]>>
    : never;
export type FakeRoutes<T> = { [K in keyof T]: AnswerFor<K> };

export interface FakeApi {
  calls: ApiCall[];
  fetch: jest.Mock;
  /** the calls of one route: callsTo('POST', '/bookings'), or of a path whatever the method: callsTo('/api/board') */
  callsTo(method: string, path?: string): ApiCall[];
  /** change or add routes (e.g. the slots after someone else booked the last place) */
  set<T>(more: FakeRoutes<T>): void;
  /** puts the real fetch, XMLHttpRequest and URL.createObjectURL back */
  restore(): void;
}

const stripPrefix = (path: string) => (path === API_PREFIX || path.startsWith(`${API_PREFIX}/`) ? path.slice(API_PREFIX.length) || '/' : path);

interface CompiledRoute {
  key: string;
  method: string;
  exact: string | null;
  regex: RegExp | null;
  names: string[];
  answer: unknown;
}

function compile(key: string, answer: unknown): CompiledRoute {
  const space = key.indexOf(' ');
  const method = key.slice(0, space).toUpperCase();
  const path = stripPrefix(key.slice(space + 1));
  if (!path.includes(':')) return { key, method, exact: path, regex: null, names: [], answer };
  const names: string[] = [];
  const regex = new RegExp(`^${path.replace(/:(\w+)/g, (_, name: string) => (names.push(name), '([^/]+)'))}$`);
  return { key, method, exact: null, regex, names, answer };
}

/** Installs the fake network for one test. */
export function fakeApi<T>(routes: FakeRoutes<T>): FakeApi {
  let table: CompiledRoute[] = [];
  const add = (more: object) => {
    for (const [key, answer] of Object.entries(more)) table = [...table.filter((r) => r.key !== key), compile(key, answer)];
  };
  add(routes);
  const calls: ApiCall[] = [];
  const blobs = new Map<string, Blob>();
  let nextBlob = 0;

  const answer = async (method: string, url: string, headers: Record<string, string>, body: unknown): Promise<Reply> => {
    const parsed = new URL(url, 'http://localhost');
    const path = stripPrefix(parsed.pathname);
    const call: ApiCall = { method, path, query: Object.fromEntries(parsed.searchParams.entries()), headers, body };
    calls.push(call);
    const exact = table.find((r) => r.method === method && r.exact === path);
    let route = exact;
    let params: Record<string, string> = {};
    if (!route) {
      for (const candidate of table) {
        const match = candidate.method === method && candidate.regex ? candidate.regex.exec(path) : null;
        if (!match) continue;
        route = candidate;
        params = Object.fromEntries(candidate.names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
        break;
      }
    }
    if (!route) return refuse(404, ErrorCode.RouteNotFound);
    const result = typeof route.answer === 'function' ? await (route.answer as Handler)(call, params) : route.answer;
    return isReply(result) ? result : { status: 200, body: result };
  };

  const toResponse = ({ status, body, headers }: Reply): Response => {
    const isFile = body instanceof Uint8Array;
    return new Response(isFile ? new Blob([body as unknown as BlobPart]) : JSON.stringify(body ?? null), {
      status,
      headers: { 'Content-Type': isFile ? 'application/octet-stream' : 'application/json', ...(headers ?? {}) },
    });
  };

  const realFetch = window.fetch;
  const realXhr = window.XMLHttpRequest;
  const realCreateObjectUrl = URL.createObjectURL;

  const fetch = jest.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const text = typeof init.body === 'string' ? init.body : '';
    const headers = { ...((init.headers as Record<string, string>) ?? {}) };
    return toResponse(await answer((init.method ?? 'GET').toUpperCase(), String(input), headers, text ? JSON.parse(text) : undefined));
  });
  window.fetch = fetch as unknown as typeof window.fetch;

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
    private headers: Record<string, string> = {};
    open(method: string, url: string) {
      this.method = method.toUpperCase();
      this.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name] = value;
    }
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
          const { status, body: result } = await answer(this.method, this.url, this.headers, body);
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
  // unless the test records object URLs itself (a downloaded file)
  if (typeof URL.createObjectURL !== 'function') {
    URL.createObjectURL = (blob: Blob) => {
      const url = `blob:http://localhost/photo-${++nextBlob}`;
      blobs.set(url, blob);
      return url;
    };
  }

  return {
    calls,
    fetch,
    callsTo: (method: string, path?: string) =>
      path === undefined ? calls.filter((c) => c.path === stripPrefix(method)) : calls.filter((c) => c.method === method && c.path === stripPrefix(path)),
    set: (more) => add(more),
    restore: () => {
      window.fetch = realFetch;
      window.XMLHttpRequest = realXhr;
      URL.createObjectURL = realCreateObjectUrl;
    },
  };
}
