/** Who serves a booked visit: the one access place of the provider day plan and the visit actions. Pure. */
import { ProviderKind, Role } from '@gezhi/shared';
import { mayCoordinate } from '../../services/domain/offering-rules';

export interface VisitProvider {
  id: number;
  role: Role;
  gridId: number | null;
  communityId: number | null;
}

/** What of a booking and its service decides who provides the visit. */
export interface VisitAssignment {
  /** the grid of the resident's home at booking time */
  bookingGridId: number | null;
  providerKind: ProviderKind;
  /** VOLUNTEER_TEAM / PARTNER_ORG: the staff member who coordinates the visits (null: nobody yet) */
  coordinatorUserId: number | null;
  /** the service's community */
  communityId: number;
}

/** Staff who may have visits on a day plan: grid leaders and community officers of a community. */
export function mayProvideVisits(user: Pick<VisitProvider, 'role' | 'communityId'>): boolean {
  return (user.role === Role.GridLeader || user.role === Role.CommunityOfficer) && user.communityId !== null;
}

/**
 * A GRID_STAFF visit is provided by the grid leader of the resident's home grid; a VOLUNTEER_TEAM / PARTNER_ORG
 * visit by the service's coordinator (a grid leader or community officer of the service's community), and by
 * nobody while the service names none.
 */
export function providesVisit(user: VisitProvider, visit: VisitAssignment): boolean {
  if (!mayCoordinate(user, visit.communityId)) return false;
  if (visit.providerKind === ProviderKind.GridStaff) {
    return user.role === Role.GridLeader && user.gridId !== null && user.gridId === visit.bookingGridId;
  }
  return visit.coordinatorUserId !== null && visit.coordinatorUserId === user.id;
}

/**
 * Who gets a visit's notices (VISIT_BOOKED / VISIT_CANCELLED): the same person `providesVisit` admits —
 * the home grid's leader for GRID_STAFF, the coordinator otherwise (null when there is none).
 */
export function visitProviderUserId(visit: VisitAssignment, gridLeaderUserId: number | null): number | null {
  return visit.providerKind === ProviderKind.GridStaff ? gridLeaderUserId : visit.coordinatorUserId;
}
