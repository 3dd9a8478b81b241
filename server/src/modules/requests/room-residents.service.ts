import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, maskPersonName, maskPhone, Role, RoomResidentOption } from '@gezhi/shared';
import { Repository } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { RoomDirectory } from '../geo/room-directory';
import type { RoomPlacement } from '../geo/room-placement';
import { displayName, User } from '../users/user.entity';
import { Permission } from '@gezhi/shared';
import { requireAccess, requireRole } from '../../access/require-access';

/**
 * The registered members of a household (居民 bound to a room), for staff filing on someone's behalf: who an item
 * filed for a room may belong to. Listed masked (张**, 138****5678) — staff pick a person, they do not read a roster.
 */
@Injectable()
export class RoomResidentsService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly rooms: RoomDirectory,
  ) {}

  /** GET /api/staff/rooms/:roomId/residents: 404 ROOM_NOT_FOUND; 403 outside the caller's scope (NOT_IN_YOUR_SCOPE for a grid leader). */
  async list(staff: User, roomId: number): Promise<RoomResidentOption[]> {
    requireRole(staff, Permission.StaffRooms);
    await this.roomInScope(staff, roomId);
    const residents = await this.users.find({ where: { roomId, role: Role.Resident }, order: { id: 'ASC' } });
    return residents.map((r) => ({
      userId: r.id,
      nameMasked: maskPersonName(displayName(r)),
      phoneMasked: r.phone ? maskPhone(r.phone) : null,
    }));
  }

  /** The room, if it exists (404 ROOM_NOT_FOUND) and the staff member's scope covers it (403, worded for the role: outOfScope). */
  async roomInScope(staff: User, roomId: number): Promise<RoomPlacement> {
    const place = await this.rooms.placementOf(roomId);
    if (!place) throw new DomainError(ErrorCode.RoomNotFound);
    requireAccess(staff, Permission.StaffRooms, place);
    return place;
  }

  /** The resident `userId` if they are a registered resident bound to `roomId`; 409 RESIDENT_NOT_IN_ROOM otherwise. */
  async memberOf(roomId: number, userId: number): Promise<User> {
    const resident = await this.users.findOneBy({ id: userId });
    if (!resident || resident.role !== Role.Resident || resident.roomId !== roomId) throw new DomainError(ErrorCode.ResidentNotInRoom);
    return resident;
  }
}
