import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { WechatClient } from './wechat-client';

@Module({
  imports: [UsersModule],
  controllers: [AuthController],
  providers: [AuthService, WechatClient, { provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
