import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { TtlCache } from '../../common/ttl-cache';
import { User } from '../users/user.entity';
import { Building, Community, Grid, Room, Street } from './geo.entities';
import { RoomPlacement } from './room-placement';

const TTL_MS = 30_000;
const MAX_ENTRIES = 20_000;

/**
 * Room → building → grid (+ leader) → community → street, read-mostly and looked up on every filing
 * and every list. A small in-process TTL cache keeps it to one indexed query per miss (a change of grid
 * leader shows within TTL_MS).
 */
@Injectable()
export class RoomDirectory {
  private readonly cache = new TtlCache<number, RoomPlacement>(TTL_MS, MAX_ENTRIES);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async placementOf(roomId: number): Promise<RoomPlacement | null> {
    return (await this.placementsOf([roomId])).get(roomId) ?? null;
  }

  async placementsOf(roomIds: readonly number[]): Promise<Map<number, RoomPlacement>> {
    const found = new Map<number, RoomPlacement>();
    const missing: number[] = [];
    for (const id of new Set(roomIds)) {
      const hit = this.cache.get(id);
      if (hit) found.set(id, hit);
      else missing.push(id);
    }
    if (missing.length > 0) {
      for (const place of await this.load(missing)) {
        found.set(place.roomId, place);
        this.cache.set(place.roomId, place);
      }
    }
    return found;
  }

  private async load(roomIds: number[]): Promise<RoomPlacement[]> {
    const rows = await this.dataSource
      .createQueryBuilder()
      .select([
        'room.id AS roomId',
        'room.unitName AS unitName',
        'room.roomNumber AS roomNumber',
        'building.id AS buildingId',
        'building.name AS buildingName',
        'grid.id AS gridId',
        'grid.name AS gridName',
        'grid.leaderUserId AS gridLeaderUserId',
        'leader.realName AS leaderRealName',
        'leader.nickname AS leaderNickname',
        'leader.phone AS gridLeaderPhone',
        'community.id AS communityId',
        'community.name AS communityName',
        'street.id AS streetId',
        'street.name AS streetName',
      ])
      .from(Room, 'room')
      .innerJoin(Building, 'building', 'building.id = room.buildingId')
      .innerJoin(Grid, 'grid', 'grid.id = building.gridId')
      .innerJoin(Community, 'community', 'community.id = building.communityId')
      .innerJoin(Street, 'street', 'street.id = community.streetId')
      .leftJoin(User, 'leader', 'leader.id = grid.leaderUserId')
      .where({ id: In(roomIds) })
      .getRawMany<Record<string, string | number | null>>();
    return rows.map((row) => ({
      roomId: Number(row.roomId),
      unitName: String(row.unitName),
      roomNumber: String(row.roomNumber),
      buildingId: Number(row.buildingId),
      buildingName: String(row.buildingName),
      gridId: Number(row.gridId),
      gridName: String(row.gridName),
      gridLeaderUserId: row.gridLeaderUserId === null ? null : Number(row.gridLeaderUserId),
      gridLeaderName: (row.leaderRealName ?? row.leaderNickname ?? null) as string | null,
      gridLeaderPhone: (row.gridLeaderPhone ?? null) as string | null,
      communityId: Number(row.communityId),
      communityName: String(row.communityName),
      streetId: Number(row.streetId),
      streetName: String(row.streetName),
    }));
  }
}
