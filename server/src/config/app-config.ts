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
  uploadDir: string;
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
    uploadDir: resolvePath(read('UPLOAD_DIR') ?? './data/uploads'),
    h5Dir: h5 ? resolvePath(h5) : null,
    seedDemo: readBoolean('SEED_DEMO', !isProduction),
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
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** `sqlite:./x.sqlite` is resolved against server/; network URLs are returned unchanged. */
function normaliseDatabaseUrl(url: string, serverRoot: string): string {
  if (!url.startsWith('sqlite:')) return url;
  const file = url.slice('sqlite:'.length);
  return file === ':memory:' ? url : `sqlite:${path.resolve(serverRoot, file)}`;
}
