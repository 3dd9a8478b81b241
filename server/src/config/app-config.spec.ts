import { ConfigError, parseConfig } from './app-config';

const ROOT = '/srv/gezhi/server';
const PRODUCTION_SECRET = 'x'.repeat(40);

describe('parseConfig', () => {
  it('defaults to the embedded SQLite database, port 3000 and the dev login outside production', () => {
    const config = parseConfig({}, ROOT);
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe('sqlite:/srv/gezhi/server/data/gezhi.sqlite');
    expect(config.uploadDir).toBe('/srv/gezhi/server/data/uploads');
    expect(config.devLogin).toBe(true);
    expect(config.seedDemo).toBe(true);
    expect(config.wechat.apiBase).toBe('https://api.weixin.qq.com');
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
    const config = parseConfig({ NODE_ENV: 'production', TOKEN_SECRET: PRODUCTION_SECRET }, ROOT);
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
});
