import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIMITS, ServiceAskBody } from '@gezhi/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class ServiceAskDto implements ServiceAskBody {
  @ApiProperty({ minLength: LIMITS.descriptionMin, maxLength: LIMITS.descriptionMax, example: '希望社区能提供上门修脚服务' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsNotEmpty()
  @IsString()
  @MinLength(LIMITS.descriptionMin)
  @MaxLength(LIMITS.descriptionMax)
  description: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  showNamePublicly?: boolean;
}
