import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';

/**
 * A stand-in for api.weixin.qq.com's /sns/jscode2session, over real HTTP on 127.0.0.1. It answers like
 * WeChat: {openid, session_key, unionid?} or {errcode, errmsg}. Codes are issued by `issueCode()` (what
 * wx.login would give the mini-program) and are single-use.
 */
export class FakeWechatServer {
  readonly sessionKeysIssued: string[] = [];
  private readonly codes = new Map<string, { openid: string; used: boolean }>();
  private nextErrcode: { errcode: number; errmsg: string } | null = null;

  private constructor(
    private readonly server: http.Server,
    readonly appId: string,
    readonly secret: string,
  ) {}

  static async start(credentials = { appId: 'wx-test-appid', secret: 'test-app-secret' }): Promise<FakeWechatServer> {
    let fake: FakeWechatServer | undefined;
    const server = http.createServer((req, res) => fake?.handle(req, res));
    fake = new FakeWechatServer(server, credentials.appId, credentials.secret);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** What wx.login() returns on a phone: a fresh code for this user (a new openid unless given). */
  issueCode(openid = `o${randomBytes(12).toString('hex')}`): string {
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, { openid, used: false });
    return code;
  }

  /** The next call fails with this WeChat error (e.g. 45011 rate limit). */
  failNextWith(errcode: number, errmsg: string): void {
    this.nextErrcode = { errcode, errmsg };
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const reply = (body: object) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET' || url.pathname !== '/sns/jscode2session') {
      res.writeHead(404);
      res.end();
      return;
    }
    const q = url.searchParams;
    if (q.get('appid') !== this.appId) return reply({ errcode: 40013, errmsg: 'invalid appid' });
    if (q.get('secret') !== this.secret) return reply({ errcode: 40125, errmsg: 'invalid appsecret' });
    if (q.get('grant_type') !== 'authorization_code') return reply({ errcode: 40002, errmsg: 'invalid grant_type' });
    if (this.nextErrcode) {
      const error = this.nextErrcode;
      this.nextErrcode = null;
      return reply(error);
    }
    const issued = this.codes.get(q.get('js_code') ?? '');
    if (!issued) return reply({ errcode: 40029, errmsg: 'invalid code' });
    if (issued.used) return reply({ errcode: 40163, errmsg: 'code been used' });
    issued.used = true;
    const sessionKey = randomBytes(16).toString('base64');
    this.sessionKeysIssued.push(sessionKey);
    reply({ openid: issued.openid, session_key: sessionKey });
  }
}
