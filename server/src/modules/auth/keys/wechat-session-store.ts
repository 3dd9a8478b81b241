import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { WechatSession } from '../../users/user.entity';
import type { WechatSessionGrant } from '../wechat-client';
import { AuthKeys } from './auth-keys';

/** Writes and reads a user's WeChat session_key, encrypted at rest (the row holds `<keyId>:<iv>.<ct>.<tag>`). */
@Injectable()
export class WechatSessionStore {
  constructor(
    @InjectRepository(WechatSession) private readonly sessions: Repository<WechatSession>,
    private readonly keys: AuthKeys,
  ) {}

  async save(userId: number, grant: WechatSessionGrant, at: Date): Promise<void> {
    await this.sessions.upsert(
      { userId, sessionKey: this.keys.sessionKeys.encrypt(grant.sessionKey, associatedData(userId)), unionid: grant.unionid, updatedAt: at },
      ['userId'],
    );
  }

  /** The plaintext session_key (for WeChat's signature checks), or null without a readable one. */
  async sessionKeyOf(userId: number): Promise<string | null> {
    const row = await this.sessions.findOneBy({ userId });
    return row ? this.keys.sessionKeys.decrypt(row.sessionKey, associatedData(userId)) : null;
  }
}

const associatedData = (userId: number) => `wechat_session:${userId}`;
