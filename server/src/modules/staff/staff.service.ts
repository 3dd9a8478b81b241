import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { RoomOption } from '@gezhi/shared';
import { Repository } from 'typeorm';
import { Building, Community, Room } from '../geo/geo.entities';
import { Permission } from '@gezhi/shared';
import { requireRole } from '../../access/require-access';
import { Scope } from '../../access/scope';
import type { User } from '../users/user.entity';

/** Rooms a staff member may file for (their scope), optionally narrowed to one community or building. */
@Injectable()
export class StaffRoomsService {
  constructor(@InjectRepository(Room) private readonly rooms: Repository<Room>) {}

  async roomsInScope(staff: User, filter: { communityId?: number; buildingId?: number }): Promise<RoomOption[]> {
    requireRole(staff, Permission.StaffRooms);
    const query = this.rooms
      .createQueryBuilder('room')
      .innerJoin(Building, 'building', 'building.id = room.buildingId')
      .innerJoin(Community, 'community', 'community.id = building.communityId')
      .select(['room.id AS id', 'room.unitName AS unitName', 'room.roomNumber AS roomNumber', 'building.name AS buildingName'])
      .orderBy('building.id', 'ASC')
      .addOrderBy('room.id', 'ASC');
    Scope.of(staff).narrow(query, { gridId: 'building.gridId', communityId: 'building.communityId', streetId: 'community.streetId' });
    if (filter.communityId) query.andWhere('building.communityId = :communityId', { communityId: filter.communityId });
    if (filter.buildingId) query.andWhere('building.id = :buildingId', { buildingId: filter.buildingId });
    const rows = await query.getRawMany<{ id: number | string; unitName: string; roomNumber: string; buildingName: string }>();
    return rows.map((row) => ({ id: Number(row.id), unitName: row.unitName, roomNumber: row.roomNumber, buildingName: row.buildingName }));
  }
}
