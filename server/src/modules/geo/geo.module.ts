import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GeoController } from './geo.controller';
import { Building, Community, Grid, Room, Street } from './geo.entities';
import { GeoService } from './geo.service';
import { LevelHolders } from './level-holders';
import { RoomDirectory } from './room-directory';

/** Places: street → community → grid → building → room, where a room belongs (RoomDirectory) and who holds each level (LevelHolders). */
@Module({
  imports: [TypeOrmModule.forFeature([Street, Community, Grid, Building, Room])],
  controllers: [GeoController],
  providers: [GeoService, RoomDirectory, LevelHolders],
  exports: [GeoService, RoomDirectory, LevelHolders, TypeOrmModule],
})
export class GeoModule {}
