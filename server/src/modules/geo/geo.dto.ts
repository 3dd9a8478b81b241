import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, Min } from 'class-validator';
import { QueryInt } from '../../common/http/validation';

export class CommunitiesQueryDto {
  @ApiProperty()
  @IsNotEmpty()
  @QueryInt()
  @IsInt()
  @Min(1)
  streetId: number;
}

export class BuildingsQueryDto {
  @ApiProperty()
  @IsNotEmpty()
  @QueryInt()
  @IsInt()
  @Min(1)
  communityId: number;
}

export class RoomsQueryDto {
  @ApiProperty()
  @IsNotEmpty()
  @QueryInt()
  @IsInt()
  @Min(1)
  buildingId: number;
}
