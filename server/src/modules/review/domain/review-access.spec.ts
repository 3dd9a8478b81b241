import { ErrorCode, FieldErrorCode, ProjectAction, ProjectStatus, Role } from '@gezhi/shared';
import { DomainError } from '../../../common/errors/domain-error';
import type { Viewer } from '../../requests/domain/viewer';
import { assertProjectAction, canViewProject, communityIdFor, managesCommunity, projectActionsFor, reviewScopeOf } from './review-access';

const viewer = (role: Role, overrides: Partial<Viewer> = {}): Viewer => ({
  id: 100,
  role,
  gridId: role === Role.GridLeader ? 11 : null,
  communityId: role === Role.StreetOfficer || role === Role.Resident || role === Role.Liaison ? null : 1,
  streetId: role === Role.Resident || role === Role.Liaison ? null : 9,
  ...overrides,
});
const community = { id: 1, streetId: 9 };
const otherCommunity = { id: 2, streetId: 9 };
const otherStreetCommunity = { id: 3, streetId: 8 };

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error.code === ErrorCode.ValidationFailed ? JSON.stringify(error.fieldErrors) : error.code;
    throw error;
  }
  return undefined;
}

describe('review scope', () => {
  it('takes the caller’s own community unless a street officer names one', () => {
    expect(communityIdFor(viewer(Role.CommunityOfficer), undefined)).toBe(1);
    expect(communityIdFor(viewer(Role.GridLeader), 1)).toBe(1);
    expect(codeOf(() => communityIdFor(viewer(Role.CommunityOfficer), 2))).toBe(ErrorCode.NotInYourScope);
    expect(communityIdFor(viewer(Role.StreetOfficer), 2)).toBe(2);
    expect(codeOf(() => communityIdFor(viewer(Role.StreetOfficer), undefined))).toBe(JSON.stringify({ communityId: FieldErrorCode.Required }));
    expect(codeOf(() => communityIdFor(viewer(Role.Resident), undefined))).toBe(ErrorCode.NotStaff);
    expect(codeOf(() => communityIdFor(viewer(Role.Liaison), 1))).toBe(ErrorCode.NotStaff);
  });

  it('gives community officers their community, street officers their street’s, grid leaders their grid read-only', () => {
    expect(reviewScopeOf(viewer(Role.CommunityOfficer), community)).toEqual({ communityId: 1, streetId: 9, gridId: null, readOnly: false });
    expect(reviewScopeOf(viewer(Role.StreetOfficer), otherCommunity)).toEqual({ communityId: 2, streetId: 9, gridId: null, readOnly: false });
    expect(reviewScopeOf(viewer(Role.GridLeader), community)).toEqual({ communityId: 1, streetId: 9, gridId: 11, readOnly: true });
  });

  it('refuses other communities and streets (403), unknown communities (404)', () => {
    expect(codeOf(() => reviewScopeOf(viewer(Role.CommunityOfficer), otherCommunity))).toBe(ErrorCode.NotInYourScope);
    expect(codeOf(() => reviewScopeOf(viewer(Role.GridLeader), otherCommunity))).toBe(ErrorCode.NotInYourScope);
    expect(codeOf(() => reviewScopeOf(viewer(Role.StreetOfficer), otherStreetCommunity))).toBe(ErrorCode.NotInYourScope);
    expect(codeOf(() => reviewScopeOf(viewer(Role.StreetOfficer), null))).toBe(ErrorCode.NotFound);
  });

  it('lets only officers over the community manage it', () => {
    const place = { communityId: 1, streetId: 9 };
    expect(managesCommunity(viewer(Role.CommunityOfficer), place)).toBe(true);
    expect(managesCommunity(viewer(Role.StreetOfficer), place)).toBe(true);
    expect(managesCommunity(viewer(Role.GridLeader), place)).toBe(false);
    expect(managesCommunity(viewer(Role.CommunityOfficer, { communityId: 2 }), place)).toBe(false);
    expect(managesCommunity(viewer(Role.StreetOfficer, { streetId: 8 }), place)).toBe(false);
  });
});

describe('project access', () => {
  const project = { communityId: 1, streetId: 9, ownerUserId: 55, status: ProjectStatus.Open, gridIds: [11, 12] };

  it('shows a project to its officers, its owner and the grid leaders of its items', () => {
    expect(canViewProject(viewer(Role.CommunityOfficer), project)).toBe(true);
    expect(canViewProject(viewer(Role.StreetOfficer), project)).toBe(true);
    expect(canViewProject(viewer(Role.GridLeader, { gridId: 12 }), project)).toBe(true);
    expect(canViewProject(viewer(Role.GridLeader, { gridId: 13 }), project)).toBe(false);
    expect(canViewProject(viewer(Role.GridLeader, { id: 55, gridId: 13 }), project)).toBe(true);
    expect(canViewProject(viewer(Role.CommunityOfficer, { communityId: 2 }), project)).toBe(false);
  });

  it('lets officers and the owner record progress and close it while open; grid leaders only read', () => {
    expect(projectActionsFor(viewer(Role.CommunityOfficer), project)).toEqual([ProjectAction.AddProgress, ProjectAction.Close]);
    expect(projectActionsFor(viewer(Role.GridLeader, { id: 55 }), project)).toEqual([ProjectAction.AddProgress, ProjectAction.Close]);
    expect(projectActionsFor(viewer(Role.GridLeader, { gridId: 12 }), project)).toEqual([]);
    expect(projectActionsFor(viewer(Role.CommunityOfficer), { ...project, status: ProjectStatus.Closed })).toEqual([]);
  });

  it('answers 409 for a closed project, 403 for a reader, 403 outside the scope', () => {
    expect(codeOf(() => assertProjectAction(viewer(Role.CommunityOfficer), { ...project, status: ProjectStatus.Closed }, ProjectAction.Close))).toBe(
      ErrorCode.IllegalTransition,
    );
    expect(codeOf(() => assertProjectAction(viewer(Role.GridLeader, { gridId: 12 }), project, ProjectAction.AddProgress))).toBe(ErrorCode.Forbidden);
    expect(codeOf(() => assertProjectAction(viewer(Role.StreetOfficer, { streetId: 8 }), project, ProjectAction.Close))).toBe(ErrorCode.NotInYourScope);
    expect(codeOf(() => assertProjectAction(viewer(Role.CommunityOfficer), project, ProjectAction.Close))).toBeUndefined();
  });
});
