import { ErrorCode } from '@gezhi/shared';
import { Logger, LoggerService } from '@nestjs/common';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startServer, RunningServer } from '../../src/boot';
import { parseConfig } from '../../src/config/app-config';
import { canRunPrivateMariadb, freePort, PrivateMariadb } from '../support/private-mariadb';
import { bootTestApp } from '../support/test-app';

/** Every line the app logs, to count outage lines and stack traces. */
class CollectingLogger implements LoggerService {
  readonly lines: { level: string; text: string }[] = [];
  log = (m: unknown, ...rest: unknown[]) => this.lines.push({ level: 'log', text: [m, ...rest].map(String).join(' ') });
  error = (m: unknown, ...rest: unknown[]) => this.lines.push({ level: 'error', text: [m, ...rest].map(String).join(' ') });
  warn = (m: unknown, ...rest: unknown[]) => this.lines.push({ level: 'warn', text: [m, ...rest].map(String).join(' ') });
  debug = () => undefined;
  verbose = () => undefined;
  matching(pattern: RegExp): string[] {
    return this.lines.filter((l) => pattern.test(l.text)).map((l) => l.text);
  }
}

async function timed(url: string, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown>; ms: number }> {
  const started = Date.now();
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
  const text = await response.text();
  if (process.env.OUTAGE_TRACE) console.log(url, response.status, Date.now() - started);
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = { text };
  }
  return { status: response.status, body, ms: Date.now() - started };
}

async function until(what: string, check: () => Promise<boolean>, ms = 60_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (await check().catch(() => false)) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('health: liveness apart from readiness', () => {
  it('answers /health/live and /health/ready while the database is up', async () => {
    const t = await bootTestApp();
    try {
      expect((await t.anonymous.get('/health/live').expect(200)).body).toMatchObject({ status: 'ok' });
      expect((await t.anonymous.get('/health/ready').expect(200)).body).toMatchObject({ status: 'ok', database: expect.any(String) });
    } finally {
      await t.close();
    }
  });
});

/**
 * Fault injection on a MariaDB server of the test's own (it is frozen with SIGSTOP and killed with SIGKILL): the API
 * must answer 503 DATABASE_UNAVAILABLE within about 2 s, never hang, never 500, log the outage once with a count, and
 * come back by itself. Runs where `mariadbd` is installed (the MariaDB e2e tier); takes about a minute.
 */
const onMariadb = canRunPrivateMariadb && process.env.TEST_DATABASE_URL !== undefined;

if (onMariadb) describe('a database that fails fast and comes back (private MariaDB)', () => {
  let db: PrivateMariadb;
  let server: RunningServer;
  let base: string;
  let auth: RequestInit;
  /** a route that reads the database (a resident's own requests) */
  const mine = () => timed(`${base}/api/requests/mine`, auth);
  const logs = new CollectingLogger();

  beforeAll(async () => {
    db = await PrivateMariadb.create();
  }, 60_000);

  afterAll(async () => {
    await server?.close().catch(() => undefined);
    await db?.destroy();
  });

  it('starts while the database is down: live at once, 503 meanwhile, then migrates and serves when it appears', async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const config = parseConfig({
      NODE_ENV: 'test',
      PORT: String(port),
      DATABASE_URL: db.url(),
      UPLOAD_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-outage-uploads-')),
      TOKEN_SECRET: 'outage-token-secret-0123456789-abcdef',
      SEED_DEMO: 'true',
      DEV_LOGIN: 'true',
    });
    Logger.overrideLogger(logs);
    server = startServer(config, { logger: logs, host: '127.0.0.1' });
    await until('the stand-in server', async () => (await timed(`${base}/health/live`)).status === 200, 15_000);
    const refused = await timed(`${base}/api/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"account":"resident1"}' });
    expect(refused).toMatchObject({ status: 503, body: { code: ErrorCode.DatabaseUnavailable } });
    expect(refused.ms).toBeLessThan(2000);
    expect((await timed(`${base}/health/ready`)).status).toBe(503);

    await new Promise((r) => setTimeout(r, 3000)); // still down: it keeps trying, it does not exit
    await db.start();
    await server.ready;
    expect((await timed(`${base}/health/ready`)).status).toBe(200);
    const login = await timed(`${base}/api/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"account":"resident1"}' });
    expect(login.status).toBe(200);
    auth = { headers: { authorization: `Bearer ${login.body.token as string}` } };
    expect((await mine()).status).toBe(200);
    expect(logs.matching(/database unavailable at start-up/)).toHaveLength(1);
    expect(logs.matching(/database reached after/)).toHaveLength(1);
  }, 120_000);

  it('answers 503 within 2 s while the database is frozen, and serves again when it thaws', async () => {
    expect((await mine()).status).toBe(200);
    db.freeze();
    try {
      const first = await mine();
      expect(first).toMatchObject({ status: 503, body: { code: ErrorCode.DatabaseUnavailable } });
      expect(first.ms).toBeLessThan(3000);
      const ready = await timed(`${base}/health/ready`);
      expect(ready.status).toBe(503);
      expect(ready.ms).toBeLessThan(3000);
      const burst = await Promise.all(Array.from({ length: 30 }, () => mine()));
      expect(burst.map((r) => r.status)).toEqual(Array(30).fill(503));
      expect(Math.max(...burst.map((r) => r.ms))).toBeLessThan(2000);
      expect((await timed(`${base}/health/live`)).status).toBe(200);
    } finally {
      db.thaw();
    }
    await until('the API to serve again', async () => (await mine()).status === 200, 30_000);
    expect((await timed(`${base}/health/ready`)).status).toBe(200);
    // one line when it started, one when it ended (with the count), no stack per request
    expect(logs.matching(/^database unavailable \(/)).toHaveLength(1);
    expect(logs.matching(/database available again after .* s .*; \d+ requests were answered 503/)).toHaveLength(1);
    expect(logs.matching(/errorId=/)).toEqual([]);
  }, 120_000);

  it('answers 503 (not 500) while the database is dead, and comes back when it is restarted', async () => {
    await db.kill();
    const dead = await Promise.all(Array.from({ length: 20 }, () => mine()));
    expect(dead.map((r) => r.status)).toEqual(Array(20).fill(503));
    expect(Math.max(...dead.map((r) => r.ms))).toBeLessThan(2500);
    expect((await timed(`${base}/health/ready`)).status).toBe(503);
    await db.start();
    await until('the API to serve again', async () => (await mine()).status === 200, 30_000);
    expect((await timed(`${base}/health/ready`)).status).toBe(200);
    expect(logs.matching(/^database unavailable \(/)).toHaveLength(2);
    expect(logs.matching(/database available again after/)).toHaveLength(2);
    expect(logs.matching(/errorId=/)).toEqual([]);
  }, 120_000);
});
