import { ErrorCode, FieldErrorCode, ProjectAction, ProjectStatus, Role } from '@gezhi/shared';
import { DomainError } from '../../../common/errors/domain-error';
import type { Viewer } from '../../requests/domain/viewer';

/**
 * Who may use the 问需会 — the one place its scope is decided:
 * - community officers: their community (agenda, settings, projects);
 * - street officers: any community of their street (they name it);
 * - grid leaders: read-only, their grid's part of their community's agenda, and the projects that link an item of
 *   their grid or that they own;
 * - a project's owner (a grid leader or community officer of the community) records progress and closes it, as do
 *   the community and street officers over it. Residents and liaisons: 403 NOT_STAFF (the staff gate of the review permissions, shared/src/permissions.ts).
 */
export interface CommunityFacts {
  id: number;
  streetId: number;
}

export interface ReviewScope {
  communityId: number;
  streetId: number;
  /** a grid leader sees only their grid's part */
  gridId: number | null;
  readOnly: boolean;
}

/** The community a call is about: named by street officers, the caller's own otherwise. */
export function communityIdFor(viewer: Viewer, requested: number | undefined): number {
  if (viewer.role === Role.StreetOfficer) {
    if (requested === undefined) throw DomainError.validation({ communityId: FieldErrorCode.Required });
    return requested;
  }
  if (viewer.role !== Role.CommunityOfficer && viewer.role !== Role.GridLeader) throw new DomainError(ErrorCode.NotStaff);
  if (viewer.communityId === null) throw new DomainError(ErrorCode.NotInYourScope);
  if (requested !== undefined && requested !== viewer.communityId) throw new DomainError(ErrorCode.NotInYourScope);
  return viewer.communityId;
}

/** The caller's scope over a community (404 when it does not exist, 403 outside their street or community). */
export function reviewScopeOf(viewer: Viewer, community: CommunityFacts | null): ReviewScope {
  if (!community) throw new DomainError(ErrorCode.NotFound);
  const scope = { communityId: community.id, streetId: community.streetId };
  switch (viewer.role) {
    case Role.StreetOfficer:
      if (viewer.streetId !== community.streetId) throw new DomainError(ErrorCode.NotInYourScope);
      return { ...scope, gridId: null, readOnly: false };
    case Role.CommunityOfficer:
      if (viewer.communityId !== community.id) throw new DomainError(ErrorCode.NotInYourScope);
      return { ...scope, gridId: null, readOnly: false };
    case Role.GridLeader:
      if (viewer.communityId !== community.id) throw new DomainError(ErrorCode.NotInYourScope);
      return { ...scope, gridId: viewer.gridId, readOnly: true };
    default:
      throw new DomainError(ErrorCode.NotStaff);
  }
}

/** Makes projects and changes settings: the community's officer, or an officer of its street. */
export function managesCommunity(viewer: Viewer, place: { communityId: number; streetId: number }): boolean {
  if (viewer.role === Role.CommunityOfficer) return viewer.communityId === place.communityId;
  if (viewer.role === Role.StreetOfficer) return viewer.streetId === place.streetId;
  return false;
}

export function assertManagesCommunity(viewer: Viewer, place: { communityId: number; streetId: number }): void {
  if (!managesCommunity(viewer, place)) {
    throw new DomainError(viewer.role === Role.GridLeader && viewer.communityId === place.communityId ? ErrorCode.Forbidden : ErrorCode.NotInYourScope);
  }
}

export interface ProjectFacts {
  communityId: number;
  streetId: number;
  ownerUserId: number;
  status: ProjectStatus;
  /** the grids of its linked items */
  gridIds: readonly number[];
}

export function canViewProject(viewer: Viewer, project: ProjectFacts): boolean {
  if (managesCommunity(viewer, project) || viewer.id === project.ownerUserId) return true;
  return viewer.role === Role.GridLeader && viewer.gridId !== null && project.gridIds.includes(viewer.gridId);
}

/** 404 for a project that does not exist is the caller's job; one outside the viewer's scope is 403. */
export function assertCanViewProject(viewer: Viewer, project: ProjectFacts): void {
  if (!canViewProject(viewer, project)) throw new DomainError(ErrorCode.NotInYourScope);
}

/** What the viewer may do with the project now (drives the buttons); progress and closing need it open. */
export function projectActionsFor(viewer: Viewer, project: ProjectFacts): ProjectAction[] {
  if (project.status !== ProjectStatus.Open) return [];
  return managesCommunity(viewer, project) || viewer.id === project.ownerUserId ? [ProjectAction.AddProgress, ProjectAction.Close] : [];
}

/** Refuses an action the viewer may not take now: 409 when the project is closed, 403 when it is not theirs to change. */
export function assertProjectAction(viewer: Viewer, project: ProjectFacts, action: ProjectAction): void {
  assertCanViewProject(viewer, project);
  if (project.status !== ProjectStatus.Open) throw new DomainError(ErrorCode.IllegalTransition);
  if (!projectActionsFor(viewer, project).includes(action)) throw new DomainError(ErrorCode.Forbidden);
}
