import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GeoController } from './geo.controller';
import { Building, Community, Grid, Room, Street } from './geo.entities';
import { GeoService } from './geo.service';
import { RoomDirectory } from './room-directory';

/** Places: street → community → grid → building → room, and where a room belongs (RoomDirectory). */
@Module({
  imports: [TypeOrmModule.forFeature([Street, Community, Grid, Building, Room])],
  controllers: [GeoController],
  providers: [GeoService, RoomDirectory],
  exports: [GeoService, RoomDirectory, TypeOrmModule],
})
export class GeoModule {}
