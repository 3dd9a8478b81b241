import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { WechatSession } from '../../users/user.entity';
import type { WechatSessionGrant } from '../wechat-client';
import { AuthKeys } from './auth-keys';

/** Writes and reads a user's WeChat session_key, encrypted at rest (the row holds `<keyId>:<iv>.<ct>.<tag>`). */
@Injectable()
export class WechatSessionStore implements OnApplicationBootstrap {
  private readonly logger = new Logger(WechatSessionStore.name);

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

  /**
   * Rows written before encryption existed hold the session_key in plain text: each is encrypted in place at
   * boot, by a conditional update on the old value (several instances starting at once encrypt each row once).
   */
  async onApplicationBootstrap(): Promise<void> {
    const rows = await this.sessions.find({ select: { userId: true, sessionKey: true } });
    let encrypted = 0;
    for (const row of rows) {
      if (this.keys.sessionKeys.isEncrypted(row.sessionKey)) continue;
      const result = await this.sessions.update(
        { userId: row.userId, sessionKey: row.sessionKey },
        { sessionKey: this.keys.sessionKeys.encrypt(row.sessionKey, associatedData(row.userId)) },
      );
      encrypted += result.affected ?? 0;
    }
    if (encrypted > 0) this.logger.log(`Encrypted ${encrypted} WeChat session_key(s) stored in plain text`);
  }

  /** The plaintext session_key (for WeChat's signature checks), or null without a readable one. */
  async sessionKeyOf(userId: number): Promise<string | null> {
    const row = await this.sessions.findOneBy({ userId });
    return row ? this.keys.sessionKeys.decrypt(row.sessionKey, associatedData(userId)) : null;
  }
}

const associatedData = (userId: number) => `wechat_session:${userId}`;
