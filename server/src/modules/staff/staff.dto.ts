import { ApiPropertyOptional } from '@nestjs/swagger';
import { DUE_FILTERS, DueFilter, InboxQuery, RequestStatus } from '@gezhi/shared';
import { IsEnum, IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination';
import { QueryInt } from '../../common/http/validation';

export class InboxQueryDto extends PageQueryDto implements InboxQuery {
  @ApiPropertyOptional({ enum: RequestStatus })
  @IsOptional()
  @IsEnum(RequestStatus)
  status?: RequestStatus;
  @ApiPropertyOptional({ enum: DUE_FILTERS, description: 'soon: 即将超时 (yellow); overdue: 已超时 (red); earliest due first' })
  @IsOptional()
  @IsIn(DUE_FILTERS as DueFilter[])
  due?: DueFilter;
}

export class StaffRoomsQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  communityId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  buildingId?: number;
}
