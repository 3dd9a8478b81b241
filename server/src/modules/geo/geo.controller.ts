import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { GeoOption, RoomOption } from '@gezhi/shared';
import { Permission } from '@gezhi/shared';
import { Requires } from '../../access/requires.decorator';
import { apiPath } from '../../common/http/api-paths';
import { BuildingsQueryDto, CommunitiesQueryDto, RoomsQueryDto } from './geo.dto';
import { GeoService } from './geo.service';

@ApiTags('geo')
@ApiBearerAuth()
@Requires(Permission.GeoBrowse)
@Controller(apiPath('geo'))
export class GeoController {
  constructor(private readonly geo: GeoService) {}

  @Get('streets')
  streets(): Promise<GeoOption[]> {
    return this.geo.listStreets();
  }

  @Get('communities')
  communities(@Query() query: CommunitiesQueryDto): Promise<GeoOption[]> {
    return this.geo.listCommunities(query.streetId);
  }

  @Get('buildings')
  buildings(@Query() query: BuildingsQueryDto): Promise<GeoOption[]> {
    return this.geo.listBuildings(query.communityId);
  }

  @Get('rooms')
  rooms(@Query() query: RoomsQueryDto): Promise<RoomOption[]> {
    return this.geo.listRooms(query.buildingId);
  }
}
