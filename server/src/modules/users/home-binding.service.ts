import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, maskPersonName, maskPhone, Me, Role, UnverifiedHome } from '@gezhi/shared';
import { DataSource, IsNull, MoreThan, Not } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { HomeBindingConfig } from './home-binding.config';
import { RoomDirectory } from '../geo/room-directory';
import { formatAddress } from '../geo/room-placement';
import { Permission } from '@gezhi/shared';
import { requireAccess } from '../../access/require-access';
import { Scope } from '../../access/scope';
import { RequestEntity } from '../requests/request.entities';
import { rateLimited } from '../rate-limits/rate-counters';
import { secondsUntil } from '../rate-limits/domain/fixed-window';
import { HomeBindingAction, HomeBindingEventEntity, User } from './user.entity';
import { UsersService } from './users.service';

const DAY = 24 * 3600_000;
/** a page of the 住户核实 list: more than a grid has new residents in a month */
const LIST_LIMIT = 200;

/**
 * A resident's home binding (PUT /api/me/home) and its verification (住户核实). Anyone may bind a home and file from it
 * at once — a resident is never turned away — but the binding is 未核实 until a grid worker whose scope covers the room
 * confirms it (or rejects it: the binding is removed and the resident binds again). Items filed meanwhile carry
 * `fromUnverifiedHome`, shown to staff as 「未核实住户」, and lose it when the home is confirmed. Changing home is
 * limited to HOME_CHANGES_LIMIT binds per HOME_CHANGES_WINDOW_DAYS (429 RATE_LIMITED), counted from the log of binds.
 */
@Injectable()
export class HomeBindingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: HomeBindingConfig,
    private readonly clock: Clock,
    private readonly rooms: RoomDirectory,
    private readonly users: UsersService,
  ) {}

  async bind(resident: User, roomId: number): Promise<Me> {
    const place = await this.rooms.placementOf(roomId);
    if (!place) throw new DomainError(ErrorCode.RoomNotFound);
    if (resident.roomId === roomId) return this.users.me(resident);
    const now = this.clock.now();
    await this.refuseTooManyChanges(resident.id, now);
    const bound: User = { ...resident, roomId, homeBoundAt: now, homeVerifiedAt: null, homeVerifiedByUserId: null };
    await this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id: resident.id }, { roomId, homeBoundAt: now, homeVerifiedAt: null, homeVerifiedByUserId: null });
      await manager.insert(HomeBindingEventEntity, { userId: resident.id, roomId, action: HomeBindingAction.Bind, actorUserId: resident.id, createdAt: now });
    });
    return this.users.me(bound);
  }

  /** 住户核实: the unconfirmed homes in the staff member's scope, most recently bound first. */
  async unverifiedInScope(staff: User): Promise<UnverifiedHome[]> {
    const candidates = await this.dataSource.getRepository(User).find({
      where: { role: Role.Resident, roomId: Not(IsNull()), homeVerifiedAt: IsNull() },
      order: { id: 'DESC' },
    });
    const places = await this.rooms.placementsOf(candidates.map((u) => u.roomId as number));
    const scope = Scope.of(staff);
    const inScope = candidates.filter((u) => {
      const place = places.get(u.roomId as number);
      return place !== undefined && scope.covers(place);
    }).slice(0, LIST_LIMIT);
    const counts = await this.unverifiedRequestCounts(inScope.map((u) => u.id));
    return inScope
      .map((u) => {
        const place = places.get(u.roomId as number)!;
        return {
          residentUserId: u.id,
          residentName: maskPersonName(u.realName ?? u.nickname),
          phoneMasked: u.phone ? maskPhone(u.phone) : null,
          roomId: place.roomId,
          address: formatAddress(place),
          gridName: place.gridName,
          boundAt: u.homeBoundAt ? u.homeBoundAt.toISOString() : null,
          requestCount: counts.get(u.id) ?? 0,
        };
      })
      .sort((a, b) => (b.boundAt ?? '').localeCompare(a.boundAt ?? ''));
  }

  /** 确认: the resident lives there; their items filed from it lose the 未核实住户 flag. */
  async confirm(staff: User, residentUserId: number, roomId: number): Promise<void> {
    await this.decide(staff, residentUserId, roomId, HomeBindingAction.Confirm);
  }

  /** 驳回: the resident does not live there; the binding is removed (they may bind again; filed items stay flagged). */
  async reject(staff: User, residentUserId: number, roomId: number): Promise<void> {
    await this.decide(staff, residentUserId, roomId, HomeBindingAction.Reject);
  }

  private async decide(staff: User, residentUserId: number, roomId: number, action: HomeBindingAction.Confirm | HomeBindingAction.Reject): Promise<void> {
    const resident = await this.dataSource.getRepository(User).findOneBy({ id: residentUserId, role: Role.Resident });
    if (!resident) throw new DomainError(ErrorCode.ResidentNotFound);
    const place = await this.rooms.placementOf(roomId);
    if (!place) throw new DomainError(ErrorCode.RoomNotFound);
    requireAccess(staff, Permission.HomeBindingVerify, place);
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      // conditional on the binding as listed: a resident who bound another home since, or a colleague who decided
      // first, makes this match nothing (409) instead of confirming the wrong home
      const claimed = await manager
        .createQueryBuilder()
        .update(User)
        .set(action === HomeBindingAction.Confirm ? { homeVerifiedAt: now, homeVerifiedByUserId: staff.id } : { roomId: null, homeBoundAt: null })
        .where('id = :id AND roomId = :roomId AND homeVerifiedAt IS NULL', { id: residentUserId, roomId })
        .execute();
      if (claimed.affected !== 1) throw new DomainError(ErrorCode.ConcurrentModification);
      if (action === HomeBindingAction.Confirm) {
        await manager.update(RequestEntity, { residentUserId, roomId, fromUnverifiedHome: true }, { fromUnverifiedHome: false });
      }
      await manager.insert(HomeBindingEventEntity, { userId: residentUserId, roomId, action, actorUserId: staff.id, createdAt: now });
    });
  }

  private async refuseTooManyChanges(userId: number, now: Date): Promise<void> {
    const windowMs = this.config.homeChangeWindowDays * DAY;
    const binds = await this.dataSource.getRepository(HomeBindingEventEntity).find({
      select: { createdAt: true },
      where: { userId, action: HomeBindingAction.Bind, createdAt: MoreThan(new Date(now.getTime() - windowMs)) },
      order: { createdAt: 'ASC' },
    });
    if (binds.length < this.config.homeChanges) return;
    const freedAt = new Date(binds[binds.length - this.config.homeChanges].createdAt.getTime() + windowMs);
    throw rateLimited(`${this.config.homeChangeWindowDays} 天内更换房屋已达 ${this.config.homeChanges} 次`, secondsUntil(freedAt, now));
  }

  private async unverifiedRequestCounts(userIds: number[]): Promise<Map<number, number>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .select('r.residentUserId', 'userId')
      .addSelect('COUNT(*)', 'n')
      .where('r.residentUserId IN (:...userIds) AND r.fromUnverifiedHome = :flag', { userIds, flag: true })
      .groupBy('r.residentUserId')
      .getRawMany<{ userId: number; n: number | string }>();
    return new Map(rows.map((row) => [Number(row.userId), Number(row.n)]));
  }
}
