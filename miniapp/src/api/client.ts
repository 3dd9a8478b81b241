/**
 * The one HTTP client of the mini-program (Taro.request / Taro.uploadFile).
 * - attaches the bearer token from the session;
 * - turns every failure into an `ApiError` carrying the shared `ErrorCode` (callers switch on `code`);
 * - on UNAUTHENTICATED clears the session and sends the user to the login screen.
 */
import Taro from '@tarojs/taro';
import {
  API_PREFIX,
  API_ROUTES,
  ERROR_MESSAGES,
  ErrorCode,
  isErrorEnvelope,
  routePath,
  type AnyApiRoute,
  type FieldErrorCode,
  type PathParams,
  type RouteBody,
  type RouteQuery,
  type RouteResponse,
  type UploadedPhoto,
} from '@gezhi/shared';
import { getToken, handleUnauthenticated } from '../session/token';

/** Failures that never reached the API, so they have no server code. */
export enum ClientErrorCode {
  /** no connection, DNS failure, timeout */
  Network = 'NETWORK',
  /** the server answered with something that is not our JSON (e.g. a proxy's HTML page) */
  BadResponse = 'BAD_RESPONSE',
}

const CLIENT_ERROR_MESSAGES: Record<ClientErrorCode, string> = {
  [ClientErrorCode.Network]: '网络连接失败，请检查网络后重试',
  [ClientErrorCode.BadResponse]: '服务暂时不可用，请稍后重试',
};

export type FieldErrors = Partial<Record<string, FieldErrorCode>>;

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | ClientErrorCode,
    /** HTTP status; 0 when the server was not reached */
    readonly status: number,
    message?: string,
    /** field name → field error code (400 VALIDATION_FAILED) */
    readonly fieldErrors: FieldErrors = {},
    /** correlates a 500 with the server log */
    readonly errorId?: string,
    /** ACCOUNT_LOCKED (and other 429s): seconds until trying again makes sense */
    readonly retryAfterSeconds?: number,
  ) {
    super(message ?? messageFor(code));
    this.name = 'ApiError';
  }
}

function messageFor(code: ErrorCode | ClientErrorCode): string {
  return (ERROR_MESSAGES as Record<string, string>)[code] ?? CLIENT_ERROR_MESSAGES[code as ClientErrorCode] ?? '操作失败，请重试';
}

/** A user-facing Chinese message for anything thrown by the API layer (or elsewhere). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '操作失败，请重试';
}

/** Injected at build time (config/index.ts); '' means same origin (H5 served by the API server). */
export const apiBase: string = typeof API_BASE === 'string' ? API_BASE : '';

export type QueryValue = string | number | boolean | undefined | null;

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return `${apiBase}${API_PREFIX}${path}${params.length ? `?${params.join('&')}` : ''}`;
}

/** Server-relative photo URLs (/files/:id) need the API host in weapp. */
export function absoluteUrl(url: string): string {
  return /^(https?:)?\/\//.test(url) || url.startsWith('data:') || url.startsWith('blob:') ? url : `${apiBase}${url}`;
}

function authHeader(): Record<string, string> {
  const token = getToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

function toApiError(statusCode: number, data: unknown): ApiError {
  if (isErrorEnvelope(data)) {
    const known = (ERROR_MESSAGES as Record<string, string>)[data.code];
    return new ApiError(data.code, data.status, known ?? data.message, data.errors ?? {}, data.errorId, data.retryAfterSeconds);
  }
  return new ApiError(ClientErrorCode.BadResponse, statusCode);
}

function raise(error: ApiError): never {
  if (error.code === ErrorCode.Unauthenticated) handleUnauthenticated();
  throw error;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
}

export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  let response: Taro.request.SuccessCallbackResult<string | TaroGeneral.IAnyObject | ArrayBuffer>;
  try {
    response = await Taro.request({
      url: buildUrl(path, options.query),
      method,
      // Bodiless POSTs (accept, cancel, read) still send `{}`: wx.request always labels the body JSON, and a
      // JSON-labelled empty body is a 400 for the server's parser.
      data: (options.body ?? (method === 'GET' ? undefined : {})) as Record<string, unknown> | undefined,
      header: { 'Content-Type': 'application/json', ...authHeader() },
      timeout: 20000,
      dataType: 'json',
    });
  } catch {
    throw new ApiError(ClientErrorCode.Network, 0);
  }
  const { statusCode, data } = response;
  if (statusCode >= 200 && statusCode < 300) return data as T;
  return raise(toApiError(statusCode, data));
}

/** What calling a route takes: its path parameters, body and query, each only when the route has one. */
export type RouteCall<R extends AnyApiRoute> = (keyof PathParams<R['path']> extends never
  ? { params?: undefined }
  : { params: PathParams<R['path']> }) &
  ([RouteBody<R>] extends [void] ? { body?: undefined } : { body: RouteBody<R> }) &
  ([RouteQuery<R>] extends [void] ? { query?: undefined } : { query?: RouteQuery<R> });

/** Calls a route of the shared table (API_ROUTES): method, path, body, query and answer all typed by it. */
export function callRoute<R extends AnyApiRoute>(
  route: R,
  ...[call]: Record<never, never> extends RouteCall<R> ? [RouteCall<R>?] : [RouteCall<R>]
): Promise<RouteResponse<R>> {
  const { params, body, query } = (call ?? {}) as { params?: Record<string, string | number>; body?: unknown; query?: object };
  return apiRequest<RouteResponse<R>>(route.method, routePath(route.path, params), {
    body,
    query: query as Record<string, QueryValue> | undefined,
  });
}

/**
 * For downloads that cannot go through Taro.request (a file, not JSON): the route's full URL, the bearer header,
 * and the ApiError of a failed answer (its body parsed as our error envelope when it is one).
 */
export const apiUrl = (path: string, query?: Record<string, QueryValue>): string => buildUrl(path, query);
export const authorizationHeader = (): Record<string, string> => authHeader();
export function downloadError(statusCode: number, body: unknown): ApiError {
  const error = toApiError(statusCode, body);
  if (error.code === ErrorCode.Unauthenticated) handleUnauthenticated();
  return error;
}

/** Uploads one image (multipart field `file`) and reports progress 0–100. */
export function uploadImage(filePath: string, onProgress?: (percent: number) => void): Promise<UploadedPhoto> {
  return new Promise<UploadedPhoto>((resolve, reject) => {
    const task = Taro.uploadFile({
      url: buildUrl(API_ROUTES.uploadPhoto.path),
      filePath,
      name: 'file',
      header: authHeader(),
      success: (res) => {
        let data: unknown = res.data;
        try {
          if (typeof data === 'string') data = JSON.parse(data);
        } catch {
          reject(new ApiError(ClientErrorCode.BadResponse, res.statusCode));
          return;
        }
        if (res.statusCode >= 200 && res.statusCode < 300) resolve(data as UploadedPhoto);
        else {
          const error = toApiError(res.statusCode, data);
          if (error.code === ErrorCode.Unauthenticated) handleUnauthenticated();
          reject(error);
        }
      },
      fail: () => reject(new ApiError(ClientErrorCode.Network, 0)),
    });
    task?.progress?.((p) => onProgress?.(p.progress));
  });
}
