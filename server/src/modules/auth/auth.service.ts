import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuthOptions, ErrorCode, LoginResponse, Role, ROLE_LABELS } from '@gezhi/shared';
import { Repository } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { DomainError } from '../../common/errors/domain-error';
import { displayName, User, WechatSession } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { PasswordService } from './passwords/password.service';
import { issueToken } from './token';
import { WechatClient, WechatSessionGrant } from './wechat-client';

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(User) private readonly userRepository: Repository<User>,
    @InjectRepository(WechatSession) private readonly sessions: Repository<WechatSession>,
    private readonly users: UsersService,
    private readonly wechat: WechatClient,
    private readonly passwords: PasswordService,
  ) {}

  async options(): Promise<AuthOptions> {
    const demoUsers = this.config.devLogin ? await this.users.listDemoAccounts() : [];
    return {
      wechatLogin: this.wechat.configured,
      devLogin: this.config.devLogin,
      passwordLogin: true,
      demoAccounts: demoUsers.map((u) => ({
        account: u.account as string,
        label: `${ROLE_LABELS[u.role]} · ${displayName(u)}`,
        role: u.role,
      })),
    };
  }

  /** wx.login code → openid; a first-time openid becomes a new resident. The session_key stays here. */
  async wechatLogin(code: string): Promise<LoginResponse> {
    const grant = await this.wechat.exchangeCode(code);
    const user = await this.findOrCreateWechatUser(grant.openid);
    await this.sessions.upsert(
      { userId: user.id, sessionKey: grant.sessionKey, unionid: grant.unionid, updatedAt: new Date() },
      ['userId'],
    );
    return this.loginResponse(user);
  }

  /** account + password (staff and liaisons, e.g. in a desktop browser); see PasswordService for the lockout */
  async passwordLogin(account: string, password: string): Promise<LoginResponse> {
    return this.loginResponse(await this.passwords.login(account, password));
  }

  async devLogin(account: string): Promise<LoginResponse> {
    if (!this.config.devLogin) throw new DomainError(ErrorCode.DevLoginDisabled);
    const user = await this.users.findByAccount(account);
    if (!user) throw new DomainError(ErrorCode.NotFound);
    return this.loginResponse(user);
  }

  private async loginResponse(user: User): Promise<LoginResponse> {
    return {
      token: issueToken(user.id, this.config.tokenSecret, this.config.tokenTtlSeconds),
      expiresIn: this.config.tokenTtlSeconds,
      me: await this.users.me(user),
    };
  }

  private async findOrCreateWechatUser(openid: WechatSessionGrant['openid']): Promise<User> {
    const existing = await this.userRepository.findOneBy({ openid });
    if (existing) return existing;
    const user = this.userRepository.create({
      openid,
      account: null,
      nickname: `微信用户${openid.slice(-4)}`,
      realName: null,
      phone: null,
      role: Role.Resident,
      roomId: null,
      gridId: null,
      communityId: null,
      streetId: null,
      createdAt: new Date(),
    });
    try {
      return await this.userRepository.save(user);
    } catch (error) {
      // two first logins of the same person at once: the other one created the row
      const raced = await this.userRepository.findOneBy({ openid });
      if (raced) return raced;
      throw error;
    }
  }
}
