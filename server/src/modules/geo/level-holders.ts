import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HandlingLevel, Role } from '@gezhi/shared';
import { DataSource, EntityManager } from 'typeorm';
import { TtlCache } from '../../common/ttl-cache';
import { Grid } from './geo.entities';
import { User } from '../users/user.entity';

const TTL_MS = 30_000;

/**
 * Who holds an item at a level: the grid's leader, the community's officer, the street's officer (the first
 * by id when there are several). The one answer (and the one cache, per instance, TTL_MS) to "who holds level X":
 * a new request's grid leader at filing, the holder after an escalation, the approver of an extension, the
 * supervisor the sweeper tells. (RoomDirectory's leader name and phone are for showing, not for routing.)
 */
@Injectable()
export class LevelHolders {
  private readonly cache = new TtlCache<string, number | null>(TTL_MS, 10_000);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inside a transaction pass its `manager`: a cache miss is then read on the transaction's own connection
   * (waiting for another pool connection from inside a transaction can deadlock the pool under load).
   */
  async holderAt(level: HandlingLevel, place: { gridId: number; communityId: number; streetId: number }, manager: EntityManager = this.dataSource.manager): Promise<number | null> {
    const key = `${level}:${level === HandlingLevel.Grid ? place.gridId : level === HandlingLevel.Community ? place.communityId : place.streetId}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const holder = await this.load(level, place, manager);
    this.cache.set(key, holder);
    return holder;
  }

  private async load(level: HandlingLevel, place: { gridId: number; communityId: number; streetId: number }, manager: EntityManager): Promise<number | null> {
    if (level === HandlingLevel.Grid) {
      return (await manager.getRepository(Grid).findOneBy({ id: place.gridId }))?.leaderUserId ?? null;
    }
    const where =
      level === HandlingLevel.Community
        ? { role: Role.CommunityOfficer, communityId: place.communityId }
        : { role: Role.StreetOfficer, streetId: place.streetId };
    const officer = await manager.getRepository(User).findOne({ where, order: { id: 'ASC' }, select: { id: true } });
    return officer?.id ?? null;
  }
}
