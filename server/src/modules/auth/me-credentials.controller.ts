import { Body, Controller, HttpCode, Ip, Post, Put, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ErrorCode, Me } from '@gezhi/shared';
import { apiPath } from '../../common/http/api-paths';
import { CurrentUser, ROLE_REQUIREMENT, RoleRequirement } from './auth.decorators';
import { ChangePasswordDto, WechatBindingDto } from './credentials.dto';
import { PASSWORD_ROLES } from './passwords/password-roles';
import { PasswordService } from './passwords/password.service';
import type { User } from '../users/user.entity';
import { WechatBindingService } from './wechat-binding.service';

/** Staff and liaisons only; residents get 403 PASSWORD_NOT_ALLOWED (they sign in with WeChat). */
const PasswordHolders = () =>
  SetMetadata(ROLE_REQUIREMENT, { roles: PASSWORD_ROLES, refusal: ErrorCode.PasswordNotAllowed } satisfies RoleRequirement);

/** The signed-in staff member's own credentials: password and WeChat identity. */
@ApiTags('me')
@ApiBearerAuth()
@Controller(apiPath('me'))
export class MeCredentialsController {
  constructor(
    private readonly passwords: PasswordService,
    private readonly binding: WechatBindingService,
  ) {}

  @Put('password')
  @HttpCode(204)
  @PasswordHolders()
  changePassword(@CurrentUser() user: User, @Body() body: ChangePasswordDto, @Ip() origin: string): Promise<void> {
    return this.passwords.changePassword(user, body.currentPassword, body.newPassword, origin);
  }

  @Post('wechat-binding')
  @HttpCode(200)
  @PasswordHolders()
  bindWechat(@CurrentUser() user: User, @Body() body: WechatBindingDto): Promise<Me> {
    return this.binding.bind(user, body.code);
  }
}
