import { AuthOptions, ErrorCode, LoginResponse, Role } from '@gezhi/shared';
import { FakeWechatServer } from './support/fake-wechat-server';
import { bootTestApp, TestApp } from './support/test-app';

describe('signing in', () => {
  let wechat: FakeWechatServer;
  let t: TestApp;

  beforeAll(async () => {
    wechat = await FakeWechatServer.start();
    t = await bootTestApp({ WECHAT_APPID: wechat.appId, WECHAT_SECRET: wechat.secret, WECHAT_API_BASE: wechat.baseUrl });
  });

  afterAll(async () => {
    await t.close();
    await wechat.close();
  });

  describe('with WeChat', () => {
    it('creates a resident on the first login and never returns the session_key', async () => {
      const code = wechat.issueCode();
      const response = await t.anonymous.post('/api/auth/wechat', { code }).expect(200);
      const login = response.body as LoginResponse;
      expect(login.token).toEqual(expect.any(String));
      expect(login.expiresIn).toBeGreaterThan(0);
      expect(login.me).toMatchObject({ role: Role.Resident, home: null, staff: null });

      const me = await t.clientFor(login).get('/api/me').expect(200);
      expect(me.body.id).toBe(login.me.id);
      for (const body of [response.text, me.text]) {
        for (const sessionKey of wechat.sessionKeysIssued) expect(body).not.toContain(sessionKey);
        expect(body).not.toMatch(/session_?key/i);
      }
    });

    it('signs the same WeChat user into the same account next time', async () => {
      const first = await t.anonymous.post('/api/auth/wechat', { code: wechat.issueCode('o-returning-user') }).expect(200);
      const second = await t.anonymous.post('/api/auth/wechat', { code: wechat.issueCode('o-returning-user') }).expect(200);
      expect(second.body.me.id).toBe(first.body.me.id);
    });

    it('refuses a code that was already used with 400 WECHAT_CODE_USED', async () => {
      const code = wechat.issueCode();
      await t.anonymous.post('/api/auth/wechat', { code }).expect(200);
      const reused = await t.anonymous.post('/api/auth/wechat', { code }).expect(400);
      expect(reused.body).toMatchObject({ code: ErrorCode.WechatCodeUsed, message: '微信登录凭证已使用，请重新登录' });
    });

    it('refuses a code WeChat never issued with 400 WECHAT_CODE_INVALID', async () => {
      const response = await t.anonymous.post('/api/auth/wechat', { code: 'never-issued' }).expect(400);
      expect(response.body.code).toBe(ErrorCode.WechatCodeInvalid);
    });

    it("passes WeChat's rate limit on as 429 WECHAT_RATE_LIMITED", async () => {
      wechat.failNextWith(45011, 'api minute-quota reach limit');
      const response = await t.anonymous.post('/api/auth/wechat', { code: wechat.issueCode() }).expect(429);
      expect(response.body.code).toBe(ErrorCode.WechatRateLimited);
    });

    it('answers 503 WECHAT_UNAVAILABLE when WeChat cannot be reached', async () => {
      const closed = await FakeWechatServer.start();
      const unreachableBase = closed.baseUrl;
      await closed.close();
      const offline = await bootTestApp({ WECHAT_APPID: 'wx', WECHAT_SECRET: 's', WECHAT_API_BASE: unreachableBase });
      try {
        const response = await offline.anonymous.post('/api/auth/wechat', { code: 'any' }).expect(503);
        expect(response.body.code).toBe(ErrorCode.WechatUnavailable);
      } finally {
        await offline.close();
      }
    });

    it('requires a code', async () => {
      const response = await t.anonymous.post('/api/auth/wechat', {}).expect(400);
      expect(response.body.errors).toEqual({ code: 'REQUIRED' });
    });
  });

  describe('with the dev login', () => {
    it('offers the demo accounts outside production', async () => {
      const response = await t.anonymous.get('/api/auth/options').expect(200);
      const options = response.body as AuthOptions;
      expect(options.devLogin).toBe(true);
      expect(options.wechatLogin).toBe(true);
      expect(options.demoAccounts.map((a) => a.account)).toEqual(
        expect.arrayContaining(['resident1', 'resident4', 'gridleader1', 'gridleader7', 'community1', 'street1']),
      );
    });

    it('signs in as a demo grid leader with their scope', async () => {
      const leader = await t.loginAs('gridleader1');
      expect(leader.me).toMatchObject({ role: Role.GridLeader, staff: { gridNames: ['第一网格'] } });
    });

    it('answers an unknown account with 404', async () => {
      const response = await t.anonymous.post('/api/auth/dev-login', { account: 'nobody' }).expect(404);
      expect(response.body.code).toBe(ErrorCode.NotFound);
    });

    it('is refused with 403 DEV_LOGIN_DISABLED under a production configuration', async () => {
      const production = await bootTestApp({
        NODE_ENV: 'production',
        TOKEN_SECRET: 'p'.repeat(48),
        WECHAT_SESSION_KEY_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
        DEV_LOGIN: undefined,
        SEED_DEMO: undefined,
      });
      try {
        const response = await production.anonymous.post('/api/auth/dev-login', { account: 'resident1' }).expect(403);
        expect(response.body.code).toBe(ErrorCode.DevLoginDisabled);
        const options = await production.anonymous.get('/api/auth/options').expect(200);
        expect(options.body).toEqual({ wechatLogin: false, devLogin: false, passwordLogin: true, demoAccounts: [] });
      } finally {
        await production.close();
      }
    });
  });

  describe('tokens', () => {
    it('answers 401 UNAUTHENTICATED without a token, with a forged one, and with garbage', async () => {
      const resident = await t.loginAs('resident1');
      const [payload, signature] = (resident.token as string).split('.');
      const forgedPayload = Buffer.from(JSON.stringify({ sub: 1, iat: 0, exp: 9_999_999_999 })).toString('base64url');
      for (const authorization of [undefined, `Bearer ${forgedPayload}.${signature}`, 'Bearer garbage', `Basic ${payload}`]) {
        const call = t.anonymous.get('/api/me');
        if (authorization) call.set('Authorization', authorization);
        const response = await call.expect(401);
        expect(response.body.code).toBe(ErrorCode.Unauthenticated);
      }
    });
  });
});
