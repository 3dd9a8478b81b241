import { ConfigError, parseConfig } from './app-config';

const ROOT = '/srv/gezhi/server';
const PRODUCTION_SECRET = 'x'.repeat(40);
const KEY = Buffer.alloc(32, 9);
const PRODUCTION = { NODE_ENV: 'production', TOKEN_SECRET: PRODUCTION_SECRET, WECHAT_SESSION_KEY_KEYS: `k1:${KEY.toString('base64')}` };

describe('parseConfig', () => {
  it('defaults to the embedded SQLite database and port 3000, with the demo conveniences off and no token secret of its own', () => {
    const config = parseConfig({}, ROOT);
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe('sqlite:/srv/gezhi/server/data/gezhi.sqlite');
    expect(config.uploadDir).toBe('/srv/gezhi/server/data/uploads');
    expect(config.devLogin).toBe(false);
    expect(config.seedDemo).toBe(false);
    // null: the installation's own secret, generated once and kept in the database (AuthKeys)
    expect(config.tokenSecret).toBeNull();
    expect(config.sessionKeyKeys).toBeNull();
    expect(config.docsEnabled).toBe(true);
    expect(config.wechat.apiBase).toBe('https://api.weixin.qq.com');
  });

  it('turns the demo conveniences on only when asked (npm run demo, the tests)', () => {
    const config = parseConfig({ DEV_LOGIN: 'true', SEED_DEMO: 'true' }, ROOT);
    expect(config.devLogin).toBe(true);
    expect(config.seedDemo).toBe(true);
  });

  it('refuses to boot in production with the demo seed (demo accounts with the published password)', () => {
    expect(() => parseConfig({ ...PRODUCTION, SEED_DEMO: 'true' }, ROOT)).toThrow(/SEED_DEMO=true is refused when NODE_ENV=production/);
  });

  it('requires the session_key encryption keys in production and parses several for rotation', () => {
    expect(() => parseConfig({ NODE_ENV: 'production', TOKEN_SECRET: PRODUCTION_SECRET }, ROOT)).toThrow(/WECHAT_SESSION_KEY_KEYS is required/);
    const config = parseConfig({ ...PRODUCTION, WECHAT_SESSION_KEY_KEYS: `k2:${KEY.toString('base64')}, k1:${Buffer.alloc(32, 1).toString('base64')}` }, ROOT);
    expect(config.sessionKeyKeys?.map((k) => k.id)).toEqual(['k2', 'k1']);
    expect(config.sessionKeyKeys?.[0].key.equals(KEY)).toBe(true);
    expect(() => parseConfig({ ...PRODUCTION, WECHAT_SESSION_KEY_KEYS: 'k1:dG9vLXNob3J0' }, ROOT)).toThrow(/32 bytes/);
  });

  it('serves /docs in production only with DOCS_ENABLED=true', () => {
    expect(parseConfig(PRODUCTION, ROOT).docsEnabled).toBe(false);
    expect(parseConfig({ ...PRODUCTION, DOCS_ENABLED: 'true' }, ROOT).docsEnabled).toBe(true);
  });

  it('refuses to boot in production with the dev login switched on', () => {
    expect(() => parseConfig({ NODE_ENV: 'production', TOKEN_SECRET: PRODUCTION_SECRET, DEV_LOGIN: 'true' }, ROOT)).toThrow(
      /DEV_LOGIN=true is refused when NODE_ENV=production/,
    );
  });

  it('refuses to boot in production without a token secret', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' }, ROOT)).toThrow(/TOKEN_SECRET is required/);
  });

  it('refuses a short token secret in production', () => {
    expect(() => parseConfig({ NODE_ENV: 'production', TOKEN_SECRET: 'short' }, ROOT)).toThrow(/at least 32/);
  });

  it('turns the dev login and the demo seed off by default in production', () => {
    const config = parseConfig(PRODUCTION, ROOT);
    expect(config.devLogin).toBe(false);
    expect(config.seedDemo).toBe(false);
  });

  it('lists every problem at once', () => {
    try {
      parseConfig({ PORT: 'abc', DEV_LOGIN: 'maybe', DATABASE_URL: 'postgres://x' }, ROOT);
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toHaveLength(3);
    }
  });

  it('keeps network database URLs as given and resolves the H5 folder against server/', () => {
    const config = parseConfig({ DATABASE_URL: 'mariadb://root@127.0.0.1:3306/gezhi', H5_DIR: '../miniapp/dist-h5' }, ROOT);
    expect(config.databaseUrl).toBe('mariadb://root@127.0.0.1:3306/gezhi');
    expect(config.h5Dir).toBe('/srv/gezhi/miniapp/dist-h5');
  });

  describe('WeChat subscribe messages, the outbox and passwords', () => {
    const WECHAT = { WECHAT_APPID: 'wx-app', WECHAT_SECRET: 'secret' };

    it('leaves WeChat messages off (no templates) and the sender on, every 5 s with a 2-minute lease, by default', () => {
      const config = parseConfig({}, ROOT);
      expect(config.wechat.templates).toEqual({ REQUEST_UPDATE: null, NEW_ASSIGNMENT: null });
      expect(config.wechat.miniprogramState).toBe('formal');
      expect(config.outbox).toEqual({ senderEnabled: true, intervalMs: 5000, leaseMs: 120_000, batchSize: 20 });
      expect(config.passwords.scryptCost).toBe(15);
    });

    it('reads template ids with the default keyword mapping, or a configured one', () => {
      const config = parseConfig(
        { ...WECHAT, WECHAT_TEMPLATE_REQUEST_UPDATE: 'tpl-a', WECHAT_TEMPLATE_NEW_ASSIGNMENT: 'tpl-b', WECHAT_TEMPLATE_NEW_ASSIGNMENT_FIELDS: 'thing1=title, time2=time' },
        ROOT,
      );
      expect(config.wechat.templates.REQUEST_UPDATE).toEqual({
        templateId: 'tpl-a',
        fields: { character_string1: 'serial', thing2: 'title', thing3: 'body', time4: 'time' },
      });
      expect(config.wechat.templates.NEW_ASSIGNMENT).toEqual({ templateId: 'tpl-b', fields: { thing1: 'title', time2: 'time' } });
    });

    it('refuses templates without WeChat credentials, a bad keyword mapping, a short lease and a bad miniprogram state', () => {
      expect(() => parseConfig({ WECHAT_TEMPLATE_NEW_ASSIGNMENT: 'tpl' }, ROOT)).toThrow(/needs WECHAT_APPID and WECHAT_SECRET/);
      expect(() => parseConfig({ ...WECHAT, WECHAT_TEMPLATE_NEW_ASSIGNMENT: 'tpl', WECHAT_TEMPLATE_NEW_ASSIGNMENT_FIELDS: 'thing1=nonsense' }, ROOT)).toThrow(
        /WECHAT_TEMPLATE_NEW_ASSIGNMENT_FIELDS/,
      );
      expect(() => parseConfig({ OUTBOX_LEASE_MS: '1000' }, ROOT)).toThrow(/OUTBOX_LEASE_MS must be an integer from 30000/);
      expect(() => parseConfig({ WECHAT_MINIPROGRAM_STATE: 'beta' }, ROOT)).toThrow(/WECHAT_MINIPROGRAM_STATE/);
      expect(() => parseConfig({ PASSWORD_SCRYPT_COST: '8' }, ROOT)).toThrow(/PASSWORD_SCRYPT_COST/);
    });
  });

  describe('回访 (return visits)', () => {
    it('makes items 待回访 after 3 days and closes them unrated after 7, with the closing job off in tests', () => {
      expect(parseConfig({ NODE_ENV: 'test' }, ROOT).returnVisit).toEqual({ afterDays: 3, unratedCloseDays: 7, sweepEnabled: false, intervalMs: 600_000, batchSize: 200 });
      expect(parseConfig({}, ROOT).returnVisit.sweepEnabled).toBe(true);
      expect(parseConfig({ RETURN_VISIT_AFTER_DAYS: '2', RETURN_VISIT_UNRATED_CLOSE_DAYS: '10' }, ROOT).returnVisit).toMatchObject({ afterDays: 2, unratedCloseDays: 10 });
    });

    it('refuses a close period that does not leave time to call, and days that are not whole numbers', () => {
      expect(() => parseConfig({ RETURN_VISIT_AFTER_DAYS: '5', RETURN_VISIT_UNRATED_CLOSE_DAYS: '5' }, ROOT)).toThrow(/RETURN_VISIT_UNRATED_CLOSE_DAYS \(5\) must be more than/);
      expect(() => parseConfig({ RETURN_VISIT_AFTER_DAYS: '1.5' }, ROOT)).toThrow(/RETURN_VISIT_AFTER_DAYS/);
      expect(() => parseConfig({ RETURN_VISIT_UNRATED_CLOSE_DAYS: '0' }, ROOT)).toThrow(/RETURN_VISIT_UNRATED_CLOSE_DAYS/);
    });
  });

  describe('limits', () => {
    it('believes X-Forwarded-For from nobody unless TRUST_PROXY names the proxies', () => {
      expect(parseConfig({}, ROOT).limits.trustProxy).toBe(false);
      expect(parseConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }, ROOT).limits.trustProxy).toEqual(['loopback', '10.0.0.0/8']);
      expect(parseConfig({ TRUST_PROXY: 'true' }, ROOT).limits.trustProxy).toBe(true);
      expect(() => parseConfig({ TRUST_PROXY: 'my proxy' }, ROOT)).toThrow(/TRUST_PROXY/);
    });

    it('has real login, filing and upload limits outside tests, and relaxed ones under NODE_ENV=test', () => {
      const production = parseConfig({ NODE_ENV: 'development' }, ROOT).limits;
      expect(production).toMatchObject({ loginPerAddress: { limit: 20, windowMs: 900_000 }, filingsPerHour: 20, filingsPerDay: 50, uploadsPerHour: 100, homeChanges: 3, homeChangeWindowDays: 30, orphanUploadMaxAgeHours: 24, orphanSweepEnabled: true });
      const test = parseConfig({ NODE_ENV: 'test' }, ROOT).limits;
      expect(test).toMatchObject({ filingsPerHour: 10_000, orphanSweepEnabled: false, homeChanges: 3 });
      expect(() => parseConfig({ FILING_QUOTA_PER_HOUR: '0' }, ROOT)).toThrow(/FILING_QUOTA_PER_HOUR/);
    });
  });
});
