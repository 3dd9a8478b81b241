import { ErrorCode, MetricsScopeKind, RankingKind, Role } from '@gezhi/shared';
import { DomainError } from '../../../common/errors/domain-error';
import type { Viewer } from '../../requests/domain/viewer';

/**
 * Who may see whose numbers — the one place it is decided:
 * a grid leader their grid (and themselves as grid leader); a community officer their community, its grids and
 * their leaders; a street officer their street, its communities, grids, leaders and departments; a liaison their
 * department. Anyone else (residents): 403 FORBIDDEN; a unit outside the viewer's scope: 403 NOT_IN_YOUR_SCOPE.
 */

/** A unit resolved with where it sits (read from the database before the check). */
export interface PlacedScope {
  kind: MetricsScopeKind;
  id: number;
  streetId: number;
  /** the community of a grid or a community; for a grid leader, the communities of their grids */
  communityIds: number[];
  /** the grids of a grid / grid leader */
  gridIds: number[];
}

export function assertMayViewMetrics(viewer: Viewer, scope: PlacedScope): void {
  if (!mayViewAnyMetrics(viewer)) throw new DomainError(ErrorCode.Forbidden);
  if (!covers(viewer, scope)) throw new DomainError(ErrorCode.NotInYourScope);
}

export function mayViewAnyMetrics(viewer: Viewer): boolean {
  return [Role.GridLeader, Role.CommunityOfficer, Role.StreetOfficer, Role.Liaison].includes(viewer.role);
}

function covers(viewer: Viewer, scope: PlacedScope): boolean {
  switch (viewer.role) {
    case Role.GridLeader:
      if (scope.kind === MetricsScopeKind.Grid) return viewer.gridId !== null && scope.id === viewer.gridId;
      if (scope.kind === MetricsScopeKind.GridLeader) return scope.id === viewer.id;
      return false;
    case Role.CommunityOfficer:
      if (viewer.communityId === null) return false;
      if (scope.kind === MetricsScopeKind.Community) return scope.id === viewer.communityId;
      if (scope.kind === MetricsScopeKind.Grid || scope.kind === MetricsScopeKind.GridLeader) {
        return scope.communityIds.length > 0 && scope.communityIds.every((id) => id === viewer.communityId);
      }
      return false;
    case Role.StreetOfficer:
      return viewer.streetId !== null && scope.streetId === viewer.streetId;
    case Role.Liaison:
      return scope.kind === MetricsScopeKind.Department && viewer.departmentId !== null && scope.id === viewer.departmentId;
    default:
      return false;
  }
}

/** The unit a viewer's numbers default to: their grid, community, street or department. */
export function ownScopeOf(viewer: Viewer): { kind: MetricsScopeKind; id: number } | null {
  switch (viewer.role) {
    case Role.GridLeader:
      return viewer.gridId !== null ? { kind: MetricsScopeKind.Grid, id: viewer.gridId } : { kind: MetricsScopeKind.GridLeader, id: viewer.id };
    case Role.CommunityOfficer:
      return viewer.communityId !== null ? { kind: MetricsScopeKind.Community, id: viewer.communityId } : null;
    case Role.StreetOfficer:
      return viewer.streetId !== null ? { kind: MetricsScopeKind.Street, id: viewer.streetId } : null;
    case Role.Liaison:
      return viewer.departmentId !== null && viewer.departmentId !== undefined ? { kind: MetricsScopeKind.Department, id: viewer.departmentId } : null;
    default:
      return null;
  }
}

/** When `scope` is given without `id`: the viewer's own unit of that kind, if they have one. */
export function ownIdOf(viewer: Viewer, kind: MetricsScopeKind): number | null {
  switch (kind) {
    case MetricsScopeKind.Grid:
      return viewer.role === Role.GridLeader ? viewer.gridId : null;
    case MetricsScopeKind.GridLeader:
      return viewer.role === Role.GridLeader ? viewer.id : null;
    case MetricsScopeKind.Community:
      return viewer.role === Role.CommunityOfficer ? viewer.communityId : null;
    case MetricsScopeKind.Street:
      return viewer.role === Role.StreetOfficer ? viewer.streetId : null;
    case MetricsScopeKind.Department:
      return viewer.role === Role.Liaison ? (viewer.departmentId ?? null) : null;
  }
}

/**
 * Rankings: grids within a street (street officers of it) or a community (its community officer, or a street officer
 * of its street); departments within a street (its street officers). Everyone else: 403 FORBIDDEN.
 */
export function assertMayViewRanking(viewer: Viewer, kind: RankingKind, scope: PlacedScope): void {
  const streetOfficer = viewer.role === Role.StreetOfficer;
  const communityOfficer = viewer.role === Role.CommunityOfficer;
  if (kind === 'DEPARTMENT') {
    if (!streetOfficer) throw new DomainError(ErrorCode.Forbidden);
    if (scope.kind !== MetricsScopeKind.Street || scope.id !== viewer.streetId) throw new DomainError(ErrorCode.NotInYourScope);
    return;
  }
  if (streetOfficer) {
    if (scope.streetId !== viewer.streetId) throw new DomainError(ErrorCode.NotInYourScope);
    return;
  }
  if (communityOfficer) {
    if (scope.kind !== MetricsScopeKind.Community || scope.id !== viewer.communityId) throw new DomainError(ErrorCode.NotInYourScope);
    return;
  }
  throw new DomainError(ErrorCode.Forbidden);
}
