import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuthOptions, ErrorCode, LoginResponse, Role, ROLE_LABELS } from '@gezhi/shared';
import { Repository } from 'typeorm';
import { AuthConfig } from './auth.config';
import { DomainError } from '../../common/errors/domain-error';
import { displayName, User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { AuthKeys } from './keys/auth-keys';
import { WechatSessionStore } from './keys/wechat-session-store';
import { PasswordService } from './passwords/password.service';
import { issueToken } from './token';
import { WechatClient, WechatSessionGrant } from './wechat-client';

@Injectable()
export class AuthService {
  constructor(
    private readonly config: AuthConfig,
    @InjectRepository(User) private readonly userRepository: Repository<User>,
    private readonly sessions: WechatSessionStore,
    private readonly keys: AuthKeys,
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
    this.refuseIfSuspended(user);
    await this.sessions.save(user.id, grant, new Date());
    return this.loginResponse(user);
  }

  /** account + password (staff and liaisons, e.g. in a desktop browser); see PasswordService for the lockout */
  async passwordLogin(account: string, password: string, origin: string): Promise<LoginResponse> {
    const user = await this.passwords.login(account, password, origin);
    this.refuseIfSuspended(user);
    return this.loginResponse(user);
  }

  async devLogin(account: string): Promise<LoginResponse> {
    if (!this.config.devLogin) throw new DomainError(ErrorCode.DevLoginDisabled);
    const user = await this.users.findByAccount(account);
    if (!user) throw new DomainError(ErrorCode.NotFound);
    this.refuseIfSuspended(user);
    return this.loginResponse(user);
  }

  private async loginResponse(user: User): Promise<LoginResponse> {
    return {
      token: issueToken(user.id, this.keys.tokenSecret, this.config.tokenTtlSeconds, undefined, user.tokenVersion),
      expiresIn: this.config.tokenTtlSeconds,
      me: await this.users.me(user),
    };
  }

  private refuseIfSuspended(user: User): void {
    if (user.suspendedAt !== null) throw new DomainError(ErrorCode.AccountSuspended);
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
