import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, Me } from '@gezhi/shared';
import { Repository } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { WechatSessionStore } from './keys/wechat-session-store';
import { WechatClient } from './wechat-client';

/**
 * A staff member or liaison signed in with a password binds the WeChat identity of their phone
 * (wx.login code → jscode2session → openid); from then on `POST /api/auth/wechat` signs that WeChat user in
 * as them. An openid that already belongs to another user is refused with 409 WECHAT_ALREADY_BOUND.
 */
@Injectable()
export class WechatBindingService {
  constructor(
    @InjectRepository(User) private readonly userRepository: Repository<User>,
    private readonly sessions: WechatSessionStore,
    private readonly users: UsersService,
    private readonly wechat: WechatClient,
    private readonly clock: Clock,
  ) {}

  async bind(user: User, code: string): Promise<Me> {
    const grant = await this.wechat.exchangeCode(code);
    const owner = await this.userRepository.findOneBy({ openid: grant.openid });
    if (owner && owner.id !== user.id) throw new DomainError(ErrorCode.WechatAlreadyBound);
    if (!owner) {
      try {
        await this.userRepository.update({ id: user.id }, { openid: grant.openid });
      } catch (error) {
        // the unique index on openid: someone bound or first-logged-in with it a moment ago
        const raced = await this.userRepository.findOneBy({ openid: grant.openid });
        if (raced && raced.id !== user.id) throw new DomainError(ErrorCode.WechatAlreadyBound);
        throw error;
      }
    }
    await this.sessions.save(user.id, grant, this.clock.now());
    return this.users.me({ ...user, openid: grant.openid });
  }
}
