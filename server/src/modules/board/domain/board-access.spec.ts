import { ErrorCode, FieldErrorCode, Role } from '@gezhi/shared';
import { DomainError } from '../../../common/errors/domain-error';
import type { Viewer } from '../../requests/domain/viewer';
import { boardCommunityOf } from './board-access';

const viewer = (role: Role, overrides: Partial<Viewer> = {}): Viewer => ({ id: 1, role, gridId: null, communityId: null, streetId: null, ...overrides });

function outcome(work: () => number): number | string {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.code === ErrorCode.ValidationFailed ? JSON.stringify(error.fieldErrors) : error.code;
  }
}

describe('whose board a caller reads', () => {
  const none = { homeCommunityId: null, streetOfRequested: null };

  it('gives a resident their home’s community, and nothing without a home', () => {
    expect(outcome(() => boardCommunityOf(viewer(Role.Resident), undefined, { ...none, homeCommunityId: 4 }))).toBe(4);
    expect(outcome(() => boardCommunityOf(viewer(Role.Resident), 4, { ...none, homeCommunityId: 4 }))).toBe(4);
    expect(outcome(() => boardCommunityOf(viewer(Role.Resident), 5, { ...none, homeCommunityId: 4 }))).toBe(ErrorCode.Forbidden);
    expect(outcome(() => boardCommunityOf(viewer(Role.Resident), undefined, none))).toBe(ErrorCode.HomeNotBound);
  });

  it('gives grid leaders and community officers their community only', () => {
    for (const role of [Role.GridLeader, Role.CommunityOfficer]) {
      expect(outcome(() => boardCommunityOf(viewer(role, { communityId: 4 }), undefined, none))).toBe(4);
      expect(outcome(() => boardCommunityOf(viewer(role, { communityId: 4 }), 5, none))).toBe(ErrorCode.NotInYourScope);
    }
  });

  it('lets street officers name a community of their street', () => {
    const street = viewer(Role.StreetOfficer, { streetId: 9 });
    expect(outcome(() => boardCommunityOf(street, 4, { ...none, streetOfRequested: 9 }))).toBe(4);
    expect(outcome(() => boardCommunityOf(street, 4, { ...none, streetOfRequested: 8 }))).toBe(ErrorCode.NotInYourScope);
    expect(outcome(() => boardCommunityOf(street, 4, none))).toBe(ErrorCode.NotFound);
    expect(outcome(() => boardCommunityOf(street, undefined, none))).toBe(JSON.stringify({ communityId: FieldErrorCode.Required }));
  });

  it('refuses liaisons', () => {
    expect(outcome(() => boardCommunityOf(viewer(Role.Liaison, { departmentId: 3 }), undefined, none))).toBe(ErrorCode.Forbidden);
  });
});
