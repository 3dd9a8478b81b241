import { ErrorCode, MetricsScopeKind, Role } from '@gezhi/shared';
import type { Viewer } from '../../requests/domain/viewer';
import { assertMayViewMetrics, assertMayViewRanking, ownScopeOf, PlacedScope } from './metrics-access';

const viewer = (role: Role, extra: Partial<Viewer> = {}): Viewer => ({ id: 50, role, gridId: null, communityId: null, streetId: null, departmentId: null, ...extra });
const leader = viewer(Role.GridLeader, { gridId: 1, communityId: 10, streetId: 100 });
const community = viewer(Role.CommunityOfficer, { communityId: 10, streetId: 100 });
const street = viewer(Role.StreetOfficer, { streetId: 100 });
const liaison = viewer(Role.Liaison, { departmentId: 7 });
const resident = viewer(Role.Resident);

const grid1: PlacedScope = { kind: MetricsScopeKind.Grid, id: 1, streetId: 100, communityIds: [10], gridIds: [1] };
const grid2: PlacedScope = { kind: MetricsScopeKind.Grid, id: 2, streetId: 100, communityIds: [10], gridIds: [2] };
const otherCommunityGrid: PlacedScope = { kind: MetricsScopeKind.Grid, id: 9, streetId: 100, communityIds: [11], gridIds: [9] };
const leaderScope: PlacedScope = { kind: MetricsScopeKind.GridLeader, id: 50, streetId: 100, communityIds: [10], gridIds: [1] };
const community10: PlacedScope = { kind: MetricsScopeKind.Community, id: 10, streetId: 100, communityIds: [10], gridIds: [] };
const street100: PlacedScope = { kind: MetricsScopeKind.Street, id: 100, streetId: 100, communityIds: [], gridIds: [] };
const otherStreet: PlacedScope = { kind: MetricsScopeKind.Street, id: 200, streetId: 200, communityIds: [], gridIds: [] };
const department7: PlacedScope = { kind: MetricsScopeKind.Department, id: 7, streetId: 100, communityIds: [], gridIds: [] };

const code = (check: () => void) => {
  try {
    check();
    return 'OK';
  } catch (error) {
    return (error as { code: ErrorCode }).code;
  }
};

describe('who sees whose numbers', () => {
  it('a grid leader: their grid and themselves, nothing wider', () => {
    expect(code(() => assertMayViewMetrics(leader, grid1))).toBe('OK');
    expect(code(() => assertMayViewMetrics(leader, leaderScope))).toBe('OK');
    expect(code(() => assertMayViewMetrics(leader, grid2))).toBe(ErrorCode.NotInYourScope);
    expect(code(() => assertMayViewMetrics(leader, community10))).toBe(ErrorCode.NotInYourScope);
  });

  it('a community officer: the community, its grids and leaders, not another community', () => {
    for (const scope of [community10, grid1, grid2, leaderScope]) expect(code(() => assertMayViewMetrics(community, scope))).toBe('OK');
    expect(code(() => assertMayViewMetrics(community, otherCommunityGrid))).toBe(ErrorCode.NotInYourScope);
    expect(code(() => assertMayViewMetrics(community, street100))).toBe(ErrorCode.NotInYourScope);
  });

  it('a street officer: everything in the street including its departments; a liaison: their department only', () => {
    for (const scope of [street100, community10, otherCommunityGrid, leaderScope, department7]) expect(code(() => assertMayViewMetrics(street, scope))).toBe('OK');
    expect(code(() => assertMayViewMetrics(street, otherStreet))).toBe(ErrorCode.NotInYourScope);
    expect(code(() => assertMayViewMetrics(liaison, department7))).toBe('OK');
    expect(code(() => assertMayViewMetrics(liaison, { ...department7, id: 8 }))).toBe(ErrorCode.NotInYourScope);
    expect(code(() => assertMayViewMetrics(liaison, grid1))).toBe(ErrorCode.NotInYourScope);
  });

  it('residents are refused outright', () => {
    expect(code(() => assertMayViewMetrics(resident, grid1))).toBe(ErrorCode.Forbidden);
    expect(ownScopeOf(resident)).toBeNull();
  });

  it('rankings: street officers for their street, community officers for their community; nobody else', () => {
    expect(code(() => assertMayViewRanking(street, 'GRID', street100))).toBe('OK');
    expect(code(() => assertMayViewRanking(street, 'DEPARTMENT', street100))).toBe('OK');
    expect(code(() => assertMayViewRanking(community, 'GRID', community10))).toBe('OK');
    expect(code(() => assertMayViewRanking(community, 'DEPARTMENT', street100))).toBe(ErrorCode.Forbidden);
    expect(code(() => assertMayViewRanking(leader, 'GRID', community10))).toBe(ErrorCode.Forbidden);
    expect(code(() => assertMayViewRanking(liaison, 'DEPARTMENT', street100))).toBe(ErrorCode.Forbidden);
    expect(code(() => assertMayViewRanking(street, 'GRID', otherStreet))).toBe(ErrorCode.NotInYourScope);
  });
});
