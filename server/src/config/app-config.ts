import * as path from 'node:path';
import { EnvReader, type Env } from './env-reader';
import { parseDemoSeedConfig } from '../modules/demo-seed/demo-seed.config';
import { parsePasswordConfig } from '../modules/auth/passwords/password.config';
import { parseFilingQuotaConfig } from '../modules/requests/filing-quota.config';
import { parseUploadsConfig } from '../modules/uploads/uploads.config';
import { parseHomeBindingConfig } from '../modules/users/home-binding.config';
import { DatabaseTimeouts, parseDatabaseTimeouts } from '../database/database.config';
import { AuthConfig, parseAuthConfig } from '../modules/auth/auth.config';
import { MetricsConfig, parseMetricsConfig } from '../modules/metrics/metrics.config';
import { parseReturnVisitConfig, ReturnVisitConfig } from '../modules/return-visits/return-visit.config';
import { parseReviewConfig, ReviewConfig } from '../modules/review/review.config';
import { parseSlotTopUpConfig, SlotTopUpConfig } from '../modules/services/slot-top-up.config';
import { parseSweepConfig, SweepConfig } from '../modules/escalation/sweep.config';
import { OutboxConfig, parseOutboxConfig } from '../modules/wechat-messages/outbox.config';
import { parseWechatConfig, WechatConfig } from '../modules/wechat-messages/wechat.config';

export type { Env } from './env-reader';
export type { DatabaseTimeouts } from '../database/database.config';
export type { SubscribeTemplateConfig, SubscribeTemplatePurpose, TemplateFieldSource } from '../modules/wechat-messages/wechat.config';
export { TEMPLATE_FIELD_SOURCES } from '../modules/wechat-messages/wechat.config';


/**
 * Everything the server reads from its environment, parsed and validated once at boot: the composition of the
 * per-concern configurations (each parsed by its module's `parse…Config(env)` and provided by ConfigModule under its
 * own class, e.g. `WechatConfig`) and the sections still read here.
 */
export interface AppConfig extends AuthConfig {
  nodeEnv: 'development' | 'test' | 'production';
  isProduction: boolean;
  port: number;
  databaseUrl: string;
  /** src/database/database.config.ts */
  databaseTimeouts: DatabaseTimeouts;
  /** modules/auth/auth.config.ts (AuthConfig): tokenSecret, tokenTtlSeconds, devLogin */
  /** Swagger UI at /docs and the OpenAPI JSON at /docs/json (default: on outside production) */
  docsEnabled: boolean;
  /** modules/wechat-messages/wechat.config.ts */
  wechat: WechatConfig;
  /** modules/wechat-messages/outbox.config.ts */
  outbox: OutboxConfig;
  /** password login for staff and liaisons (desktop browser); with limits.loginPerAddress and loginBackoffMaxSeconds: modules/auth/passwords/password.config.ts */
  passwords: {
    /** log2 of scrypt's N for new hashes (stored hashes carry their own parameters) */
    scryptCost: number;
  };
  /** limits against abuse and overload (docs/operations.md#limits-and-abuse); each parsed by its concern (PasswordConfig, FilingQuotaConfig, UploadsConfig, HomeBindingConfig) but trustProxy */
  limits: {
    /** fastify's trustProxy: whom to believe about the caller's address in X-Forwarded-For (false: nobody) */
    trustProxy: boolean | string[];
    /** password logins per caller address per window (counted before any hashing; successful ones are given back) */
    loginPerAddress: { limit: number; windowMs: number };
    /** the delay after repeated failures for one account from one address doubles from 1 s up to this */
    loginBackoffMaxSeconds: number;
    /** requests a resident files per hour and per day */
    filingsPerHour: number;
    filingsPerDay: number;
    /** photos a user uploads per hour */
    uploadsPerHour: number;
    /** the sweep that deletes photos never attached to anything, older than orphanUploadMaxAgeHours */
    orphanSweepEnabled: boolean;
    orphanSweepIntervalMs: number;
    orphanUploadMaxAgeHours: number;
    /** a resident may bind a different home at most homeChanges times per homeChangeWindowDays */
    homeChanges: number;
    homeChangeWindowDays: number;
  };
  /** the HTTP server's timeouts (docs/operations.md#http-timeouts): a slow or stalled client cannot hold a connection */
  http: {
    /** the request line and all headers must arrive within this (Node's headersTimeout) */
    headersTimeoutMs: number;
    /** the whole request, body included, must arrive within this (Node's requestTimeout; uploads are ≤ 5 MB) */
    requestTimeoutMs: number;
    /** a socket with no traffic at all is closed after this (fastify's connectionTimeout) */
    idleTimeoutMs: number;
    /** an idle keep-alive connection is closed after this (keep it above a reverse proxy's upstream keep-alive) */
    keepAliveTimeoutMs: number;
  };
  /** structured request logs (pino, one JSON line per request; docs/operations.md#request-logs) */
  log: {
    level: LogLevelName;
  };
  /** uploadDir, photos (and limits.uploadsPerHour, orphan*): modules/uploads/uploads.config.ts */
  uploadDir: string;
  /** photos: re-encoded on upload, served only at signed URLs (docs/operations.md#photos) */
  photos: {
    /** HMAC key of photo URLs; null = the installation's own, generated once and kept in the database */
    urlSecret: string | null;
    /** a signed URL stays valid at least this long and at most twice as long (one URL per window, cacheable) */
    urlTtlSeconds: number;
    /** the longer side of a stored photo, in pixels; larger uploads are scaled down */
    maxDimension: number;
  };
  h5Dir: string | null;
  /** modules/demo-seed/demo-seed.config.ts */
  seedDemo: boolean;
  /** modules/review/review.config.ts */
  review: ReviewConfig;
  /** modules/escalation/sweep.config.ts */
  sweep: SweepConfig;
  /** modules/metrics/metrics.config.ts */
  metrics: MetricsConfig;
  /** modules/services/slot-top-up.config.ts */
  slotTopUp: SlotTopUpConfig;
  /** modules/return-visits/return-visit.config.ts */
  returnVisit: ReturnVisitConfig;
}


export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];


/** The folder `server/`: relative paths in the environment are resolved against it (src/config or dist/config → ../..). */
export const SERVER_ROOT = path.resolve(__dirname, '..', '..');


export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses and validates the environment, concern by concern; throws a ConfigError listing every problem at once. */
export function parseConfig(rawEnv: Env, serverRoot: string = SERVER_ROOT): AppConfig {
  const env = new EnvReader(rawEnv, serverRoot);
  const { nodeEnv, isProduction } = env;
  const problems = env.problems;
  const read = (name: string) => env.read(name);
  const readBoolean = (name: string, fallback: boolean) => env.readBoolean(name, fallback);
  const readInteger = (name: string, fallback: number, min: number, max: number) => env.readInteger(name, fallback, min, max);
  const resolvePath = (value: string) => env.resolvePath(value);

  const rawPort = read('PORT') ?? '3000';
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be a port number (got "${rawPort}")`);

  const databaseUrl = normaliseDatabaseUrl(read('DATABASE_URL') ?? 'sqlite:./data/gezhi.sqlite', serverRoot);
  if (!/^(sqlite:|mariadb:\/\/|mysql:\/\/)/.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with sqlite:, mariadb:// or mysql://');
  }

  const auth = parseAuthConfig(env);

  const wechat = parseWechatConfig(env);

  const h5 = read('H5_DIR');

  const review = parseReviewConfig(env);

  const rawTrustProxy = read('TRUST_PROXY') ?? 'false';
  let trustProxy: AppConfig['limits']['trustProxy'] = false;
  if (['false', '0', 'no'].includes(rawTrustProxy.toLowerCase())) trustProxy = false;
  else if (rawTrustProxy.toLowerCase() === 'true') trustProxy = true;
  else {
    const proxies = rawTrustProxy.split(',').map((part) => part.trim()).filter(Boolean);
    if (proxies.length === 0 || proxies.some((p) => !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(p) && !['loopback', 'linklocal', 'uniquelocal'].includes(p))) {
      problems.push(`TRUST_PROXY must be false, true, or proxy addresses/CIDRs (or loopback, linklocal, uniquelocal) separated by commas (got "${rawTrustProxy}")`);
    } else trustProxy = proxies;
  }
  const passwords = parsePasswordConfig(env);
  const filingQuota = parseFilingQuotaConfig(env);
  const uploads = parseUploadsConfig(env);
  const homeBinding = parseHomeBindingConfig(env);

  // tests run quiet unless they give the app a log destination (test/support/test-app.ts)
  const rawLogLevel = read('LOG_LEVEL') ?? (nodeEnv === 'test' ? 'silent' : 'info');
  const logLevel = (LOG_LEVELS as readonly string[]).includes(rawLogLevel)
    ? (rawLogLevel as LogLevelName)
    : (problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${rawLogLevel}")`), 'info' as const);

  const demoSeed = parseDemoSeedConfig(env);

  const config: AppConfig = {
    nodeEnv,
    isProduction,
    port,
    databaseUrl,
    databaseTimeouts: parseDatabaseTimeouts(env),
    ...auth,
    docsEnabled: readBoolean('DOCS_ENABLED', !isProduction),
    wechat,
    outbox: parseOutboxConfig(env),
    passwords: {
      scryptCost: passwords.scryptCost,
    },
    limits: {
      trustProxy,
      loginPerAddress: passwords.loginPerAddress,
      loginBackoffMaxSeconds: passwords.loginBackoffMaxSeconds,
      filingsPerHour: filingQuota.filingsPerHour,
      filingsPerDay: filingQuota.filingsPerDay,
      uploadsPerHour: uploads.uploadsPerHour,
      orphanSweepEnabled: uploads.orphanSweepEnabled,
      orphanSweepIntervalMs: uploads.orphanSweepIntervalMs,
      orphanUploadMaxAgeHours: uploads.orphanUploadMaxAgeHours,
      homeChanges: homeBinding.homeChanges,
      homeChangeWindowDays: homeBinding.homeChangeWindowDays,
    },
    http: {
      headersTimeoutMs: readInteger('HTTP_HEADERS_TIMEOUT_MS', 10_000, 100, 120_000),
      requestTimeoutMs: readInteger('HTTP_REQUEST_TIMEOUT_MS', 120_000, 1000, 600_000),
      idleTimeoutMs: readInteger('HTTP_IDLE_TIMEOUT_MS', 30_000, 100, 600_000),
      keepAliveTimeoutMs: readInteger('HTTP_KEEP_ALIVE_TIMEOUT_MS', 10_000, 100, 600_000),
    },
    log: { level: logLevel },
    uploadDir: uploads.uploadDir,
    photos: uploads.photos,
    h5Dir: h5 ? resolvePath(h5) : null,
    seedDemo: demoSeed.seedDemo,
    review,
    sweep: parseSweepConfig(env),
    metrics: parseMetricsConfig(env),
    slotTopUp: parseSlotTopUpConfig(env),
    returnVisit: parseReturnVisitConfig(env),
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
