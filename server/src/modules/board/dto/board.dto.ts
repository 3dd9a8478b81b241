import { ApiPropertyOptional } from '@nestjs/swagger';
import type { BoardQuery } from '@gezhi/shared';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination';

export class BoardQueryDto extends PageQueryDto implements BoardQuery {
  @ApiPropertyOptional({ description: 'street officers name a community of their street; others read their own' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  communityId?: number;
}
