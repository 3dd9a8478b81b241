import { ErrorCode, Role } from '@gezhi/shared';
import { canMaintainCatalogue, catalogueCommunityOf, maintainedCommunityOf } from './catalogue-access';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return null;
};

describe('catalogue access', () => {
  it('shows a resident the catalogue of their bound home only', () => {
    expect(catalogueCommunityOf({ role: Role.Resident, communityId: null }, 7)).toBe(7);
    expect(codeOf(() => catalogueCommunityOf({ role: Role.Resident, communityId: null }, null))).toBe(ErrorCode.HomeNotBound);
  });

  it('shows grid leaders and community officers their own community, refuses the others', () => {
    expect(catalogueCommunityOf({ role: Role.GridLeader, communityId: 3 }, null)).toBe(3);
    expect(catalogueCommunityOf({ role: Role.CommunityOfficer, communityId: 4 }, 9)).toBe(4);
    expect(codeOf(() => catalogueCommunityOf({ role: Role.StreetOfficer, communityId: null }, null))).toBe(ErrorCode.Forbidden);
    expect(codeOf(() => catalogueCommunityOf({ role: Role.Liaison, communityId: null }, null))).toBe(ErrorCode.Forbidden);
  });

  it('lets only a community officer of that community maintain it', () => {
    expect(canMaintainCatalogue({ role: Role.CommunityOfficer, communityId: 4 }, 4)).toBe(true);
    expect(canMaintainCatalogue({ role: Role.CommunityOfficer, communityId: 5 }, 4)).toBe(false);
    expect(canMaintainCatalogue({ role: Role.GridLeader, communityId: 4 }, 4)).toBe(false);
    expect(maintainedCommunityOf({ role: Role.CommunityOfficer, communityId: 4 })).toBe(4);
    expect(codeOf(() => maintainedCommunityOf({ role: Role.GridLeader, communityId: 4 }))).toBe(ErrorCode.Forbidden);
  });
});
