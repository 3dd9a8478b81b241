import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuthConfig } from './auth.config';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { AuthKeys } from './keys/auth-keys';
import { WechatSessionStore } from './keys/wechat-session-store';
import { MeCredentialsController } from './me-credentials.controller';
import { LoginBackoff, PasswordCredential } from './passwords/password.entities';
import { PasswordHasher } from './passwords/password-hasher';
import { PasswordService } from './passwords/password.service';
import { WechatBindingService } from './wechat-binding.service';
import { WechatClient } from './wechat-client';

/** Sign-in: WeChat jscode2session, staff passwords (scrypt, lockout), dev login, stateless HMAC tokens and the global AuthGuard. */
@Module({
  imports: [UsersModule, TypeOrmModule.forFeature([PasswordCredential, LoginBackoff])],
  controllers: [AuthController, MeCredentialsController],
  providers: [
    // after the migrations ran (the DataSource is initialised): the installation's own secrets when the environment has none
    {
      provide: AuthKeys,
      inject: [AuthConfig, getDataSourceToken()],
      useFactory: (config: AuthConfig, dataSource: DataSource) => AuthKeys.resolve(config, dataSource),
    },
    AuthService,
    WechatClient,
    WechatSessionStore,
    PasswordHasher,
    PasswordService,
    WechatBindingService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [PasswordService, WechatClient, AuthKeys, WechatSessionStore],
})
export class AuthModule {}
