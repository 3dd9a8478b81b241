/**
 * Who sees and who maintains a community's service catalogue. Pure: the one access place of the services and
 * bookings modules (no Nest, no database).
 */
import { ErrorCode, Role } from '@gezhi/shared';
import { DomainError } from '../../../common/errors/domain-error';

export interface CatalogueViewer {
  role: Role;
  /** staff scope (grid leaders and community officers) */
  communityId: number | null;
}

/**
 * The community whose catalogue `viewer` sees: a resident that of their bound home (409 HOME_NOT_BOUND without
 * one), a grid leader or community officer their own community; anyone else is refused (403 FORBIDDEN).
 */
export function catalogueCommunityOf(viewer: CatalogueViewer, homeCommunityId: number | null): number {
  if (viewer.role === Role.Resident) {
    if (homeCommunityId === null) throw new DomainError(ErrorCode.HomeNotBound);
    return homeCommunityId;
  }
  if ((viewer.role === Role.GridLeader || viewer.role === Role.CommunityOfficer) && viewer.communityId !== null) return viewer.communityId;
  throw new DomainError(ErrorCode.Forbidden);
}

/** Only a community officer (社区工作人员) of that community maintains its catalogue and slots. */
export function canMaintainCatalogue(viewer: CatalogueViewer, communityId: number): boolean {
  return viewer.role === Role.CommunityOfficer && viewer.communityId === communityId;
}

/** The community a maintainer creates services in; 403 FORBIDDEN for anyone but a community officer. */
export function maintainedCommunityOf(viewer: CatalogueViewer): number {
  if (viewer.role !== Role.CommunityOfficer || viewer.communityId === null) throw new DomainError(ErrorCode.Forbidden);
  return viewer.communityId;
}
