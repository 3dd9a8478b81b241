import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BoardPage, PAGE_COUNT_CAP, RequestStatus, Role } from '@gezhi/shared';
import { DataSource, In } from 'typeorm';
import { pageWindow } from '../../common/http/pagination';
import { countUpToCap } from '../../database/count-up-to-cap';
import { Community } from '../geo/geo.entities';
import { RoomDirectory } from '../geo/room-directory';
import { RatingEntity, RequestEntity } from '../requests/request.entities';
import { User } from '../users/user.entity';
import { BoardRatesService } from './board-rates.service';
import { Permission } from '@gezhi/shared';
import { requireAccess } from '../../access/require-access';
import { boardItem } from './domain/board-item';
import { BoardQueryDto } from './dto/board.dto';

/**
 * 公示: a community's closed items, newest first (IDX_request_board), anonymised for every resident of the
 * community to read, with the community's current rates. A fixed number of queries per page.
 */
@Injectable()
export class BoardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rooms: RoomDirectory,
    private readonly rates: BoardRatesService,
  ) {}

  async board(viewer: User, query: BoardQueryDto): Promise<BoardPage> {
    const communityId = await this.communityFor(viewer, query.communityId);
    const community = await this.dataSource.getRepository(Community).findOneByOrFail({ id: communityId });
    const window = pageWindow(query);
    const closed = this.dataSource
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .where('r.communityId = :communityId AND r.status = :closed', { communityId, closed: RequestStatus.Closed });
    const [rows, counted, rates] = await Promise.all([
      closed.clone().orderBy('r.closedAt', 'DESC').addOrderBy('r.id', 'DESC').offset(window.skip).limit(window.pageSize).getMany(),
      countUpToCap(closed),
      this.rates.ratesOf(communityId),
    ]);
    const [places, ratings, household] = await Promise.all([
      this.rooms.placementsOf(rows.map((r) => r.roomId)),
      this.latestRatings(rows.map((r) => r.id)),
      this.householdNames(rows),
    ]);
    const items = rows.map((r, index) =>
      boardItem({
        key: `${window.page}-${index}`,
        category: r.category,
        subcategory: r.subcategory,
        publicSummary: r.publicSummary,
        showNamePublicly: r.showNamePublicly,
        contactName: r.contactName,
        createdAt: r.createdAt,
        resolvedAt: r.resolvedAt,
        closedAt: r.closedAt,
        gridName: places.get(r.roomId)?.gridName ?? '',
        rating: ratings.get(r.id) ?? null,
        knownNames: [...(household.byRoom.get(r.roomId) ?? []), ...(r.residentUserId !== null ? (household.byUser.get(r.residentUserId) ?? []) : [])],
      }),
    );
    return {
      communityId,
      communityName: community.name,
      rates,
      items,
      total: Math.min(counted, PAGE_COUNT_CAP),
      page: window.page,
      pageSize: window.pageSize,
      ...(counted > PAGE_COUNT_CAP ? { totalCapped: true } : {}),
    };
  }

  private async communityFor(viewer: User, requested: number | undefined): Promise<number> {
    const [home, named] = await Promise.all([
      viewer.role === Role.Resident && viewer.roomId !== null ? this.rooms.placementOf(viewer.roomId) : Promise.resolve(null),
      viewer.role === Role.StreetOfficer && requested !== undefined ? this.dataSource.getRepository(Community).findOneBy({ id: requested }) : Promise.resolve(null),
    ]);
    return requireAccess(viewer, Permission.BoardView, { requested, homeCommunityId: home?.communityId ?? null, streetOfRequested: named?.streetId ?? null });
  }

  /** The rating that closed each request (its latest round). */
  private async latestRatings(requestIds: readonly number[]): Promise<Map<number, RatingEntity>> {
    const latest = new Map<number, RatingEntity>();
    if (requestIds.length === 0) return latest;
    const rows = await this.dataSource.getRepository(RatingEntity).find({ where: { requestId: In([...requestIds]) } });
    for (const row of rows) {
      const seen = latest.get(row.requestId);
      if (!seen || row.round > seen.round) latest.set(row.requestId, row);
    }
    return latest;
  }

  /**
   * The names the system knows of each reporter and household: the filing resident's, and everyone bound to the
   * same room (a household member may be named in the text). Removed from the texts; never sent.
   */
  private async householdNames(rows: readonly RequestEntity[]): Promise<{ byRoom: Map<number, string[]>; byUser: Map<number, string[]> }> {
    const byRoom = new Map<number, string[]>();
    const byUser = new Map<number, string[]>();
    const roomIds = [...new Set(rows.map((r) => r.roomId))];
    const userIds = [...new Set(rows.map((r) => r.residentUserId).filter((id): id is number => id !== null))];
    if (roomIds.length === 0) return { byRoom, byUser };
    const users = this.dataSource.getRepository(User);
    const select = { id: true, roomId: true, realName: true, nickname: true } as const;
    const [inRooms, reporters] = await Promise.all([
      users.find({ select, where: { roomId: In(roomIds) } }),
      userIds.length ? users.find({ select, where: { id: In(userIds) } }) : Promise.resolve([]),
    ]);
    for (const u of inRooms) if (u.roomId !== null) byRoom.set(u.roomId, [...(byRoom.get(u.roomId) ?? []), ...namesOf(u)]);
    for (const u of reporters) byUser.set(u.id, namesOf(u));
    return { byRoom, byUser };
  }
}

function namesOf(user: Pick<User, 'realName' | 'nickname'>): string[] {
  return [user.realName, user.nickname].filter((n): n is string => !!n);
}
