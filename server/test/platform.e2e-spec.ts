import { ErrorCode, HealthResponse } from '@gezhi/shared';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { bootTestApp, TestApp } from './support/test-app';

describe('platform', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootTestApp();
  });

  afterAll(() => t.close());

  it('answers /health with the database type', async () => {
    const response = await t.anonymous.get('/health').expect(200);
    const body = response.body as HealthResponse;
    expect(body.status).toBe('ok');
    expect(['better-sqlite3', 'mariadb', 'mysql']).toContain(body.database);
  });

  it('serves the OpenAPI document at /docs/json with every API route', async () => {
    const response = await t.anonymous.get('/docs/json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/api/requests', '/api/requests/{id}/rate', '/api/staff/inbox', '/api/auth/wechat', '/health']),
    );
    await t.anonymous.get('/docs').expect(200);
  });

  it('serves the same OpenAPI document as the one committed in docs/openapi.json', async () => {
    // Regenerate with: pnpm --filter @gezhi/server build && node server/scripts/write-openapi.js
    const committed = JSON.parse(fs.readFileSync(path.join(__dirname, '../../docs/openapi.json'), 'utf8'));
    const served = (await t.anonymous.get('/docs/json').expect(200)).body;
    expect(served).toEqual(committed);
  });

  it('answers an unknown route with ROUTE_NOT_FOUND in the error envelope', async () => {
    const response = await t.anonymous.get('/api/nope').expect(404);
    expect(response.body).toEqual({ status: 404, code: ErrorCode.RouteNotFound, message: '接口不存在' });
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await request(t.app.getHttpServer())
      .post('/api/auth/dev-login')
      .set('Content-Type', 'application/json')
      .send('{"account": ')
      .expect(400);
    expect(response.body.code).toBe(ErrorCode.ValidationFailed);
  });

  it('reads an empty JSON body as {} (wx.request labels bodiless POSTs as JSON) and keeps refusing poisoned JSON', async () => {
    const resident = await t.loginAs('resident1');
    const empty = await request(t.app.getHttpServer())
      .post('/api/notifications/999999/read')
      .set('Authorization', `Bearer ${resident.token}`)
      .set('Content-Type', 'application/json')
      .send('');
    expect(empty.body.code).not.toBe(ErrorCode.ValidationFailed);
    expect(empty.status).toBe(404);
    const poisoned = await request(t.app.getHttpServer())
      .post('/api/auth/dev-login')
      .set('Content-Type', 'application/json')
      .send('{"account":"resident1","__proto__":{"role":"STREET_OFFICER"}}')
      .expect(400);
    expect(poisoned.body.code).toBe(ErrorCode.ValidationFailed);
  });

  it('answers a JSON body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await t.anonymous.post('/api/auth/dev-login', { account: 'x'.repeat(100_000) }).expect(413);
    expect(response.body.code).toBe(ErrorCode.PayloadTooLarge);
  });

  it('refuses a non-numeric request id as a validation error on the field', async () => {
    const resident = await t.loginAs('resident1');
    const response = await resident.get('/api/requests/abc').expect(400);
    expect(response.body.errors).toEqual({ id: 'INVALID_FORMAT' });
  });
});

describe('serving the H5 build same-origin', () => {
  let t: TestApp;
  let h5: string;

  beforeAll(async () => {
    h5 = fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-h5-'));
    fs.mkdirSync(path.join(h5, 'js'));
    fs.writeFileSync(path.join(h5, 'index.html'), '<!doctype html><title>格治</title><div id="app"></div>');
    fs.writeFileSync(path.join(h5, 'js', 'app.js'), 'console.log("h5")');
    t = await bootTestApp({ H5_DIR: h5 });
  });

  afterAll(async () => {
    await t.close();
    fs.rmSync(h5, { recursive: true, force: true });
  });

  it('serves index.html at / and for client-side routes, and static files as they are', async () => {
    expect((await t.anonymous.get('/').expect(200)).text).toContain('<title>格治</title>');
    expect((await t.anonymous.get('/pages/request-detail/index?id=3').expect(200)).text).toContain('<div id="app">');
    expect((await t.anonymous.get('/js/app.js').expect(200)).text).toBe('console.log("h5")');
  });

  it('still answers unknown API routes with the JSON error envelope', async () => {
    expect((await t.anonymous.get('/api/nope').expect(404)).body.code).toBe(ErrorCode.RouteNotFound);
    await t.anonymous.get('/health').expect(200);
  });
});
