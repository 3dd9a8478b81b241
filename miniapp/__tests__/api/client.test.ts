import { ErrorCode, FieldErrorCode, RequestCategory, Urgency } from '@gezhi/shared';
import { ApiError, ClientErrorCode } from '../../src/api/client';
import { acceptRequest, createRequest, listMyRequests } from '../../src/api/endpoints';
import { getToken, setToken } from '../../src/session/token';

/**
 * Only the transport is replaced: on the web Taro.request runs on fetch, so fetch answers what a server would.
 * (Response is whatwg-fetch's, which Taro's web request module loads.)
 */
function answer(status: number, body: unknown) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const contentType = typeof body === 'string' ? 'text/html' : 'application/json';
  const fetch = jest.fn().mockImplementation(async () => new Response(text, { status, headers: { 'Content-Type': contentType } }));
  window.fetch = fetch;
  return fetch;
}

const realFetch = window.fetch;
afterEach(() => {
  window.fetch = realFetch;
});

describe('API client', () => {
  it('sends the bearer token and the query, and returns the body', async () => {
    setToken('t-123');
    const fetch = answer(200, { items: [], total: 0, page: 2, pageSize: 20 });
    await expect(listMyRequests({ page: 2, pageSize: 20 })).resolves.toEqual({ items: [], total: 0, page: 2, pageSize: 20 });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/api/requests/mine?page=2&pageSize=20');
    expect(init.method).toBe('GET');
    expect(init.headers).toMatchObject({ Authorization: 'Bearer t-123' });
  });

  it('sends an empty JSON object for a POST without a body (the server refuses an empty JSON body)', async () => {
    setToken('t-123');
    const fetch = answer(200, { id: 7 });
    await acceptRequest(7);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/api/requests/7/accept');
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{}');
  });

  it('turns an error envelope into an ApiError with the shared code, field errors and Chinese message', async () => {
    answer(400, {
      status: 400,
      code: ErrorCode.ValidationFailed,
      message: 'Validation failed',
      errors: { description: FieldErrorCode.TooShort },
    });
    const error: ApiError = await createRequest({
      category: RequestCategory.Environment,
      subcategory: 'CLUTTER',
      description: '短',
      urgency: Urgency.Normal,
      showNamePublicly: false,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.fieldErrors).toEqual({ description: FieldErrorCode.TooShort });
    expect(error.message).toBe('提交的内容有误，请检查后重试');
  });

  it('forgets the token on UNAUTHENTICATED', async () => {
    setToken('expired');
    answer(401, { status: 401, code: ErrorCode.Unauthenticated, message: 'Unauthorized' });
    const error: ApiError = await listMyRequests({ page: 1, pageSize: 20 }).catch((e) => e);
    expect(error.code).toBe(ErrorCode.Unauthenticated);
    expect(getToken()).toBeNull();
  });

  it('reports a page that is not our JSON (e.g. no server behind the proxy) as BAD_RESPONSE', async () => {
    answer(502, '<html>Bad Gateway</html>');
    const error: ApiError = await listMyRequests({ page: 1, pageSize: 20 }).catch((e) => e);
    expect(error.code).toBe(ClientErrorCode.BadResponse);
    expect(error.message).toBe('服务暂时不可用，请稍后重试');
  });

  it('reports a failed connection as NETWORK', async () => {
    window.fetch = jest.fn().mockRejectedValue(new TypeError('Failed to fetch'));
    const error: ApiError = await listMyRequests({ page: 1, pageSize: 20 }).catch((e) => e);
    expect(error.code).toBe(ClientErrorCode.Network);
    expect(error.status).toBe(0);
  });
});
