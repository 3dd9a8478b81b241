import * as path from 'node:path';

export interface DatabaseTimeouts {
  /** TCP connect + handshake of a new connection (mysql2 connectTimeout) */
  connectMs: number;
  /** one statement: client-side (mysql2 query timeout), server-side (MariaDB max_statement_time), SQLite busy timeout */
  statementMs: number;
  /** while the database is unavailable (also at boot), how often it is tried again */
  retryMs: number;
}

/** Everything the server reads from its environment, parsed and validated once at boot. */
export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  isProduction: boolean;
  port: number;
  databaseUrl: string;
  /** fail fast when the database is down or frozen: 503 DATABASE_UNAVAILABLE instead of a hang */
  databaseTimeouts: DatabaseTimeouts;
  /** HMAC key of the bearer tokens; null = the installation's own, generated once and kept in the database (installation_secret) */
  tokenSecret: string | null;
  tokenTtlSeconds: number;
  devLogin: boolean;
  /** Swagger UI at /docs and the OpenAPI JSON at /docs/json (default: on outside production) */
  docsEnabled: boolean;
  /**
   * AES-256-GCM keys that encrypt WeChat session_keys at rest, by key id; the first encrypts, all decrypt (rotation).
   * null = the installation's own key, generated once and kept in the database (outside production only).
   */
  sessionKeyKeys: { id: string; key: Buffer }[] | null;
  wechat: {
    appId: string | null;
    secret: string | null;
    apiBase: string;
    timeoutMs: number;
    /** subscribe-message templates (ids from the WeChat console); null = no WeChat message of that kind, in-app only */
    templates: Record<SubscribeTemplatePurpose, SubscribeTemplateConfig | null>;
    /** miniprogram_state of subscribe messages: which build a tap on the message opens */
    miniprogramState: 'developer' | 'trial' | 'formal';
  };
  /** the WeChat subscribe-message outbox sender that runs inside every API instance */
  outbox: {
    senderEnabled: boolean;
    intervalMs: number;
    /** a row claimed longer ago than this (a crashed sender) becomes claimable again */
    leaseMs: number;
    batchSize: number;
  };
  /** password login for staff and liaisons (desktop browser) */
  passwords: {
    /** log2 of scrypt's N for new hashes (stored hashes carry their own parameters) */
    scryptCost: number;
  };
  /** limits against abuse and overload (docs/operations.md#limits-and-abuse) */
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
  seedDemo: boolean;
  /** 居民问需会 defaults for communities without settings of their own (docs/review.md) */
  review: {
    /** days of the month the meeting is held (1–28) */
    meetingDays: number[];
    /** the same problem (building × category × subcategory) seen this many times within the window is a recurring problem */
    recurrenceMinCount: number;
    recurrenceWindowDays: number;
    /** the agenda shows at most this many entries (what a 30-minute meeting gets through); the rest are 「其余 N 项」 */
    agendaLimit: number;
  };
  /** the deadline sweeper (督办 and automatic escalation), run inside every instance */
  sweep: {
    enabled: boolean;
    intervalMs: number;
    batchSize: number;
    /** batches handled at once, each in its own transaction and connection (1 on SQLite: one writer) */
    concurrency: number;
  };
  /** 数据: how long an instance reuses a computed metrics answer (0: never; docs/metrics.md#caching) */
  metrics: {
    cacheMs: number;
    /** 红黑榜 (docs/metrics.md#rankings): fewer items than this in a unit's primary rate → 样本不足, not ranked */
    rankingMinSample: number;
    /** 红黑榜: the primary rate (percent) a unit needs to be on the red list and ahead of those below it */
    rankingPassPercent: number;
  };
  /** the background top-up that keeps recurring service slots materialised a year ahead, run inside every instance */
  slotTopUp: {
    enabled: boolean;
    intervalMs: number;
  };
  /** 回访 (docs/request-lifecycle.md#回访): return visits of unrated items and their automatic 未评价 close */
  returnVisit: {
    /** an item resolved this many days ago and not rated is 待回访 */
    afterDays: number;
    /** an item resolved this many days ago and still not rated is closed unrated (未评价); more than afterDays */
    unratedCloseDays: number;
    /** the closing job, run inside every instance (claims by conditional UPDATE, exactly once across instances) */
    sweepEnabled: boolean;
    intervalMs: number;
    batchSize: number;
  };
}

export type Env = Record<string, string | undefined>;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/** Which subscribe-message template a notice uses: residents' progress updates, or new work for staff/liaisons. */
export type SubscribeTemplatePurpose = 'REQUEST_UPDATE' | 'NEW_ASSIGNMENT';

/** What goes into a template keyword: the request serial, the notice title or body, the time of the hand-off. */
export const TEMPLATE_FIELD_SOURCES = ['serial', 'title', 'body', 'time'] as const;
export type TemplateFieldSource = (typeof TEMPLATE_FIELD_SOURCES)[number];

export interface SubscribeTemplateConfig {
  templateId: string;
  /** template keyword (e.g. thing2) → what fills it; keywords differ per template chosen in the WeChat console */
  fields: Record<string, TemplateFieldSource>;
}

const DEFAULT_TEMPLATE_FIELDS = 'character_string1=serial,thing2=title,thing3=body,time4=time';

/** The folder `server/`: relative paths in the environment are resolved against it (src/config or dist/config → ../..). */
export const SERVER_ROOT = path.resolve(__dirname, '..', '..');

const MIN_TOKEN_SECRET_LENGTH = 32;
const SESSION_KEY_KEY_BYTES = 32;
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
  const readPositiveInt = (name: string, fallback: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) {
      problems.push(`${name} must be a positive integer (got "${raw}")`);
      return fallback;
    }
    return value;
  };

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

  // unset outside production: a random secret generated once per installation and kept in its database (no constant)
  const tokenSecret = read('TOKEN_SECRET') ?? null;
  if (!tokenSecret) {
    if (isProduction) problems.push('TOKEN_SECRET is required when NODE_ENV=production');
  } else if (isProduction && tokenSecret.length < MIN_TOKEN_SECRET_LENGTH) {
    problems.push(`TOKEN_SECRET must be at least ${MIN_TOKEN_SECRET_LENGTH} characters in production`);
  }

  const sessionKeyKeys = parseSessionKeyKeys(read('WECHAT_SESSION_KEY_KEYS'), problems);
  if (!sessionKeyKeys && isProduction) {
    problems.push('WECHAT_SESSION_KEY_KEYS is required when NODE_ENV=production (e.g. k1:<32 random bytes in base64>)');
  }

  const rawTtl = read('TOKEN_TTL_SECONDS') ?? String(7 * 24 * 3600);
  const tokenTtlSeconds = Number(rawTtl);
  if (!Number.isInteger(tokenTtlSeconds) || tokenTtlSeconds <= 0) problems.push('TOKEN_TTL_SECONDS must be a positive integer');

  // the demo conveniences are off unless asked for (npm run demo and the tests turn them on)
  const devLogin = readBoolean('DEV_LOGIN', false);
  if (isProduction && devLogin) {
    problems.push('DEV_LOGIN=true is refused when NODE_ENV=production: the dev login lets anyone sign in as any demo account');
  }

  const apiBase = (read('WECHAT_API_BASE') ?? 'https://api.weixin.qq.com').replace(/\/+$/, '');
  if (!/^https?:\/\//.test(apiBase)) problems.push('WECHAT_API_BASE must be an http(s) URL');

  const h5 = read('H5_DIR');

  const readInteger = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const readTemplate = (name: string): SubscribeTemplateConfig | null => {
    const templateId = read(name);
    if (!templateId) return null;
    const fieldsName = `${name}_FIELDS`;
    const fields: Record<string, TemplateFieldSource> = {};
    for (const pair of (read(fieldsName) ?? DEFAULT_TEMPLATE_FIELDS).split(',')) {
      const [keyword, source] = pair.split('=').map((part) => part.trim());
      if (!keyword || !/^[a-z_]+\d+$/.test(keyword) || !(TEMPLATE_FIELD_SOURCES as readonly string[]).includes(source)) {
        problems.push(`${fieldsName} must look like "thing2=title,time4=time" with sources ${TEMPLATE_FIELD_SOURCES.join('|')} (got "${pair}")`);
        continue;
      }
      fields[keyword] = source as TemplateFieldSource;
    }
    return { templateId, fields };
  };
  const templates = {
    REQUEST_UPDATE: readTemplate('WECHAT_TEMPLATE_REQUEST_UPDATE'),
    NEW_ASSIGNMENT: readTemplate('WECHAT_TEMPLATE_NEW_ASSIGNMENT'),
  };
  if ((templates.REQUEST_UPDATE || templates.NEW_ASSIGNMENT) && !(read('WECHAT_APPID') && read('WECHAT_SECRET'))) {
    problems.push('WECHAT_TEMPLATE_* needs WECHAT_APPID and WECHAT_SECRET (the sender needs an access token)');
  }
  const miniprogramState = read('WECHAT_MINIPROGRAM_STATE') ?? 'formal';
  if (!['developer', 'trial', 'formal'].includes(miniprogramState)) {
    problems.push(`WECHAT_MINIPROGRAM_STATE must be developer, trial or formal (got "${miniprogramState}")`);
  }

  const rawMeetingDays = read('REVIEW_MEETING_DAYS') ?? '1,16';
  const meetingDays = rawMeetingDays.split(',').map((part) => Number(part.trim()));
  if (
    meetingDays.length === 0 ||
    meetingDays.some((d) => !Number.isInteger(d) || d < 1 || d > 28) ||
    new Set(meetingDays).size !== meetingDays.length
  ) {
    problems.push(`REVIEW_MEETING_DAYS must be distinct days of the month 1–28 separated by commas (got "${rawMeetingDays}")`);
  }

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
  // tests file and log in far more than a person would; suites that test the limits set them explicitly
  const relaxed = nodeEnv === 'test';

  // tests run quiet unless they give the app a log destination (test/support/test-app.ts)
  const rawLogLevel = read('LOG_LEVEL') ?? (nodeEnv === 'test' ? 'silent' : 'info');
  const logLevel = (LOG_LEVELS as readonly string[]).includes(rawLogLevel)
    ? (rawLogLevel as LogLevelName)
    : (problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${rawLogLevel}")`), 'info' as const);

  const config: AppConfig = {
    nodeEnv,
    isProduction,
    port,
    databaseUrl,
    databaseTimeouts: {
      connectMs: readPositiveInt('DATABASE_CONNECT_TIMEOUT_MS', 2000),
      statementMs: readPositiveInt('DATABASE_STATEMENT_TIMEOUT_MS', 2000),
      retryMs: readPositiveInt('DATABASE_RETRY_MS', 1000),
    },
    tokenSecret,
    tokenTtlSeconds,
    devLogin,
    docsEnabled: readBoolean('DOCS_ENABLED', !isProduction),
    sessionKeyKeys,
    wechat: {
      appId: read('WECHAT_APPID') ?? null,
      secret: read('WECHAT_SECRET') ?? null,
      apiBase,
      timeoutMs: 5000,
      templates,
      miniprogramState: miniprogramState as AppConfig['wechat']['miniprogramState'],
    },
    outbox: {
      senderEnabled: readBoolean('OUTBOX_SENDER', true),
      intervalMs: readInteger('OUTBOX_INTERVAL_MS', 5000, 100, 3_600_000),
      leaseMs: readInteger('OUTBOX_LEASE_MS', 120_000, 30_000, 3_600_000),
      batchSize: readInteger('OUTBOX_BATCH_SIZE', 20, 1, 100),
    },
    passwords: {
      scryptCost: readInteger('PASSWORD_SCRYPT_COST', 15, 14, 20),
    },
    limits: {
      trustProxy,
      loginPerAddress: {
        limit: readInteger('LOGIN_ADDRESS_LIMIT', relaxed ? 10_000 : 20, 1, 1_000_000),
        windowMs: readInteger('LOGIN_ADDRESS_WINDOW_SECONDS', 900, 10, 86_400) * 1000,
      },
      loginBackoffMaxSeconds: readInteger('LOGIN_BACKOFF_MAX_SECONDS', 900, 1, 86_400),
      filingsPerHour: readInteger('FILING_QUOTA_PER_HOUR', relaxed ? 10_000 : 20, 1, 1_000_000),
      filingsPerDay: readInteger('FILING_QUOTA_PER_DAY', relaxed ? 10_000 : 50, 1, 1_000_000),
      uploadsPerHour: readInteger('UPLOAD_QUOTA_PER_HOUR', relaxed ? 10_000 : 100, 1, 1_000_000),
      orphanSweepEnabled: readBoolean('ORPHAN_SWEEP_ENABLED', nodeEnv !== 'test'),
      orphanSweepIntervalMs: readInteger('ORPHAN_SWEEP_INTERVAL_MS', 3_600_000, 1000, 86_400_000),
      orphanUploadMaxAgeHours: readInteger('ORPHAN_UPLOAD_MAX_AGE_HOURS', 24, 1, 720),
      homeChanges: readInteger('HOME_CHANGES_LIMIT', 3, 1, 100),
      homeChangeWindowDays: readInteger('HOME_CHANGES_WINDOW_DAYS', 30, 1, 365),
    },
    http: {
      headersTimeoutMs: readInteger('HTTP_HEADERS_TIMEOUT_MS', 10_000, 100, 120_000),
      requestTimeoutMs: readInteger('HTTP_REQUEST_TIMEOUT_MS', 120_000, 1000, 600_000),
      idleTimeoutMs: readInteger('HTTP_IDLE_TIMEOUT_MS', 30_000, 100, 600_000),
      keepAliveTimeoutMs: readInteger('HTTP_KEEP_ALIVE_TIMEOUT_MS', 10_000, 100, 600_000),
    },
    log: { level: logLevel },
    uploadDir: resolvePath(read('UPLOAD_DIR') ?? './data/uploads'),
    photos: {
      urlSecret: read('PHOTO_URL_SECRET') ?? null,
      urlTtlSeconds: readInteger('PHOTO_URL_TTL_SECONDS', 3600, 60, 86_400),
      maxDimension: readInteger('PHOTO_MAX_DIMENSION', 2560, 320, 8192),
    },
    h5Dir: h5 ? resolvePath(h5) : null,
    seedDemo: readBoolean('SEED_DEMO', false),
    review: {
      meetingDays: [...meetingDays].sort((x, y) => x - y),
      recurrenceMinCount: readInteger('REVIEW_RECURRENCE_MIN', 3, 2, 20),
      recurrenceWindowDays: readInteger('REVIEW_RECURRENCE_WINDOW_DAYS', 90, 7, 366),
      agendaLimit: readInteger('REVIEW_AGENDA_LIMIT', 20, 5, 200),
    },
    sweep: {
      enabled: readBoolean('SWEEP_ENABLED', nodeEnv !== 'test'),
      intervalMs: readPositiveInt('SWEEP_INTERVAL_MS', 15_000),
      batchSize: readPositiveInt('SWEEP_BATCH_SIZE', 500),
      concurrency: readPositiveInt('SWEEP_CONCURRENCY', 4),
    },
    metrics: {
      cacheMs: readInteger('METRICS_CACHE_MS', nodeEnv === 'test' ? 0 : 10_000, 0, 600_000),
      rankingMinSample: readInteger('RANKING_MIN_SAMPLE', 5, 1, 1000),
      rankingPassPercent: readInteger('RANKING_PASS_PERCENT', 80, 0, 100),
    },
    slotTopUp: {
      enabled: readBoolean('SLOT_TOPUP_ENABLED', nodeEnv !== 'test'),
      intervalMs: readInteger('SLOT_TOPUP_INTERVAL_MS', 3_600_000, 1000, 86_400_000),
    },
    returnVisit: {
      afterDays: readInteger('RETURN_VISIT_AFTER_DAYS', 3, 1, 60),
      unratedCloseDays: readInteger('RETURN_VISIT_UNRATED_CLOSE_DAYS', 7, 2, 365),
      sweepEnabled: readBoolean('RETURN_VISIT_SWEEP_ENABLED', nodeEnv !== 'test'),
      intervalMs: readInteger('RETURN_VISIT_SWEEP_INTERVAL_MS', 600_000, 1000, 86_400_000),
      batchSize: readInteger('RETURN_VISIT_SWEEP_BATCH_SIZE', 200, 1, 5000),
    },
  };
  if (config.returnVisit.unratedCloseDays <= config.returnVisit.afterDays) {
    problems.push(
      `RETURN_VISIT_UNRATED_CLOSE_DAYS (${config.returnVisit.unratedCloseDays}) must be more than RETURN_VISIT_AFTER_DAYS (${config.returnVisit.afterDays}): staff need time to call`,
    );
  }
  if (isProduction && config.seedDemo) {
    problems.push(
      'SEED_DEMO=true is refused when NODE_ENV=production: the demo seed creates demo accounts with the published demo password',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** `sqlite:./x.sqlite` is resolved against server/; network URLs are returned unchanged. */
function normaliseDatabaseUrl(url: string, serverRoot: string): string {
  if (!url.startsWith('sqlite:')) return url;
  const file = url.slice('sqlite:'.length);
  return file === ':memory:' ? url : `sqlite:${path.resolve(serverRoot, file)}`;
}

/** `k2:<base64>,k1:<base64>`: key id (letters and digits, ≤ 16) and a 32-byte key each; the first one encrypts. */
function parseSessionKeyKeys(raw: string | undefined, problems: string[]): AppConfig['sessionKeyKeys'] {
  if (raw === undefined) return null;
  const keys: { id: string; key: Buffer }[] = [];
  for (const entry of raw.split(',').map((part) => part.trim())) {
    const match = /^([A-Za-z0-9]{1,16}):([A-Za-z0-9+/_=-]+)$/.exec(entry);
    const key = match ? Buffer.from(match[2], 'base64') : null;
    if (!match || !key || key.length !== SESSION_KEY_KEY_BYTES) {
      problems.push(
        `WECHAT_SESSION_KEY_KEYS must be comma-separated <keyId>:<${SESSION_KEY_KEY_BYTES} bytes in base64> (key id letters and digits, at most 16)`,
      );
      return null;
    }
    if (keys.some((k) => k.id === match[1])) {
      problems.push(`WECHAT_SESSION_KEY_KEYS names key id "${match[1]}" twice`);
      return null;
    }
    keys.push({ id: match[1], key });
  }
  return keys;
}
