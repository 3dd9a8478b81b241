import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { GeoOption, RoomOption } from '@gezhi/shared';
import { Repository } from 'typeorm';
import { Building, Community, Room, Street } from './geo.entities';

const byId = { id: 'ASC' } as const;

/** The hierarchy lists a resident walks to bind their home. */
@Injectable()
export class GeoService {
  constructor(
    @InjectRepository(Street) private readonly streets: Repository<Street>,
    @InjectRepository(Community) private readonly communities: Repository<Community>,
    @InjectRepository(Building) private readonly buildings: Repository<Building>,
    @InjectRepository(Room) private readonly rooms: Repository<Room>,
  ) {}

  listStreets(): Promise<GeoOption[]> {
    return this.streets.find({ select: { id: true, name: true }, order: byId });
  }

  listCommunities(streetId: number): Promise<GeoOption[]> {
    return this.communities.find({ select: { id: true, name: true }, where: { streetId }, order: byId });
  }

  listBuildings(communityId: number): Promise<GeoOption[]> {
    return this.buildings.find({ select: { id: true, name: true }, where: { communityId }, order: byId });
  }

  listRooms(buildingId: number): Promise<RoomOption[]> {
    return this.rooms.find({ select: { id: true, unitName: true, roomNumber: true }, where: { buildingId }, order: byId });
  }
}
