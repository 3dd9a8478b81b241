import { ApiPropertyOptional } from '@nestjs/swagger';
import type { BoardQuery } from '@gezhi/shared';
import { IsInt, IsOptional, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination';
import { QueryInt } from '../../../common/http/validation';

export class BoardQueryDto extends PageQueryDto implements BoardQuery {
  @ApiPropertyOptional({ description: 'street officers name a community of their street; others read their own' })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  communityId?: number;
}
