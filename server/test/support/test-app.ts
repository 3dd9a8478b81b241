import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LoginResponse, Me } from '@gezhi/shared';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import type { Clock } from '../../src/common/clock';
import { AppConfig, Env, parseConfig } from '../../src/config/app-config';
import { createTestDatabase, TestDatabase } from './test-database';

/** An HTTP client for one caller: adds the bearer token when there is one. */
export class ApiClient {
  constructor(
    private readonly server: ReturnType<NestFastifyApplication['getHttpServer']>,
    readonly token: string | null = null,
    readonly me: Me | null = null,
  ) {}

  get(url: string): request.Test {
    return this.authorised(request(this.server).get(url));
  }

  post(url: string, body?: object): request.Test {
    const test = this.authorised(request(this.server).post(url));
    return body === undefined ? test : test.send(body);
  }

  put(url: string, body: object): request.Test {
    return this.authorised(request(this.server).put(url)).send(body);
  }

  delete(url: string): request.Test {
    return this.authorised(request(this.server).delete(url));
  }

  /** multipart/form-data upload, field `file` unless told otherwise */
  upload(bytes: Buffer, filename: string, field = 'file'): request.Test {
    return this.authorised(request(this.server).post('/api/uploads')).attach(field, bytes, filename);
  }

  private authorised(test: request.Test): request.Test {
    return this.token ? test.set('Authorization', `Bearer ${this.token}`) : test;
  }
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  database: TestDatabase;
  /** an unauthenticated client */
  anonymous: ApiClient;
  /** signs in with the dev login as a demo account (resident1, gridleader2, community1, …) */
  loginAs(account: string): Promise<ApiClient>;
  /** a client holding the token of a login response */
  clientFor(login: LoginResponse): ApiClient;
  /** the request log lines (parsed JSON) written so far; empty unless booted with `{ captureLogs: true }` */
  logLines(): LogLine[];
  close(): Promise<void>;
}

/** One line of the request log (pino JSON): level 30 info, 40 warn, 50 error. */
export interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  [field: string]: unknown;
}

/**
 * Boots the real application on a fresh database (see test-database.ts) with the demo seed loaded,
 * configured through the same parseConfig as production; `env` overrides any variable; `options.clock`
 * (e.g. a ManualClock) replaces the wall clock wherever the app injects `Clock`.
 */
export async function bootTestApp(env: Env = {}, options: { clock?: Clock; captureLogs?: boolean } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = parseConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    UPLOAD_DIR: path.join(database.dir, 'uploads'),
    TOKEN_SECRET: 'e2e-token-secret-0123456789-abcdef',
    // the demo conveniences are off by default (issue 11); the e2e suite signs in with them
    DEV_LOGIN: 'true',
    SEED_DEMO: 'true',
    ...env,
  });
  // tests run quiet (LOG_LEVEL is silent under NODE_ENV=test); a test that asserts log lines captures them here
  const lines: LogLine[] = [];
  const logDestination = options.captureLogs
    ? new Writable({
        write(chunk: Buffer, _encoding, callback) {
          for (const text of chunk.toString('utf8').split('\n')) if (text.trim()) lines.push(JSON.parse(text) as LogLine);
          callback();
        },
      })
    : undefined;
  if (options.captureLogs && config.log?.level === 'silent') config.log.level = 'info';
  const app = await createApp(config, { logger: ['error'], clock: options.clock, logDestination });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const server = app.getHttpServer();
  const clientFor = (login: LoginResponse) => new ApiClient(server, login.token, login.me);
  return {
    app,
    config,
    database,
    anonymous: new ApiClient(server),
    logLines: () => [...lines],
    clientFor,
    async loginAs(account: string) {
      const response = await request(server).post('/api/auth/dev-login').send({ account });
      if (response.status !== 200) throw new Error(`dev login as ${account} failed: ${response.status} ${JSON.stringify(response.body)}`);
      return clientFor(response.body as LoginResponse);
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
