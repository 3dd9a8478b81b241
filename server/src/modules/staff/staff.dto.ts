import { ApiPropertyOptional } from '@nestjs/swagger';
import { InboxQuery, RequestStatus } from '@gezhi/shared';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, Min } from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination';

export class InboxQueryDto extends PageQueryDto implements InboxQuery {
  @ApiPropertyOptional({ enum: RequestStatus })
  @IsOptional()
  @IsEnum(RequestStatus)
  status?: RequestStatus;
}

export class StaffRoomsQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  communityId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  buildingId?: number;
}
