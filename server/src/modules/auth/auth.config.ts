import type { EnvReader } from '../../config/env-reader';

const MIN_TOKEN_SECRET_LENGTH = 32;
const SESSION_KEY_KEY_BYTES = 32;

/** Bearer tokens, the dev login and the keys of WeChat session_keys at rest. Inject `AuthConfig`. */
export abstract class AuthConfig {
  /** HMAC key of the bearer tokens; null = the installation's own, generated once and kept in the database (installation_secret) */
  abstract readonly tokenSecret: string | null;
  abstract readonly tokenTtlSeconds: number;
  abstract readonly devLogin: boolean;
  /**
   * AES-256-GCM keys that encrypt WeChat session_keys at rest, by key id; the first encrypts, all decrypt (rotation).
   * null = the installation's own key, generated once and kept in the database (outside production only).
   */
  abstract readonly sessionKeyKeys: { id: string; key: Buffer }[] | null;
}

/** TOKEN_SECRET, WECHAT_SESSION_KEY_KEYS (both required in production), TOKEN_TTL_SECONDS, DEV_LOGIN (refused in production) */
export function parseAuthConfig(env: EnvReader): AuthConfig {
  const { isProduction } = env;
  // unset outside production: a random secret generated once per installation and kept in its database (no constant)
  const tokenSecret = env.read('TOKEN_SECRET') ?? null;
  if (!tokenSecret) {
    if (isProduction) env.problem('TOKEN_SECRET is required when NODE_ENV=production');
  } else if (isProduction && tokenSecret.length < MIN_TOKEN_SECRET_LENGTH) {
    env.problem(`TOKEN_SECRET must be at least ${MIN_TOKEN_SECRET_LENGTH} characters in production`);
  }

  const sessionKeyKeys = parseSessionKeyKeys(env.read('WECHAT_SESSION_KEY_KEYS'), env);
  if (!sessionKeyKeys && isProduction) {
    env.problem('WECHAT_SESSION_KEY_KEYS is required when NODE_ENV=production (e.g. k1:<32 random bytes in base64>)');
  }

  const rawTtl = env.read('TOKEN_TTL_SECONDS') ?? String(7 * 24 * 3600);
  const tokenTtlSeconds = Number(rawTtl);
  if (!Number.isInteger(tokenTtlSeconds) || tokenTtlSeconds <= 0) env.problem('TOKEN_TTL_SECONDS must be a positive integer');

  // the demo conveniences are off unless asked for (npm run demo and the tests turn them on)
  const devLogin = env.readBoolean('DEV_LOGIN', false);
  if (isProduction && devLogin) {
    env.problem('DEV_LOGIN=true is refused when NODE_ENV=production: the dev login lets anyone sign in as any demo account');
  }
  return { tokenSecret, tokenTtlSeconds, devLogin, sessionKeyKeys };
}

/** `k2:<base64>,k1:<base64>`: key id (letters and digits, ≤ 16) and a 32-byte key each; the first one encrypts. */
function parseSessionKeyKeys(raw: string | undefined, env: EnvReader): AuthConfig['sessionKeyKeys'] {
  if (raw === undefined) return null;
  const keys: { id: string; key: Buffer }[] = [];
  for (const entry of raw.split(',').map((part) => part.trim())) {
    const match = /^([A-Za-z0-9]{1,16}):([A-Za-z0-9+/_=-]+)$/.exec(entry);
    const key = match ? Buffer.from(match[2], 'base64') : null;
    if (!match || !key || key.length !== SESSION_KEY_KEY_BYTES) {
      env.problem(
        `WECHAT_SESSION_KEY_KEYS must be comma-separated <keyId>:<${SESSION_KEY_KEY_BYTES} bytes in base64> (key id letters and digits, at most 16)`,
      );
      return null;
    }
    if (keys.some((k) => k.id === match[1])) {
      env.problem(`WECHAT_SESSION_KEY_KEYS names key id "${match[1]}" twice`);
      return null;
    }
    keys.push({ id: match[1], key });
  }
  return keys;
}
