import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthOptions, LoginResponse } from '@gezhi/shared';
import { apiPath } from '../../common/http/api-paths';
import { Public } from './auth.decorators';
import { DevLoginDto, WechatLoginDto } from './auth.dto';
import { PasswordLoginDto } from './credentials.dto';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Public()
@Controller(apiPath('auth'))
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Get('options')
  options(): Promise<AuthOptions> {
    return this.auth.options();
  }

  @Post('wechat')
  @HttpCode(200)
  wechat(@Body() body: WechatLoginDto): Promise<LoginResponse> {
    return this.auth.wechatLogin(body.code);
  }

  @Post('password')
  @HttpCode(200)
  password(@Body() body: PasswordLoginDto, @Ip() origin: string): Promise<LoginResponse> {
    return this.auth.passwordLogin(body.account, body.password, origin);
  }

  @Post('dev-login')
  @HttpCode(200)
  devLogin(@Body() body: DevLoginDto): Promise<LoginResponse> {
    return this.auth.devLogin(body.account);
  }
}
