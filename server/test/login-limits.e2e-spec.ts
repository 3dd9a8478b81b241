import { ErrorCode, Role } from '@gezhi/shared';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { ManualClock } from '../src/common/clock';
import { DEMO_PASSWORD } from '../src/modules/auth/passwords/demo-passwords';
import { PasswordHasher } from '../src/modules/auth/passwords/password-hasher';
import { LoginBackoff } from '../src/modules/auth/passwords/password.entities';
import { RateCounter } from '../src/modules/rate-limits/rate-counter.entity';
import { atBeijing } from './support/instants';
import { bootTestApp, TestApp } from './support/test-app';

const SECOND = 1000;
const ATTACKER = '203.0.113.66';
const OFFICE = '198.51.100.20';
const PER_ADDRESS = 8;

/**
 * Login limits (docs/server-notes.md#login-limits): attempts per caller address, and a growing delay per account +
 * address, both checked before any scrypt work. The app trusts X-Forwarded-For from loopback only (TRUST_PROXY), which
 * is how these tests speak from different addresses.
 */
describe('password login limits', () => {
  let clock: ManualClock;
  let t: TestApp;
  let verifications = 0;

  const loginFrom = (origin: string, account: string, password: string) =>
    t.anonymous.post('/api/auth/password', { account, password }).set('X-Forwarded-For', origin);
  let addressCount = 0;
  /** a fresh address per test, so tests do not share the per-address budget */
  const freshAddress = () => `192.0.2.${++addressCount}`;

  beforeAll(async () => {
    clock = new ManualClock(atBeijing('2026-12-07 10:00'));
    t = await bootTestApp({ TRUST_PROXY: 'loopback', LOGIN_ADDRESS_LIMIT: String(PER_ADDRESS), LOGIN_BACKOFF_MAX_SECONDS: '900', PASSWORD_SCRYPT_COST: '14' }, { clock });
    const hasher = t.app.get(PasswordHasher);
    const verify = hasher.verify.bind(hasher);
    hasher.verify = (password: string, stored: string) => {
      verifications++;
      return verify(password, stored);
    };
  });

  afterAll(() => t.close());

  it('does not lock the officer out when someone elsewhere keeps failing on their account', async () => {
    for (let i = 0; i < 6; i++) {
      await loginFrom(ATTACKER, 'street1', `guess-${i}-guess`);
      clock.advance(SECOND);
    }
    const officer = await loginFrom(OFFICE, 'street1', DEMO_PASSWORD).expect(200);
    expect(officer.body.me.role).toBe(Role.StreetOfficer);
  });

  it('delays the next try of an account from the same address 1 s, 2 s, 4 s … after each failure, even with the right password', async () => {
    const from = freshAddress();
    await loginFrom(from, 'gridleader3', 'wrong-password-1').expect(401);
    const first = await loginFrom(from, 'gridleader3', DEMO_PASSWORD).expect(429);
    expect(first.body).toMatchObject({ status: 429, code: ErrorCode.RateLimited, retryAfterSeconds: 1 });
    expect(first.body.message).toBe('该账号密码错误次数过多，请于 1 秒后重试');
    expect(first.headers['retry-after']).toBe('1');

    clock.advance(SECOND);
    await loginFrom(from, 'gridleader3', 'wrong-password-2').expect(401);
    expect((await loginFrom(from, 'gridleader3', DEMO_PASSWORD).expect(429)).body.retryAfterSeconds).toBe(2);
    clock.advance(2 * SECOND);
    await loginFrom(from, 'gridleader3', 'wrong-password-3').expect(401);
    expect((await loginFrom(from, 'gridleader3', DEMO_PASSWORD).expect(429)).headers['retry-after']).toBe('4');

    clock.advance(4 * SECOND);
    await loginFrom(from, 'gridleader3', DEMO_PASSWORD).expect(200);
    // the success cleared the delay
    await loginFrom(from, 'gridleader3', 'wrong-password-4').expect(401);
    expect((await loginFrom(from, 'gridleader3', DEMO_PASSWORD).expect(429)).body.retryAfterSeconds).toBe(1);
    clock.advance(SECOND);
  });

  it('refuses password spraying: one try on each of ten accounts from one address is refused after the per-address limit', async () => {
    const from = freshAddress();
    const accounts = ['gridleader1', 'gridleader2', 'gridleader4', 'community1', 'street1', 'liaison1', 'liaison2', 'liaison3', 'liaison4', 'liaison5'];
    const statuses: number[] = [];
    let refusal: { body: Record<string, unknown>; headers: Record<string, string> } | null = null;
    for (const account of accounts) {
      const response = await loginFrom(from, account, 'Spring2026!!');
      statuses.push(response.status);
      if (response.status === 429) refusal ??= response;
    }
    expect(statuses).toEqual([...Array(PER_ADDRESS).fill(401), ...Array(accounts.length - PER_ADDRESS).fill(429)]);
    expect(refusal!.body).toMatchObject({ code: ErrorCode.RateLimited });
    expect(refusal!.body.message).toMatch(/^登录尝试过于频繁，请于 \d+ (秒|分钟)后重试$/);
    expect(Number(refusal!.headers['retry-after'])).toBe(refusal!.body.retryAfterSeconds);
    // another address is not affected
    await loginFrom(freshAddress(), 'gridleader1', DEMO_PASSWORD).expect(200);
    clock.advance(15 * 60 * SECOND);
  });

  it('refuses over the limits before hashing: no scrypt verification for a refused attempt', async () => {
    const from = freshAddress();
    await loginFrom(from, 'liaison6', 'wrong-password-1').expect(401);
    let before = verifications;
    await loginFrom(from, 'liaison6', 'wrong-password-2').expect(429); // delayed pair
    expect(verifications).toBe(before);

    for (let i = 1; i < PER_ADDRESS; i++) await loginFrom(from, `nobody-${i}`, 'wrong-password');
    before = verifications;
    for (let i = 0; i < 5; i++) await loginFrom(from, `more-${i}`, 'wrong-password').expect(429); // over the address budget
    expect(verifications).toBe(before);
    clock.advance(15 * 60 * SECOND);
  });

  it('gives a successful login its attempt back: staff behind one office address are not refused for signing in', async () => {
    const from = freshAddress();
    const staff = ['gridleader1', 'gridleader2', 'gridleader4', 'community1', 'street1', 'liaison1', 'liaison2', 'liaison3', 'liaison4', 'liaison5'];
    for (const account of [...staff, ...staff]) await loginFrom(from, account, DEMO_PASSWORD).expect(200);
  });

  it('puts unknown account names into a bounded number of keys, and deletes rows after a quiet day', async () => {
    for (let i = 0; i < 100; i++) {
      await loginFrom(`198.18.${i}.1`, `ghost-${i}`, 'wrong-password').expect(401);
    }
    const backoff = t.app.get(DataSource).getRepository(LoginBackoff);
    const rows = await backoff.find();
    const unknownKeys = new Set(rows.filter((row) => row.accountKey.startsWith('u:')).map((row) => row.accountKey));
    expect(unknownKeys.size).toBeLessThanOrEqual(64);
    expect(rows.some((row) => row.accountKey.includes('ghost'))).toBe(false);

    clock.advance(25 * 3600 * SECOND);
    await loginFrom(freshAddress(), 'ghost-late', 'wrong-password').expect(401);
    expect(await backoff.count()).toBe(1);
    expect(await t.app.get(DataSource).getRepository(RateCounter).countBy({ expiresAt: LessThanOrEqual(clock.now()) })).toBe(0);
  });

  it('shares the limits between instances on the same database', async () => {
    const { createApp } = await import('../src/app.factory');
    const { ApiClient } = await import('./support/test-app');
    const from = freshAddress();
    await loginFrom(from, 'gridleader2', 'wrong-password').expect(401);
    const second = await createApp(t.config, { logger: ['error'], clock });
    await second.init();
    await second.getHttpAdapter().getInstance().ready();
    try {
      const response = await new ApiClient(second.getHttpServer())
        .post('/api/auth/password', { account: 'gridleader2', password: DEMO_PASSWORD })
        .set('X-Forwarded-For', from)
        .expect(429);
      expect(response.body.code).toBe(ErrorCode.RateLimited);
    } finally {
      await second.close();
    }
    clock.advance(SECOND);
  });
});

describe('password login limits without a trusted proxy', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootTestApp({ LOGIN_ADDRESS_LIMIT: '3' }, { clock: new ManualClock(atBeijing('2026-12-07 10:00')) });
  });

  afterAll(() => t.close());

  it('ignores X-Forwarded-For, so a sprayer cannot claim a new address for every try', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await t.anonymous
        .post('/api/auth/password', { account: `liaison${i + 1}`, password: 'Spring2026!!' })
        .set('X-Forwarded-For', `203.0.113.${i + 1}`);
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });
});
