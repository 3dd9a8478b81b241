import { ErrorCode, FieldErrorCode, Role } from '@gezhi/shared';
import { DomainError } from '../../../common/errors/domain-error';
import type { Viewer } from '../../requests/domain/viewer';

/**
 * Whose board (公示) a caller reads — the one place it is decided:
 * - a resident: their bound home's community (409 HOME_NOT_BOUND without one; naming another → 403 FORBIDDEN);
 * - grid leaders and community officers: their community (naming another → 403 NOT_IN_YOUR_SCOPE);
 * - street officers: a community of their street, which they name (checked against the community's street);
 * - liaisons: 403 FORBIDDEN.
 * Returns the community id to read; `streetOfRequested` is the named community's street (null: no such community → 404).
 */
export function boardCommunityOf(
  viewer: Viewer,
  requested: number | undefined,
  facts: { homeCommunityId: number | null; streetOfRequested: number | null },
): number {
  switch (viewer.role) {
    case Role.Resident:
      if (facts.homeCommunityId === null) throw new DomainError(ErrorCode.HomeNotBound);
      if (requested !== undefined && requested !== facts.homeCommunityId) throw new DomainError(ErrorCode.Forbidden);
      return facts.homeCommunityId;
    case Role.GridLeader:
    case Role.CommunityOfficer:
      if (viewer.communityId === null || (requested !== undefined && requested !== viewer.communityId)) throw new DomainError(ErrorCode.NotInYourScope);
      return viewer.communityId;
    case Role.StreetOfficer:
      if (requested === undefined) throw DomainError.validation({ communityId: FieldErrorCode.Required });
      if (facts.streetOfRequested === null) throw new DomainError(ErrorCode.NotFound);
      if (facts.streetOfRequested !== viewer.streetId) throw new DomainError(ErrorCode.NotInYourScope);
      return requested;
    default:
      throw new DomainError(ErrorCode.Forbidden);
  }
}
