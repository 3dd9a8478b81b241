import { ApiProperty } from '@nestjs/swagger';
import type { DevLoginBody, WechatLoginBody } from '@gezhi/shared';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class WechatLoginDto implements WechatLoginBody {
  @ApiProperty({ description: 'the code from wx.login()' })
  @IsNotEmpty()
  @IsString()
  @MaxLength(128)
  code: string;
}

export class DevLoginDto implements DevLoginBody {
  @ApiProperty({ example: 'resident1' })
  @IsNotEmpty()
  @IsString()
  @MaxLength(50)
  account: string;
}
