import { Body, Controller, HttpCode, Ip, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Me } from '@gezhi/shared';
import { Permission } from '@gezhi/shared';
import { Requires } from '../../access/requires.decorator';
import { apiPath } from '../../common/http/api-paths';
import { CurrentUser } from './auth.decorators';
import { ChangePasswordDto, WechatBindingDto } from './credentials.dto';
import { PasswordService } from './passwords/password.service';
import type { User } from '../users/user.entity';
import { WechatBindingService } from './wechat-binding.service';

/** The signed-in staff member's own credentials: password and WeChat identity (residents: 403 PASSWORD_NOT_ALLOWED). */
@ApiTags('me')
@ApiBearerAuth()
@Requires(Permission.AccountCredentials)
@Controller(apiPath('me'))
export class MeCredentialsController {
  constructor(
    private readonly passwords: PasswordService,
    private readonly binding: WechatBindingService,
  ) {}

  @Put('password')
  @HttpCode(204)
  changePassword(@CurrentUser() user: User, @Body() body: ChangePasswordDto, @Ip() origin: string): Promise<void> {
    return this.passwords.changePassword(user, body.currentPassword, body.newPassword, origin);
  }

  @Post('wechat-binding')
  @HttpCode(200)
  bindWechat(@CurrentUser() user: User, @Body() body: WechatBindingDto): Promise<Me> {
    return this.binding.bind(user, body.code);
  }
}
