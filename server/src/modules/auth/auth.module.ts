import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { MeCredentialsController } from './me-credentials.controller';
import { LoginThrottle, PasswordCredential } from './passwords/password.entities';
import { PasswordService } from './passwords/password.service';
import { WechatBindingService } from './wechat-binding.service';
import { WechatClient } from './wechat-client';

@Module({
  imports: [UsersModule, TypeOrmModule.forFeature([PasswordCredential, LoginThrottle])],
  controllers: [AuthController, MeCredentialsController],
  providers: [AuthService, WechatClient, PasswordService, WechatBindingService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [PasswordService, WechatClient],
})
export class AuthModule {}
