import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, HomeSummary, maskPhone, Me, Role, StaffScope, DepartmentView } from '@gezhi/shared';
import { Repository } from 'typeorm';
import { Scope } from '../../access/scope';
import { DomainError } from '../../common/errors/domain-error';
import { DepartmentEntity } from '../departments/department.entities';
import { Community, Grid } from '../geo/geo.entities';
import { RoomDirectory } from '../geo/room-directory';
import { formatAddress, RoomPlacement } from '../geo/room-placement';
import { displayName, tagsOf, User } from './user.entity';

/** Users, the "me" view and home binding. */
@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Grid) private readonly grids: Repository<Grid>,
    private readonly rooms: RoomDirectory,
  ) {}

  /**
   * The user behind a token, read by primary key on every call and never cached: a password change, a
   * suspension (tokenVersion, suspendedAt) or a role change must hold at once, on every instance.
   */
  findSignedIn(id: number): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  /** Every token issued to the user so far stops working (the next request answers 401). */
  async revokeTokens(id: number): Promise<void> {
    await this.users.increment({ id }, 'tokenVersion', 1);
  }

  /**
   * Suspends an account: its tokens are refused from the next request on and it cannot sign in; resuming it
   * does not bring old tokens back (the version moved on). No route sets this yet (account administration: issue 12).
   */
  async suspend(id: number, at: Date): Promise<void> {
    await this.users.update({ id }, { suspendedAt: at });
    await this.revokeTokens(id);
  }

  async resume(id: number): Promise<void> {
    await this.users.update({ id }, { suspendedAt: null });
  }

  findByAccount(account: string): Promise<User | null> {
    return this.users.findOneBy({ account });
  }

  /** Users with a demo account name, for the dev login's account picker. */
  listDemoAccounts(): Promise<User[]> {
    return this.users.createQueryBuilder('user').where('user.account IS NOT NULL').orderBy('user.id', 'ASC').getMany();
  }

  /** Names of users by id (timeline actors, holders). */
  async namesOf(ids: readonly number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.users.find({ select: { id: true, realName: true, nickname: true }, where: unique.map((id) => ({ id })) });
    return new Map(rows.map((u) => [u.id, displayName(u)]));
  }

  async me(user: User): Promise<Me> {
    const place = user.roomId ? await this.rooms.placementOf(user.roomId) : null;
    return {
      id: user.id,
      nickname: user.nickname,
      role: user.role,
      home: place ? { ...homeSummary(place), verified: user.homeVerifiedAt !== null } : null,
      staff: user.role === Role.Resident || user.role === Role.Liaison ? null : await this.staffScope(user),
      ...(user.role === Role.Liaison ? { department: await this.departmentOf(user) } : {}),
      ...(user.role === Role.Resident ? { tags: tagsOf(user) } : {}),
    };
  }

  /** A liaison's department (部门联络员 act for one department). */
  private async departmentOf(user: User): Promise<DepartmentView | null> {
    if (user.departmentId === null) return null;
    const d = await this.users.manager.findOneBy(DepartmentEntity, { id: user.departmentId });
    return d ? { id: d.id, name: d.name, kind: d.kind, streetId: d.streetId, pairedGridId: d.pairedGridId } : null;
  }

  private async staffScope(user: User): Promise<StaffScope> {
    const query = this.grids.createQueryBuilder('grid').select(['grid.id', 'grid.name']).orderBy('grid.id', 'ASC');
    if (user.role === Role.StreetOfficer) query.innerJoin(Community, 'community', 'community.id = grid.communityId');
    Scope.of(user).narrow(query, { gridId: 'grid.id', communityId: 'grid.communityId', streetId: 'community.streetId' });
    const grids = await query.getMany();
    return {
      gridIds: grids.map((g) => g.id),
      gridNames: grids.map((g) => g.name),
      communityId: user.communityId,
      streetId: user.streetId,
    };
  }
}

function homeSummary(place: RoomPlacement): HomeSummary {
  return {
    roomId: place.roomId,
    address: formatAddress(place),
    streetName: place.streetName,
    communityName: place.communityName,
    buildingName: place.buildingName,
    unitName: place.unitName,
    roomNumber: place.roomNumber,
    gridId: place.gridId,
    gridName: place.gridName,
    gridLeaderName: place.gridLeaderName,
    gridLeaderPhoneMasked: place.gridLeaderPhone ? maskPhone(place.gridLeaderPhone) : null,
  };
}
