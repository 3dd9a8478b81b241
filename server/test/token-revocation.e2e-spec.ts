import { ErrorCode, LoginResponse } from '@gezhi/shared';
import { ManualClock } from '../src/common/clock';
import { DEMO_PASSWORD } from '../src/modules/auth/passwords/demo-passwords';
import { UsersService } from '../src/modules/users/users.service';
import { WEEKDAY_MORNING } from './support/instants';
import { bootTestApp, TestApp } from './support/test-app';

describe('revoking tokens', () => {
  let t: TestApp;
  let clock: ManualClock;

  beforeAll(async () => {
    clock = new ManualClock(WEEKDAY_MORNING);
    t = await bootTestApp({}, { clock });
  });

  afterAll(async () => {
    await t.close();
  });

  const passwordLogin = (account: string, password: string) => t.anonymous.post('/api/auth/password', { account, password });

  it('refuses every earlier token of the account at once after a password change, the caller’s too', async () => {
    const browser = t.clientFor((await passwordLogin('gridleader2', DEMO_PASSWORD).expect(200)).body as LoginResponse);
    const phone = await t.loginAs('gridleader2');
    const colleague = await t.loginAs('gridleader1');
    await browser.get('/api/me').expect(200);
    await phone.get('/api/me').expect(200);

    await browser.put('/api/me/password', { currentPassword: DEMO_PASSWORD, newPassword: 'a-new-password-2026' }).expect(204);

    for (const client of [browser, phone]) {
      const refused = await client.get('/api/me').expect(401);
      expect(refused.body.code).toBe(ErrorCode.Unauthenticated);
    }
    await colleague.get('/api/me').expect(200);
    const again = t.clientFor((await passwordLogin('gridleader2', 'a-new-password-2026').expect(200)).body as LoginResponse);
    await again.get('/api/me').expect(200);
  });

  it('refuses a suspended user’s token at once, refuses their logins, and does not bring old tokens back on resuming', async () => {
    const officer = await t.loginAs('street1');
    await officer.get('/api/me').expect(200);
    const users = t.app.get(UsersService);

    await users.suspend(officer.me!.id, clock.now());

    const refused = await officer.get('/api/me').expect(401);
    expect(refused.body.code).toBe(ErrorCode.Unauthenticated);
    const devLogin = await t.anonymous.post('/api/auth/dev-login', { account: 'street1' }).expect(403);
    expect(devLogin.body.code).toBe(ErrorCode.AccountSuspended);
    const password = await passwordLogin('street1', DEMO_PASSWORD).expect(403);
    expect(password.body.code).toBe(ErrorCode.AccountSuspended);

    await users.resume(officer.me!.id);
    await officer.get('/api/me').expect(401);
    const back = await t.loginAs('street1');
    await back.get('/api/me').expect(200);
  });
});
