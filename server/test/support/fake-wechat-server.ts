import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';

/** A subscribe message as WeChat received it (the JSON body of /cgi-bin/message/subscribe/send). */
export interface ReceivedSubscribeMessage {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogram_state?: string;
  lang?: string;
}

/** How the fake answers a scripted send: a WeChat errcode, or a dropped connection (WeChat unreachable). */
type ScriptedSend = { errcode: number; errmsg: string } | 'DROP';

/**
 * A stand-in for api.weixin.qq.com over real HTTP on 127.0.0.1, answering like WeChat:
 * - GET /sns/jscode2session: {openid, session_key, unionid?} or {errcode, errmsg}. Codes are issued by
 *   `issueCode()` (what wx.login would give the mini-program) and are single-use.
 * - POST /cgi-bin/stable_token and GET /cgi-bin/token: access tokens (7200 s); `expireAccessTokens()` makes
 *   every token issued so far answer 40001.
 * - POST /cgi-bin/message/subscribe/send?access_token=: records each accepted message in `sentMessages` (every
 *   request, accepted or not, in `sendRequests`); `failNextSends`, `refuseNextSends` (43101) and
 *   `dropNextSends` (connection reset) script the next answers, `sendDelayMs` slows every send down, and
 *   `cgiDown` makes every /cgi-bin/ call fail at the connection level.
 */
export class FakeWechatServer {
  readonly sessionKeysIssued: string[] = [];
  /** messages WeChat accepted (errcode 0), in order */
  readonly sentMessages: ReceivedSubscribeMessage[] = [];
  /** every subscribe/send request that reached the server, whatever the answer */
  readonly sendRequests: ReceivedSubscribeMessage[] = [];
  /** access tokens handed out so far */
  tokensIssued = 0;
  /** each send waits this long before answering */
  sendDelayMs = 0;
  /** while true, every /cgi-bin/ request (token and send) gets its connection destroyed: WeChat is down */
  cgiDown = false;
  private readonly codes = new Map<string, { openid: string; used: boolean }>();
  private nextErrcode: { errcode: number; errmsg: string } | null = null;
  private readonly validTokens = new Set<string>();
  private readonly scriptedSends: ScriptedSend[] = [];

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

  /** The next `count` sends answer this errcode (default -1 "system error", which WeChat says to retry). */
  failNextSends(count: number, errcode = -1, errmsg = 'system error'): void {
    for (let i = 0; i < count; i++) this.scriptedSends.push({ errcode, errmsg });
  }

  /** The next `count` sends answer 43101: the user has no subscription (refused, or no opt-in left). */
  refuseNextSends(count = 1): void {
    this.failNextSends(count, 43101, 'user refuse to accept the msg');
  }

  /** The next `count` sends get their connection destroyed without an answer (WeChat unreachable). */
  dropNextSends(count: number): void {
    for (let i = 0; i < count; i++) this.scriptedSends.push('DROP');
  }

  /** Every access token issued so far stops working (40001), as after a force refresh elsewhere. */
  expireAccessTokens(): void {
    this.validTokens.clear();
  }

  /** Forgets recorded messages and scripted answers, and comes back up (between tests). */
  resetMessages(): void {
    this.sentMessages.length = 0;
    this.sendRequests.length = 0;
    this.scriptedSends.length = 0;
    this.sendDelayMs = 0;
    this.cgiDown = false;
  }

  /** Messages WeChat accepted for one openid. */
  messagesTo(openid: string): ReceivedSubscribeMessage[] {
    return this.sentMessages.filter((m) => m.touser === openid);
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
    if (url.pathname.startsWith('/cgi-bin/')) {
      if (this.cgiDown) {
        req.socket.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        let body: Record<string, unknown> = {};
        try {
          body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
        } catch {
          return reply({ errcode: 47001, errmsg: 'data format error' });
        }
        void this.handleCgi(req, res, url, body, reply);
      });
      return;
    }
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

  private async handleCgi(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    body: Record<string, unknown>,
    reply: (body: object) => void,
  ): Promise<void> {
    const q = url.searchParams;
    if (url.pathname === '/cgi-bin/stable_token' && req.method === 'POST') {
      if (body.grant_type !== 'client_credential') return reply({ errcode: 40002, errmsg: 'invalid grant_type' });
      if (body.appid !== this.appId) return reply({ errcode: 40013, errmsg: 'invalid appid' });
      if (body.secret !== this.secret) return reply({ errcode: 40125, errmsg: 'invalid appsecret' });
      const current = [...this.validTokens].at(-1);
      if (current && body.force_refresh !== true) return reply({ access_token: current, expires_in: 7200 });
      return reply({ access_token: this.newAccessToken(), expires_in: 7200 });
    }
    if (url.pathname === '/cgi-bin/token' && req.method === 'GET') {
      if (q.get('grant_type') !== 'client_credential') return reply({ errcode: 40002, errmsg: 'invalid grant_type' });
      if (q.get('appid') !== this.appId) return reply({ errcode: 40013, errmsg: 'invalid appid' });
      if (q.get('secret') !== this.secret) return reply({ errcode: 40125, errmsg: 'invalid appsecret' });
      return reply({ access_token: this.newAccessToken(), expires_in: 7200 });
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') {
      const message = body as unknown as ReceivedSubscribeMessage;
      this.sendRequests.push(message);
      if (this.sendDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.sendDelayMs));
      if (!this.validTokens.has(q.get('access_token') ?? '')) return reply({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
      const scripted = this.scriptedSends.shift();
      if (scripted === 'DROP') {
        res.socket?.destroy();
        return;
      }
      if (scripted) return reply(scripted);
      if (!message.touser || !message.template_id || typeof message.data !== 'object') return reply({ errcode: 47003, errmsg: 'argument invalid!' });
      this.sentMessages.push(message);
      return reply({ errcode: 0, errmsg: 'ok' });
    }
    res.writeHead(404);
    res.end();
  }

  private newAccessToken(): string {
    const token = `ACCESS_${randomBytes(12).toString('hex')}`;
    this.validTokens.add(token);
    this.tokensIssued += 1;
    return token;
  }
}
