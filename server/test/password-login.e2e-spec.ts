import { ErrorCode, LoginResponse, Role } from '@gezhi/shared';
import { ManualClock } from '../src/common/clock';
import { DEMO_PASSWORD } from '../src/modules/auth/passwords/demo-passwords';
import { FakeWechatServer } from './support/fake-wechat-server';
import { ApiClient, bootTestApp, TestApp } from './support/test-app';

const MINUTE = 60_000;

describe('password login for staff and liaisons', () => {
  let wechat: FakeWechatServer;
  let clock: ManualClock;
  let t: TestApp;

  const passwordLogin = (account: string, password: string) => t.anonymous.post('/api/auth/password', { account, password });

  beforeAll(async () => {
    wechat = await FakeWechatServer.start();
    clock = new ManualClock(new Date('2026-11-20T01:00:00Z'));
    t = await bootTestApp({ WECHAT_APPID: wechat.appId, WECHAT_SECRET: wechat.secret, WECHAT_API_BASE: wechat.baseUrl }, { clock });
  });

  afterAll(async () => {
    await t.close();
    await wechat.close();
  });

  it('signs a demo grid leader in with the demo password', async () => {
    const response = await passwordLogin('gridleader1', DEMO_PASSWORD).expect(200);
    const login = response.body as LoginResponse;
    expect(login.me).toMatchObject({ role: Role.GridLeader, staff: { gridNames: ['第一网格'] } });
    await t.clientFor(login).get('/api/me').expect(200);
    expect(response.text).not.toMatch(/scrypt|hash/i);
  });

  it('offers the password login in the auth options', async () => {
    const options = await t.anonymous.get('/api/auth/options').expect(200);
    expect(options.body.passwordLogin).toBe(true);
  });

  it('answers a wrong password, an unknown account and a resident account identically (401 INVALID_CREDENTIALS)', async () => {
    const answers = [
      await passwordLogin('gridleader2', 'not-the-password').expect(401),
      await passwordLogin('no-such-account', DEMO_PASSWORD).expect(401),
      await passwordLogin('resident1', DEMO_PASSWORD).expect(401),
    ];
    for (const answer of answers) {
      expect(answer.body).toEqual({ status: 401, code: ErrorCode.InvalidCredentials, message: '账号或密码错误' });
    }
  });

  it('takes a similar time for an unknown account as for a wrong password (both run scrypt)', async () => {
    const time = async (account: string) => {
      clock.advance(MINUTE); // past the delay of the previous failure
      const started = process.hrtime.bigint();
      await passwordLogin(account, 'wrong-password-x').expect(401);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const median = (values: number[]) => values.sort((a, b) => a - b)[1];
    const known = median([await time('community1'), await time('community1'), await time('community1')]);
    const unknown = median([await time('nobody-at-all'), await time('nobody-at-all'), await time('nobody-at-all')]);
    expect(unknown).toBeGreaterThan(known * 0.5);
    expect(unknown).toBeLessThan(known * 2);
  });

  it('delays an unknown account name exactly like a real one (no enumeration through the delay)', async () => {
    await passwordLogin('gridleader3', 'wrong-password!').expect(401);
    await passwordLogin('ghost-account', 'wrong-password!').expect(401);
    const real = await passwordLogin('gridleader3', 'wrong-password!').expect(429);
    const ghost = await passwordLogin('ghost-account', 'wrong-password!').expect(429);
    expect(ghost.body).toEqual(real.body);
    expect(real.body).toMatchObject({ code: ErrorCode.RateLimited, retryAfterSeconds: 1 });
    clock.advance(MINUTE);
  });

  it('validates the body', async () => {
    const response = await t.anonymous.post('/api/auth/password', { account: 'gridleader1' }).expect(400);
    expect(response.body.errors).toEqual({ password: 'REQUIRED' });
  });

  describe('changing the password (PUT /api/me/password)', () => {
    it('needs the current password, then the new one works and the old one does not', async () => {
      const leader = t.clientFor((await passwordLogin('gridleader7', DEMO_PASSWORD).expect(200)).body);
      const missing = await leader.put('/api/me/password', { newPassword: 'a-new-password-7' }).expect(403);
      expect(missing.body.code).toBe(ErrorCode.CurrentPasswordIncorrect);
      clock.advance(MINUTE); // a failure delays the next try from this address by a second
      const wrong = await leader.put('/api/me/password', { currentPassword: 'guess-guess', newPassword: 'a-new-password-7' }).expect(403);
      expect(wrong.body).toMatchObject({ code: ErrorCode.CurrentPasswordIncorrect, message: '当前密码不正确' });

      clock.advance(MINUTE);
      await leader.put('/api/me/password', { currentPassword: DEMO_PASSWORD, newPassword: 'a-new-password-7' }).expect(204);
      await passwordLogin('gridleader7', DEMO_PASSWORD).expect(401);
      clock.advance(MINUTE);
      await passwordLogin('gridleader7', 'a-new-password-7').expect(200);
    });

    it('refuses a password shorter than 10 characters', async () => {
      const street = await t.loginAs('street1');
      const response = await street.put('/api/me/password', { currentPassword: DEMO_PASSWORD, newPassword: 'short' }).expect(400);
      expect(response.body.errors).toEqual({ newPassword: 'TOO_SHORT' });
    });

    it('refuses residents with 403 PASSWORD_NOT_ALLOWED', async () => {
      const resident = await t.loginAs('resident1');
      const response = await resident.put('/api/me/password', { newPassword: 'resident-password-1' }).expect(403);
      expect(response.body.code).toBe(ErrorCode.PasswordNotAllowed);
    });
  });

  describe('binding a WeChat identity', () => {
    it('lets a staff member signed in by password bind WeChat and then sign in with WeChat as themselves', async () => {
      const login = (await passwordLogin('community1', DEMO_PASSWORD).expect(200)).body as LoginResponse;
      const officer = t.clientFor(login);
      const bound = await officer.post('/api/me/wechat-binding', { code: wechat.issueCode('o-community1-phone') }).expect(200);
      expect(bound.body).toMatchObject({ id: login.me.id, role: Role.CommunityOfficer });
      for (const sessionKey of wechat.sessionKeysIssued) expect(bound.text).not.toContain(sessionKey);

      const viaWechat = await t.anonymous.post('/api/auth/wechat', { code: wechat.issueCode('o-community1-phone') }).expect(200);
      expect(viaWechat.body.me).toMatchObject({ id: login.me.id, role: Role.CommunityOfficer });
    });

    it('refuses an openid that already belongs to another user with 409 WECHAT_ALREADY_BOUND', async () => {
      await t.anonymous.post('/api/auth/wechat', { code: wechat.issueCode('o-someone-else') }).expect(200);
      const leader = await t.loginAs('gridleader2');
      const response = await leader.post('/api/me/wechat-binding', { code: wechat.issueCode('o-someone-else') }).expect(409);
      expect(response.body).toMatchObject({ code: ErrorCode.WechatAlreadyBound, message: '该微信已绑定其他账号' });
    });

    it('passes an invalid code on as 400 WECHAT_CODE_INVALID', async () => {
      const leader = await t.loginAs('gridleader2');
      const response = await leader.post('/api/me/wechat-binding', { code: 'never-issued' }).expect(400);
      expect(response.body.code).toBe(ErrorCode.WechatCodeInvalid);
    });

    it('is for staff and liaisons only', async () => {
      const resident = await t.loginAs('resident2');
      const response = await resident.post('/api/me/wechat-binding', { code: wechat.issueCode() }).expect(403);
      expect(response.body.code).toBe(ErrorCode.PasswordNotAllowed);
    });
  });
});
