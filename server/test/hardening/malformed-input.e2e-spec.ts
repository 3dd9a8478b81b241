import { ErrorCode, FieldErrorCode } from '@gezhi/shared';
import request from 'supertest';
import { fileRequest } from '../support/factories';
import { ApiClient, bootTestApp, TestApp } from '../support/test-app';

/** Input crafted to crash a parser or slip past validation: each answers a clean 4xx in the error envelope. */
describe('malformed input', () => {
  let t: TestApp;
  let resident: ApiClient;
  let community: ApiClient;

  beforeAll(async () => {
    t = await bootTestApp();
    resident = await t.loginAs('resident1');
    community = await t.loginAs('community1');
  });

  afterAll(() => t.close());

  const server = () => t.app.getHttpServer();

  it('refuses JSON nested 2,500 deep with 400 BODY_TOO_DEEP, even on the unauthenticated login', async () => {
    const deep = '{"a":'.repeat(2500) + '1' + '}'.repeat(2500);
    for (const url of ['/api/auth/dev-login', '/api/auth/password']) {
      const response = await request(server()).post(url).set('Content-Type', 'application/json').send(deep);
      expect({ url, status: response.status, code: response.body.code }).toEqual({ url, status: 400, code: ErrorCode.BodyTooDeep });
      expect(response.body.message).toBe('提交的内容层级过深');
    }
  });

  it('refuses deep arrays too, and still reads a body nested as deep as the limit', async () => {
    const deepArray = '['.repeat(40) + ']'.repeat(40);
    const refused = await request(server()).post('/api/auth/dev-login').set('Content-Type', 'application/json').send(deepArray);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe(ErrorCode.BodyTooDeep);
    const shallow = '{"account":"resident1","x":' + '{"a":'.repeat(20) + '1' + '}'.repeat(20) + '}';
    const accepted = await request(server()).post('/api/auth/dev-login').set('Content-Type', 'application/json').send(shallow);
    // parsed, then refused by validation for the unknown field: not a depth refusal
    expect(accepted.status).toBe(400);
    expect(accepted.body.code).toBe(ErrorCode.ValidationFailed);
    expect(accepted.body.errors).toEqual({ x: FieldErrorCode.UnknownField });
  });

  it('refuses a JSON body over 64 KB with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await request(server())
      .post('/api/auth/dev-login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ account: 'x'.repeat(70 * 1024) }));
    expect(response.status).toBe(413);
    expect(response.body.code).toBe(ErrorCode.PayloadTooLarge);
  });

  describe('malformed multipart on /api/uploads', () => {
    const cases: Array<[string, string, string | Buffer]> = [
      ['no boundary', 'multipart/form-data', '--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc\r\n--x--\r\n'],
      ['a wrong boundary', 'multipart/form-data; boundary=yyy', '--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc\r\n--x--\r\n'],
      ['a truncated part', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n'],
      ['garbage', 'multipart/form-data; boundary=x', Buffer.from([0, 1, 2, 3, 255, 254, 13, 10, 45, 45, 120, 0, 0])],
    ];
    it.each(cases)('answers %s with 400 UPLOAD_MALFORMED', async (_name, contentType, body) => {
      const response = await request(server())
        .post('/api/uploads')
        .set('Authorization', `Bearer ${resident.token}`)
        .set('Content-Type', contentType)
        .send(body);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: ErrorCode.UploadMalformed });
      expect(response.body.message).toBe('上传的内容不完整或格式有误，请重新上传');
    });
  });

  it('answers a path parameter over 100 characters with the envelope, without echoing the URL', async () => {
    const long = 'A'.repeat(150);
    const response = await community.get(`/api/services/${long}`);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.body.code).toBe(ErrorCode.ValidationFailed);
    expect(response.body.message).toBe('提交的内容有误，请检查后重试');
    expect(response.text).not.toContain(long);
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it.each(['0x2', '1e0', '%201', '2%20', '-1', '0', '99999999999', '2147483648', '+2', '2.0', '０２'])(
    'refuses the id %s on an id route with 400 and the parameter named',
    async (id) => {
      const response = await community.get(`/api/services/${id}`);
      expect({ id, status: response.status, code: response.body.code, errors: response.body.errors }).toEqual({
        id,
        status: 400,
        code: ErrorCode.ValidationFailed,
        errors: { id: FieldErrorCode.InvalidFormat },
      });
    },
  );

  it('refuses hex and exponent ids in query parameters too', async () => {
    const staff = await t.loginAs('gridleader1');
    for (const value of ['0x1', '1e0', ' 1']) {
      const response = await staff.get(`/api/staff/rooms?communityId=${encodeURIComponent(value)}`);
      expect({ value, status: response.status, errors: response.body.errors }).toEqual({
        value,
        status: 400,
        errors: { communityId: FieldErrorCode.InvalidFormat },
      });
    }
  });

  it('still reads an ordinary id', async () => {
    const list = (await community.get('/api/services').expect(200)).body as Array<{ id: number }>;
    expect(list.length).toBeGreaterThan(0);
    await community.get(`/api/services/${list[0].id}`).expect(200);
  });

  it('refuses NUL and other control characters in any text field with the field named, and keeps newlines and tabs', async () => {
    for (const bad of ['漏水\u0000', '漏\u0007水', '\u001b[31m红']) {
      const response = await community.post('/api/services', { name: bad });
      expect(response.status).toBe(400);
      expect(response.body.errors?.name).toBe(FieldErrorCode.ControlCharacter);
    }
    const nested = await resident.post('/api/requests', { description: '楼道灯坏了，\u0000请尽快', photoIds: ['a\u0000'] });
    expect(nested.status).toBe(400);
    expect(nested.body.errors).toMatchObject({ description: FieldErrorCode.ControlCharacter, 'photoIds.0': FieldErrorCode.ControlCharacter });
    const login = await request(server()).post('/api/auth/dev-login').send({ account: 'resident1\u0000' });
    expect(login.status).toBe(400);
    expect(login.body.errors).toEqual({ account: FieldErrorCode.ControlCharacter });
    const query = await resident.get('/api/notifications?x=%00');
    expect(query.status).toBe(400);
    expect(query.body.errors).toEqual({ x: FieldErrorCode.ControlCharacter });

    const kept = await fileRequest(resident, { description: '楼道灯坏了：\n\t一楼\r\n\t二楼' });
    expect(kept.description).toBe('楼道灯坏了：\n\t一楼\r\n\t二楼');
  });
});
