import * as path from 'node:path';

/** Everything the server reads from its environment, parsed and validated once at boot. */
export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  isProduction: boolean;
  port: number;
  databaseUrl: string;
  tokenSecret: string;
  tokenTtlSeconds: number;
  devLogin: boolean;
  wechat: {
    appId: string | null;
    secret: string | null;
    apiBase: string;
    timeoutMs: number;
  };
  uploadDir: string;
  h5Dir: string | null;
  seedDemo: boolean;
}

export type Env = Record<string, string | undefined>;

/** The folder `server/`: relative paths in the environment are resolved against it (src/config or dist/config → ../..). */
export const SERVER_ROOT = path.resolve(__dirname, '..', '..');

/** Used only outside production when TOKEN_SECRET is not set, so tokens survive a restart on a laptop. */
const DEVELOPMENT_TOKEN_SECRET = 'gezhi-development-only-token-secret';
const MIN_TOKEN_SECRET_LENGTH = 32;
const NODE_ENVS = ['development', 'test', 'production'] as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses and validates the environment; throws a ConfigError listing every problem at once. */
export function parseConfig(env: Env, serverRoot: string = SERVER_ROOT): AppConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const readBoolean = (name: string, fallback: boolean): boolean => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
    if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };
  const resolvePath = (value: string) => path.resolve(serverRoot, value);

  const rawNodeEnv = read('NODE_ENV') ?? 'development';
  const nodeEnv = (NODE_ENVS as readonly string[]).includes(rawNodeEnv)
    ? (rawNodeEnv as AppConfig['nodeEnv'])
    : (problems.push(`NODE_ENV must be one of ${NODE_ENVS.join(', ')} (got "${rawNodeEnv}")`), 'development');
  const isProduction = nodeEnv === 'production';

  const rawPort = read('PORT') ?? '3000';
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be a port number (got "${rawPort}")`);

  const databaseUrl = normaliseDatabaseUrl(read('DATABASE_URL') ?? 'sqlite:./data/gezhi.sqlite', serverRoot);
  if (!/^(sqlite:|mariadb:\/\/|mysql:\/\/)/.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with sqlite:, mariadb:// or mysql://');
  }

  let tokenSecret = read('TOKEN_SECRET');
  if (!tokenSecret) {
    if (isProduction) problems.push('TOKEN_SECRET is required when NODE_ENV=production');
    tokenSecret = DEVELOPMENT_TOKEN_SECRET;
  } else if (isProduction && tokenSecret.length < MIN_TOKEN_SECRET_LENGTH) {
    problems.push(`TOKEN_SECRET must be at least ${MIN_TOKEN_SECRET_LENGTH} characters in production`);
  }

  const rawTtl = read('TOKEN_TTL_SECONDS') ?? String(7 * 24 * 3600);
  const tokenTtlSeconds = Number(rawTtl);
  if (!Number.isInteger(tokenTtlSeconds) || tokenTtlSeconds <= 0) problems.push('TOKEN_TTL_SECONDS must be a positive integer');

  const devLogin = readBoolean('DEV_LOGIN', !isProduction);
  if (isProduction && devLogin) {
    problems.push('DEV_LOGIN=true is refused when NODE_ENV=production: the dev login lets anyone sign in as any demo account');
  }

  const apiBase = (read('WECHAT_API_BASE') ?? 'https://api.weixin.qq.com').replace(/\/+$/, '');
  if (!/^https?:\/\//.test(apiBase)) problems.push('WECHAT_API_BASE must be an http(s) URL');

  const h5 = read('H5_DIR');

  const config: AppConfig = {
    nodeEnv,
    isProduction,
    port,
    databaseUrl,
    tokenSecret,
    tokenTtlSeconds,
    devLogin,
    wechat: {
      appId: read('WECHAT_APPID') ?? null,
      secret: read('WECHAT_SECRET') ?? null,
      apiBase,
      timeoutMs: 5000,
    },
    uploadDir: resolvePath(read('UPLOAD_DIR') ?? './data/uploads'),
    h5Dir: h5 ? resolvePath(h5) : null,
    seedDemo: readBoolean('SEED_DEMO', !isProduction),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** `sqlite:./x.sqlite` is resolved against server/; network URLs are returned unchanged. */
function normaliseDatabaseUrl(url: string, serverRoot: string): string {
  if (!url.startsWith('sqlite:')) return url;
  const file = url.slice('sqlite:'.length);
  return file === ':memory:' ? url : `sqlite:${path.resolve(serverRoot, file)}`;
}
