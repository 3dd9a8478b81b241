/**
 * The network boundary of the metrics/board page tests: window.fetch (what Taro's web request runs on) answers like
 * the API would, by method and path; every call is recorded with its parsed query.
 */
export interface RecordedCall {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

export type Handler = (call: RecordedCall) => { status?: number; body: unknown; headers?: Record<string, string> } | undefined;

export function fakeApi(routes: Record<string, Handler>) {
  const calls: RecordedCall[] = [];
  const fetch = jest.fn(async (input: string, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const call: RecordedCall = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams.entries()),
      headers: { ...((init.headers as Record<string, string>) ?? {}) },
      body: typeof init.body === 'string' && init.body ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const handler = routes[`${method} ${url.pathname}`];
    const answer = handler?.(call);
    if (!answer) {
      return new Response(JSON.stringify({ status: 404, code: 'NOT_FOUND', message: `no fake for ${method} ${url.pathname}` }), {
        status: 404,
        headers: { 'Content-Type': 'application/json' },
      });
    }
    const isBinary = answer.body instanceof Uint8Array;
    return new Response(isBinary ? new Blob([answer.body as unknown as BlobPart]) : JSON.stringify(answer.body), {
      status: answer.status ?? 200,
      headers: { 'Content-Type': isBinary ? 'application/octet-stream' : 'application/json', ...(answer.headers ?? {}) },
    });
  });
  window.fetch = fetch as unknown as typeof window.fetch;
  return { calls, fetch, callsTo: (path: string) => calls.filter((c) => c.path === path) };
}

export const rate = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  value: denominator > 0 ? Math.round((numerator / denominator) * 10000) / 10000 : null,
});
