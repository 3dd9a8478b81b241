import { AssignmentState, ErrorCode, HandlingLevel, RequestStatus, Role, WhistleRole } from '@gezhi/shared';
import type { RequestFacts, Viewer } from '../domain/viewer';
import { assertActsForDepartment, assertCanView, holdsCurrentLevel, requestScopeRefusal } from './request-access';

const request: RequestFacts = {
  status: RequestStatus.PendingAccept,
  level: HandlingLevel.Grid,
  residentUserId: 10,
  gridId: 1,
  communityId: 1,
  streetId: 1,
};

const viewer = (role: Role, overrides: Partial<Viewer> = {}): Viewer => ({
  id: 99,
  role,
  gridId: null,
  communityId: null,
  streetId: null,
  ...overrides,
});

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('request access', () => {
  it("hides another resident's request as not found", () => {
    expect(codeOf(() => assertCanView(viewer(Role.Resident, { id: 11 }), request))).toBe(ErrorCode.RequestNotFound);
    expect(codeOf(() => assertCanView(viewer(Role.Resident, { id: 10 }), request))).toBeUndefined();
  });

  it("refuses a grid leader a request of another grid as out of scope", () => {
    const leaderOfGrid2 = viewer(Role.GridLeader, { gridId: 2, communityId: 1, streetId: 1 });
    expect(codeOf(() => assertCanView(leaderOfGrid2, request))).toBe(ErrorCode.NotInYourScope);
  });

  it('lets community and street officers see everything in their community or street', () => {
    expect(codeOf(() => assertCanView(viewer(Role.CommunityOfficer, { communityId: 1, streetId: 1 }), request))).toBeUndefined();
    expect(codeOf(() => assertCanView(viewer(Role.StreetOfficer, { streetId: 1 }), request))).toBeUndefined();
    expect(codeOf(() => assertCanView(viewer(Role.CommunityOfficer, { communityId: 2 }), request))).toBe(ErrorCode.NotInYourCommunity);
    expect(codeOf(() => assertCanView(viewer(Role.StreetOfficer, { streetId: 2 }), request))).toBe(ErrorCode.NotInYourStreet);
  });

  it('words the refusal for the role: grid, community, street, department', () => {
    expect(requestScopeRefusal(Role.GridLeader)).toBe(ErrorCode.NotInYourScope);
    expect(requestScopeRefusal(Role.CommunityOfficer)).toBe(ErrorCode.NotInYourCommunity);
    expect(requestScopeRefusal(Role.StreetOfficer)).toBe(ErrorCode.NotInYourStreet);
    expect(requestScopeRefusal(Role.Liaison)).toBe(ErrorCode.NotWhistledToYourDepartment);
  });

  it('makes only the grid leader of the grid the holder of a grid-level request', () => {
    expect(holdsCurrentLevel(viewer(Role.GridLeader, { gridId: 1 }), request)).toBe(true);
    expect(holdsCurrentLevel(viewer(Role.CommunityOfficer, { communityId: 1 }), request)).toBe(false);
    expect(holdsCurrentLevel(viewer(Role.CommunityOfficer, { communityId: 1 }), { ...request, level: HandlingLevel.Community })).toBe(true);
  });
});

describe('liaison access', () => {
  const liaison = (departmentId: number): Viewer => ({ id: 70, role: Role.Liaison, gridId: null, communityId: null, streetId: null, departmentId });
  const whistled: RequestFacts = {
    ...request,
    status: RequestStatus.Whistled,
    level: HandlingLevel.Street,
    assignments: [
      { departmentId: 3, role: WhistleRole.Lead, state: AssignmentState.Returned },
      { departmentId: 6, role: WhistleRole.Assist, state: AssignmentState.Reported },
      { departmentId: 9, role: WhistleRole.Lead, state: AssignmentState.Done },
    ],
  };

  it('lets a liaison see only items whistled to their department while involved (not after returning it)', () => {
    expect(codeOf(() => assertCanView(liaison(6), whistled))).toBeUndefined();
    expect(codeOf(() => assertCanView(liaison(9), whistled))).toBeUndefined();
    expect(codeOf(() => assertCanView(liaison(3), whistled))).toBe(ErrorCode.NotWhistledToYourDepartment);
    expect(codeOf(() => assertCanView(liaison(1), whistled))).toBe(ErrorCode.NotWhistledToYourDepartment);
    expect(codeOf(() => assertCanView(liaison(6), request))).toBe(ErrorCode.NotWhistledToYourDepartment);
  });

  it("refuses a liaison acting on another department's assignment, and anyone who is not a liaison", () => {
    expect(codeOf(() => assertActsForDepartment(liaison(6), { departmentId: 6 }))).toBeUndefined();
    expect(codeOf(() => assertActsForDepartment(liaison(6), { departmentId: 3 }))).toBe(ErrorCode.NotWhistledToYourDepartment);
    expect(codeOf(() => assertActsForDepartment(viewer(Role.StreetOfficer, { streetId: 1 }), { departmentId: 3 }))).toBe(ErrorCode.Forbidden);
  });
});
