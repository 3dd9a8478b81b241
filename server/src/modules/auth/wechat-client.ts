import { Injectable, Logger } from '@nestjs/common';
import { ErrorCode } from '@gezhi/shared';
import { WechatConfig } from '../wechat-messages/wechat.config';
import { DomainError } from '../../common/errors/domain-error';

export interface WechatSessionGrant {
  openid: string;
  sessionKey: string;
  unionid: string | null;
}

/** jscode2session error codes we tell the client about; everything else means WeChat is unavailable. */
const WECHAT_ERRORS: Record<number, ErrorCode> = {
  40029: ErrorCode.WechatCodeInvalid,
  40163: ErrorCode.WechatCodeUsed,
  45011: ErrorCode.WechatRateLimited,
};

interface Jscode2SessionResponse {
  openid?: string;
  session_key?: string;
  unionid?: string;
  errcode?: number;
  errmsg?: string;
}

/** Calls WeChat's code-to-session endpoint (wx.login code → openid + session_key). */
@Injectable()
export class WechatClient {
  private readonly logger = new Logger(WechatClient.name);

  constructor(private readonly config: WechatConfig) {}

  get configured(): boolean {
    return Boolean(this.config.appId && this.config.secret);
  }

  async exchangeCode(code: string): Promise<WechatSessionGrant> {
    const { appId, secret, apiBase, timeoutMs } = this.config;
    if (!appId || !secret) throw new DomainError(ErrorCode.WechatUnavailable);
    const query = new URLSearchParams({ appid: appId, secret, js_code: code, grant_type: 'authorization_code' });
    let body: Jscode2SessionResponse;
    try {
      const response = await fetch(`${apiBase}/sns/jscode2session?${query}`, { signal: AbortSignal.timeout(timeoutMs) });
      body = (await response.json()) as Jscode2SessionResponse;
    } catch (error) {
      this.logger.warn(`jscode2session failed: ${(error as Error).message}`);
      throw new DomainError(ErrorCode.WechatUnavailable);
    }
    if (body.errcode) {
      const mapped = WECHAT_ERRORS[body.errcode];
      if (!mapped) this.logger.warn(`jscode2session errcode ${body.errcode}: ${body.errmsg ?? ''}`);
      throw new DomainError(mapped ?? ErrorCode.WechatUnavailable);
    }
    if (!body.openid || !body.session_key) throw new DomainError(ErrorCode.WechatUnavailable);
    return { openid: body.openid, sessionKey: body.session_key, unionid: body.unionid ?? null };
  }
}
