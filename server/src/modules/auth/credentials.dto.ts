import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ChangePasswordBody, LIMITS, PasswordLoginBody, WechatBindingBody } from '@gezhi/shared';
import { IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class PasswordLoginDto implements PasswordLoginBody {
  @ApiProperty({ example: 'gridleader1' })
  @IsNotEmpty()
  @IsString()
  @MaxLength(50)
  account: string;

  @ApiProperty({ example: 'gezhi-demo-2026' })
  @IsNotEmpty()
  @IsString()
  @MaxLength(LIMITS.passwordMax)
  password: string;
}

export class ChangePasswordDto implements ChangePasswordBody {
  @ApiPropertyOptional({ description: 'required once a password is set' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.passwordMax)
  currentPassword?: string;

  @ApiProperty({ minLength: LIMITS.passwordMin, maxLength: LIMITS.passwordMax })
  @IsNotEmpty()
  @IsString()
  @MinLength(LIMITS.passwordMin)
  @MaxLength(LIMITS.passwordMax)
  newPassword: string;
}

export class WechatBindingDto implements WechatBindingBody {
  @ApiProperty({ description: 'the code from wx.login() of the WeChat account to bind' })
  @IsNotEmpty()
  @IsString()
  @MaxLength(128)
  code: string;
}
