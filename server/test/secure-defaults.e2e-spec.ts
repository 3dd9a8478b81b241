import { AuthOptions, ErrorCode, LoginResponse } from '@gezhi/shared';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory';
import { ConfigError, parseConfig } from '../src/config/app-config';
import { WechatSessionStore } from '../src/modules/auth/keys/wechat-session-store';
import { issueToken } from '../src/modules/auth/token';
import { FakeWechatServer } from './support/fake-wechat-server';
import { ManualClock } from '../src/common/clock';
import { WEEKDAY_MORNING } from './support/instants';
import { bootTestApp, TestApp } from './support/test-app';

/** The signing secret that used to be written in app-config.ts and signed every token of an unconfigured server. */
const FORMER_SOURCE_SECRET = 'gezhi-development-only-token-secret';

/**
 * What the test harness normally adds (dev login, demo seed, a token secret, NODE_ENV=test) taken away again:
 * the server as `node dist/main.js` starts it with no environment, on its own scratch database. Only the
 * background jobs are off so the test stays still — they have nothing to do with the security defaults.
 */
const NO_ENVIRONMENT = {
  NODE_ENV: undefined,
  DEV_LOGIN: undefined,
  SEED_DEMO: undefined,
  TOKEN_SECRET: undefined,
  SWEEP_ENABLED: 'false',
  OUTBOX_SENDER: 'false',
  SLOT_TOPUP_ENABLED: 'false',
  RETURN_VISIT_SWEEP_ENABLED: 'false',
};

const PRODUCTION = {
  NODE_ENV: 'production',
  DEV_LOGIN: undefined,
  SEED_DEMO: undefined,
  TOKEN_SECRET: 'production-token-secret-0123456789abcdef',
  WECHAT_SESSION_KEY_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
};

describe('a server started with no environment', () => {
  let wechat: FakeWechatServer;
  let t: TestApp;

  beforeAll(async () => {
    wechat = await FakeWechatServer.start();
    t = await bootTestApp(
      { ...NO_ENVIRONMENT, WECHAT_APPID: wechat.appId, WECHAT_SECRET: wechat.secret, WECHAT_API_BASE: wechat.baseUrl },
      { clock: new ManualClock(WEEKDAY_MORNING) },
    );
  });

  afterAll(async () => {
    await t.close();
    await wechat.close();
  });

  it('runs with the dev login off, no demo accounts listed and no demo data seeded', async () => {
    expect(t.config.nodeEnv).toBe('development');
    const login = await t.anonymous.post('/api/auth/dev-login', { account: 'street1' }).expect(403);
    expect(login.body.code).toBe(ErrorCode.DevLoginDisabled);
    const options = (await t.anonymous.get('/api/auth/options').expect(200)).body as AuthOptions;
    expect(options).toMatchObject({ devLogin: false, demoAccounts: [] });
    const [{ users }] = await t.app.get(DataSource).query('SELECT COUNT(*) AS users FROM user');
    expect(Number(users)).toBe(0);
  });

  it('signs tokens with a random secret of its own, stored once in the database, not with a constant', async () => {
    const rows: { value: string }[] = await t.app.get(DataSource).query("SELECT value FROM installation_secret WHERE name = 'token-secret'");
    expect(rows).toHaveLength(1);
    expect(Buffer.from(rows[0].value, 'base64url').length).toBeGreaterThanOrEqual(32);
    expect(rows[0].value).not.toBe(FORMER_SOURCE_SECRET);
  });

  it('refuses a token forged with the secret that used to be in the source', async () => {
    const resident = (await t.anonymous.post('/api/auth/wechat', { code: wechat.issueCode() }).expect(200)).body as LoginResponse;
    await t.clientFor(resident).get('/api/me').expect(200);
    const forged = issueToken(resident.me.id, FORMER_SOURCE_SECRET, 3600);
    const response = await request(t.app.getHttpServer()).get('/api/me').set('Authorization', `Bearer ${forged}`).expect(401);
    expect(response.body.code).toBe(ErrorCode.Unauthenticated);
  });

  it('keeps its tokens valid on a second instance of the same database (the secret is shared, not per process)', async () => {
    const resident = (await t.anonymous.post('/api/auth/wechat', { code: wechat.issueCode() }).expect(200)).body as LoginResponse;
    const second = await createApp(t.config, { logger: ['error'], clock: new ManualClock(WEEKDAY_MORNING) });
    try {
      await second.init();
      await second.getHttpAdapter().getInstance().ready();
      const me = await request(second.getHttpServer()).get('/api/me').set('Authorization', `Bearer ${resident.token}`).expect(200);
      expect(me.body.id).toBe(resident.me.id);
    } finally {
      await second.close();
    }
  });

  it('stores the WeChat session_key encrypted (the raw row holds no plaintext) and can still read it', async () => {
    const resident = (await t.anonymous.post('/api/auth/wechat', { code: wechat.issueCode() }).expect(200)).body as LoginResponse;
    const issued = wechat.sessionKeysIssued[wechat.sessionKeysIssued.length - 1];
    const [row]: { sessionKey: string }[] = await t.app
      .get(DataSource)
      .query('SELECT sessionKey FROM wechat_session WHERE userId = ?', [resident.me.id]);
    expect(row.sessionKey).not.toContain(issued);
    expect(row.sessionKey).not.toContain(Buffer.from(issued, 'base64').toString('hex'));
    expect(row.sessionKey).toMatch(/^local:[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(await t.app.get(WechatSessionStore).sessionKeyOf(resident.me.id)).toBe(issued);
  });

  it('encrypts at the next start a session_key stored in plain text before encryption existed', async () => {
    const resident = (await t.anonymous.post('/api/auth/wechat', { code: wechat.issueCode() }).expect(200)).body as LoginResponse;
    const dataSource = t.app.get(DataSource);
    await dataSource.query('UPDATE wechat_session SET sessionKey = ? WHERE userId = ?', ['bGVnYWN5LXBsYWludGV4dA==', resident.me.id]);
    const restarted = await createApp(t.config, { logger: ['error'], clock: new ManualClock(WEEKDAY_MORNING) });
    try {
      await restarted.init();
      const [row]: { sessionKey: string }[] = await dataSource.query('SELECT sessionKey FROM wechat_session WHERE userId = ?', [resident.me.id]);
      expect(row.sessionKey).not.toContain('bGVnYWN5LXBsYWludGV4dA==');
      expect(await restarted.get(WechatSessionStore).sessionKeyOf(resident.me.id)).toBe('bGVnYWN5LXBsYWludGV4dA==');
    } finally {
      await restarted.close();
    }
  });
});

describe('the account list of GET /api/auth/options', () => {
  it('is empty when the dev login is off, even with the demo data loaded', async () => {
    const t = await bootTestApp({ DEV_LOGIN: 'false', SEED_DEMO: 'true' });
    try {
      const options = (await t.anonymous.get('/api/auth/options').expect(200)).body as AuthOptions;
      expect(options.devLogin).toBe(false);
      expect(options.demoAccounts).toEqual([]);
      expect(JSON.stringify(options)).not.toContain('苏月');
    } finally {
      await t.close();
    }
  });
});

describe('a production configuration', () => {
  it('refuses to boot with the demo seed', async () => {
    await expect(bootTestApp({ ...PRODUCTION, SEED_DEMO: 'true' })).rejects.toThrow(ConfigError);
    await expect(bootTestApp({ ...PRODUCTION, SEED_DEMO: 'true' })).rejects.toThrow(/SEED_DEMO=true is refused when NODE_ENV=production/);
  });

  it('refuses to boot on a database seeded as a demo (accounts with the published demo password)', async () => {
    const demo = await bootTestApp();
    try {
      const production = parseConfig({ ...PRODUCTION, DATABASE_URL: demo.config.databaseUrl, UPLOAD_DIR: demo.config.uploadDir });
      const app = await createApp(production, { logger: false });
      try {
        await expect(app.init()).rejects.toThrow(/accounts have the published demo password/);
      } finally {
        await app.close().catch(() => undefined);
      }
    } finally {
      await demo.close();
    }
  });

  it('serves no API documentation at /docs and /docs/json unless DOCS_ENABLED=true', async () => {
    const closed = await bootTestApp(PRODUCTION);
    try {
      for (const url of ['/docs', '/docs/json']) {
        const response = await closed.anonymous.get(url).expect(404);
        expect(response.body.code).toBe(ErrorCode.RouteNotFound);
      }
    } finally {
      await closed.close();
    }
    const open = await bootTestApp({ ...PRODUCTION, DOCS_ENABLED: 'true' });
    try {
      const json = await open.anonymous.get('/docs/json').expect(200);
      expect(json.body.info.title).toBe('格治 Gezhi API');
    } finally {
      await open.close();
    }
  });
});
