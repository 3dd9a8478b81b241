import { ErrorCode, HandlingLevel, Permission, PERMISSION_GRANTS, RequestAction, RequestStatus, Role, roleMay } from '@gezhi/shared';
import { DomainError } from '../common/errors/domain-error';
import type { RequestFacts, Viewer } from '../modules/requests/domain/viewer';
import { mayAccess, requireAccess, requireRole } from './require-access';
import { Narrowable, Scope } from './scope';

const viewer = (role: Role, overrides: Partial<Viewer> = {}): Viewer => ({ id: 99, role, gridId: null, communityId: null, streetId: null, ...overrides });
const request: RequestFacts & { id: number } = {
  id: 42,
  status: RequestStatus.PendingAccept,
  level: HandlingLevel.Grid,
  residentUserId: 10,
  gridId: 1,
  communityId: 2,
  streetId: 3,
};

function refusal(fn: () => unknown): { code?: string; access?: DomainError['access'] } | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return { code: (error as DomainError).code, access: (error as DomainError).access };
  }
}

describe('requireAccess', () => {
  it('applies the role gate first, with the gate’s code and the permission for the log', () => {
    expect(refusal(() => requireAccess(viewer(Role.Resident), Permission.StaffInbox))).toEqual({
      code: ErrorCode.NotStaff,
      access: { permission: Permission.StaffInbox },
    });
    expect(refusal(() => requireRole(viewer(Role.Liaison), Permission.ReviewAgenda))?.code).toBe(ErrorCode.NotStaff);
    expect(refusal(() => requireRole(viewer(Role.Resident), Permission.AccountCredentials))?.code).toBe(ErrorCode.PasswordNotAllowed);
    expect(refusal(() => requireRole(viewer(Role.GridLeader), Permission.BookingOwn))?.code).toBe(ErrorCode.Forbidden);
    expect(refusal(() => requireAccess(viewer(Role.GridLeader, { gridId: 1 }), Permission.StaffInbox))).toBeUndefined();
  });

  it('then the permission’s rule on the target, tagging its refusal with permission and target', () => {
    expect(refusal(() => requireAccess(viewer(Role.Resident, { id: 11 }), Permission.RequestView, request))).toEqual({
      code: ErrorCode.RequestNotFound,
      access: { permission: Permission.RequestView, target: 'request:42' },
    });
    expect(refusal(() => requireAccess(viewer(Role.GridLeader, { gridId: 2 }), Permission.RequestView, request))?.code).toBe(ErrorCode.NotInYourScope);
    expect(refusal(() => requireAccess(viewer(Role.Resident, { id: 10 }), Permission.RequestView, request))).toBeUndefined();
  });

  it('returns what the rule resolved', () => {
    expect(requireAccess(viewer(Role.CommunityOfficer, { communityId: 2 }), Permission.BoardView, { requested: undefined, homeCommunityId: null, streetOfRequested: null })).toBe(2);
    expect(requireAccess(viewer(Role.Liaison, { departmentId: 7 }), Permission.LiaisonInbox, { departmentId: 7 })).toBe(7);
    expect(requireAccess(viewer(Role.GridLeader, { gridId: 1 }), Permission.RequestTransition, { action: RequestAction.Accept, request }).performer).toBe('holder');
  });

  it('keeps the codes the clients rely on where two modules differ (a liaison: FORBIDDEN on the board, NOT_STAFF on 问需会)', () => {
    const liaison = viewer(Role.Liaison, { departmentId: 7 });
    expect(refusal(() => requireAccess(liaison, Permission.BoardView, { requested: undefined, homeCommunityId: null, streetOfRequested: null }))?.code).toBe(ErrorCode.Forbidden);
    expect(refusal(() => requireRole(liaison, Permission.ReviewAgenda))?.code).toBe(ErrorCode.NotStaff);
  });

  it('answers mayAccess without throwing', () => {
    expect(mayAccess(viewer(Role.Resident, { id: 10 }), Permission.RequestView, request)).toBe(true);
    expect(mayAccess(viewer(Role.Resident, { id: 11 }), Permission.RequestView, request)).toBe(false);
    expect(roleMay(Role.Liaison, Permission.LiaisonInbox)).toBe(true);
    expect(roleMay(Role.Resident, Permission.LiaisonInbox)).toBe(false);
    for (const permission of Object.values(Permission)) expect(PERMISSION_GRANTS[permission].roles.length).toBeGreaterThan(0);
  });
});

describe('Scope', () => {
  const place = { gridId: 1, communityId: 2, streetId: 3 };

  it('is the grid of a grid leader, the community of a community officer, the street of a street officer', () => {
    expect(Scope.of(viewer(Role.GridLeader, { gridId: 1 })).covers(place)).toBe(true);
    expect(Scope.of(viewer(Role.GridLeader, { gridId: 9, communityId: 2 })).covers(place)).toBe(false);
    expect(Scope.of(viewer(Role.CommunityOfficer, { communityId: 2 })).covers(place)).toBe(true);
    expect(Scope.of(viewer(Role.StreetOfficer, { streetId: 3 })).covers(place)).toBe(true);
    expect(Scope.of(viewer(Role.StreetOfficer, { streetId: 4 })).covers(place)).toBe(false);
  });

  it('is empty for residents, liaisons and staff without a scope set, and covers nothing then', () => {
    for (const v of [viewer(Role.Resident, { gridId: 1 }), viewer(Role.Liaison, { streetId: 3 }), viewer(Role.GridLeader)]) {
      expect(Scope.of(v).isEmpty).toBe(true);
      expect(Scope.of(v).covers(place)).toBe(false);
    }
  });

  it('narrows a query by the same column it checks, and an empty scope to nothing', () => {
    const calls: Array<[string, Record<string, unknown> | undefined]> = [];
    interface Query extends Narrowable<Query> {}
    const query: Query = {
      andWhere(where, parameters) {
        calls.push([where, parameters]);
        return query;
      },
    };
    Scope.of(viewer(Role.CommunityOfficer, { communityId: 2 })).narrow(query, 'r');
    Scope.of(viewer(Role.StreetOfficer, { streetId: 3 })).narrow(query, { gridId: 'b.gridId', communityId: 'b.communityId', streetId: 'c.streetId' });
    Scope.of(viewer(Role.Resident)).narrow(query, 'r');
    expect(calls).toEqual([
      ['r.communityId = :scopeId', { scopeId: 2 }],
      ['c.streetId = :scopeId', { scopeId: 3 }],
      ['1 = 0', undefined],
    ]);
  });
});
