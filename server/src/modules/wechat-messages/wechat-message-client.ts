import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { WechatConfig } from './wechat.config';

export interface SubscribeMessage {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
}

/** errcode 0 = sent; -1 is ours: WeChat could not be reached or answered something unreadable */
export interface SendResult {
  errcode: number;
  errmsg: string;
}

export const UNREACHABLE = -1;

/** Refresh this long before WeChat's stated expiry, so a token never expires in flight. */
const TOKEN_EXPIRY_MARGIN_MS = 5 * 60_000;

/**
 * WeChat's server-side API for subscribe messages, over real HTTP to WECHAT_API_BASE:
 * the access token from `POST /cgi-bin/stable_token` (the same token for every caller, so several API
 * instances do not invalidate each other's tokens as /cgi-bin/token would), cached until shortly before it
 * expires; and `POST /cgi-bin/message/subscribe/send`.
 */
@Injectable()
export class WechatMessageClient {
  private readonly logger = new Logger(WechatMessageClient.name);
  private token: { value: string; expiresAt: number } | null = null;
  private pendingToken: Promise<string | null> | null = null;

  constructor(
    private readonly config: WechatConfig,
    private readonly clock: Clock,
  ) {}

  /** Sends one message; on an invalid/expired token (40001, 42001, 40014) refreshes it once and tries again. */
  async send(message: SubscribeMessage): Promise<SendResult> {
    const token = await this.accessToken(false);
    if (token === null) return { errcode: UNREACHABLE, errmsg: 'no access token' };
    const first = await this.post(token, message);
    if (![40001, 40014, 42001].includes(first.errcode)) return first;
    this.invalidate(token);
    // another instance may already have rotated it: ask plainly first, force a new token only if WeChat
    // hands back the one it just rejected (force_refresh is rate-limited and invalidates it everywhere)
    let fresh = await this.accessToken(false);
    if (fresh === token) {
      this.invalidate(token);
      fresh = await this.accessToken(true);
    }
    if (fresh === null) return { errcode: UNREACHABLE, errmsg: 'no access token' };
    return this.post(fresh, message);
  }

  private invalidate(token: string): void {
    if (this.token?.value === token) this.token = null;
  }

  /** The cached token, or one fetched now (one fetch at a time per instance); null when WeChat cannot give one. */
  private accessToken(forceRefresh: boolean): Promise<string | null> {
    if (this.token && this.token.expiresAt > this.clock.now().getTime()) return Promise.resolve(this.token.value);
    this.pendingToken ??= this.fetchToken(forceRefresh).finally(() => {
      this.pendingToken = null;
    });
    return this.pendingToken;
  }

  private async fetchToken(forceRefresh: boolean): Promise<string | null> {
    const { appId, secret, apiBase, timeoutMs } = this.config;
    if (!appId || !secret) return null;
    try {
      const response = await fetch(`${apiBase}/cgi-bin/stable_token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credential', appid: appId, secret, force_refresh: forceRefresh }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = (await response.json()) as { access_token?: string; expires_in?: number; errcode?: number; errmsg?: string };
      if (!body.access_token || !body.expires_in) {
        this.logger.warn(`stable_token errcode ${body.errcode ?? '?'}: ${body.errmsg ?? ''}`);
        return null;
      }
      const lifetime = Math.max(body.expires_in * 1000 - TOKEN_EXPIRY_MARGIN_MS, body.expires_in * 500);
      this.token = { value: body.access_token, expiresAt: this.clock.now().getTime() + lifetime };
      return body.access_token;
    } catch (error) {
      this.logger.warn(`stable_token failed: ${(error as Error).message}`);
      return null;
    }
  }

  private async post(token: string, message: SubscribeMessage): Promise<SendResult> {
    const { apiBase, timeoutMs, miniprogramState } = this.config;
    try {
      const response = await fetch(`${apiBase}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...message, miniprogram_state: miniprogramState, lang: 'zh_CN' }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) return { errcode: UNREACHABLE, errmsg: `HTTP ${response.status}` };
      const body = (await response.json()) as { errcode?: number; errmsg?: string };
      return { errcode: body.errcode ?? 0, errmsg: body.errmsg ?? 'ok' };
    } catch (error) {
      return { errcode: UNREACHABLE, errmsg: (error as Error).message };
    }
  }
}
