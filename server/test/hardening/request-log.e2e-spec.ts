import { ErrorCode } from '@gezhi/shared';
import { DataSource } from 'typeorm';
import { fileRequest } from '../support/factories';
import { bootTestApp, LogLine, TestApp } from '../support/test-app';

/** One structured line per request, with an id the caller gets back; every refusal logged once. */
describe('request log', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootTestApp({}, { captureLogs: true });
  });

  afterAll(() => t.close());

  const linesOf = (reqId: string): LogLine[] => t.logLines().filter((line) => line.reqId === reqId);

  it('writes one line per request with id, method, route, status, ms and user, and returns the id in X-Request-Id', async () => {
    const resident = await t.loginAs('resident1');
    const response = await resident.get('/api/me').expect(200);
    const reqId = String(response.headers['x-request-id']);
    expect(reqId).toMatch(/^[0-9a-f-]{36}$/);
    const lines = linesOf(reqId);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, msg: 'request', method: 'GET', route: '/api/me', status: 200, userId: resident.me!.id });
    expect(typeof lines[0].ms).toBe('number');
  });

  it('gives every request its own id, ignoring one sent by the client', async () => {
    const a = await t.anonymous.get('/health').set('X-Request-Id', 'forged-id');
    const b = await t.anonymous.get('/health');
    expect(a.headers['x-request-id']).not.toBe('forged-id');
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
    expect(t.logLines().some((line) => line.reqId === 'forged-id')).toBe(false);
  });

  it('logs each refused request once at warn with viewer, route and code', async () => {
    const resident = await t.loginAs('resident1');
    const other = await t.loginAs('resident2');
    const filed = await fileRequest(resident);

    const refusals: Array<[string, () => Promise<{ status: number; headers: Record<string, string> }>, number, ErrorCode, string]> = [
      ['401 no token', () => t.anonymous.get('/api/me'), 401, ErrorCode.Unauthenticated, '/api/me'],
      ['403 resident on staff inbox', () => resident.get('/api/staff/inbox'), 403, ErrorCode.NotStaff, '/api/staff/inbox'],
      ['404 another resident’s request', () => other.get(`/api/requests/${filed.id}`), 404, ErrorCode.RequestNotFound, '/api/requests/:id'],
      ['409 illegal transition', () => resident.post(`/api/requests/${filed.id}/rate`, { speed: 5, effect: 5, attitude: 5 }), 409, ErrorCode.IllegalTransition, '/api/requests/:id/rate'],
    ];
    for (const [name, send, status, code, route] of refusals) {
      const response = await send();
      expect({ name, status: response.status }).toEqual({ name, status });
      const lines = linesOf(String(response.headers['x-request-id']));
      expect({ name, count: lines.length }).toEqual({ name, count: 1 });
      expect(lines[0]).toMatchObject({ level: 40, msg: 'refused', status, code, route });
      if (status !== 401) expect(lines[0].userId).toEqual(expect.any(Number));
    }
  });

  it('does not count an unknown route as a refusal', async () => {
    const response = await t.anonymous.get('/api/nope').expect(404);
    const [line] = linesOf(String(response.headers['x-request-id']));
    expect(line).toMatchObject({ level: 30, status: 404, code: ErrorCode.RouteNotFound });
  });

  it('logs a request fastify answers before routing (a path parameter over 100 characters) once too', async () => {
    const response = await t.anonymous.get(`/api/services/${'A'.repeat(150)}`).expect(400);
    const lines = linesOf(String(response.headers['x-request-id']));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, method: 'GET', status: 400, code: ErrorCode.ValidationFailed });
    expect(JSON.stringify(lines[0])).not.toContain('AAAAAAAAAA');
  });

  // last: it breaks the notifications table of this app
  it('logs a 500 under its request id with the errorId of the response and the stack', async () => {
    const resident = await t.loginAs('resident1');
    await t.app.get(DataSource).query('DROP TABLE notification');
    const response = await resident.get('/api/notifications');
    expect(response.status).toBe(500);
    const errorId = response.body.errorId as string;
    const lines = linesOf(String(response.headers['x-request-id']));
    expect(lines.map((line) => [line.level, line.msg, line.errorId])).toEqual([
      [50, 'unexpected error', errorId],
      [50, 'request failed', errorId],
    ]);
    expect(lines[0].err).toMatchObject({ stack: expect.stringContaining('notification') });
    expect(lines[1]).toMatchObject({ status: 500, code: ErrorCode.Internal, route: '/api/notifications', userId: resident.me!.id });
  });
});
