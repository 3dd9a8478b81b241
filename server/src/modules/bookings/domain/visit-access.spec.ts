import { ProviderKind, Role } from '@gezhi/shared';
import { providesVisit } from './visit-access';

describe('visit access', () => {
  it('gives a grid-staff visit to the grid leader of the resident\'s grid only', () => {
    expect(providesVisit({ role: Role.GridLeader, gridId: 1 }, 1, ProviderKind.GridStaff)).toBe(true);
    expect(providesVisit({ role: Role.GridLeader, gridId: 2 }, 1, ProviderKind.GridStaff)).toBe(false);
    expect(providesVisit({ role: Role.CommunityOfficer, gridId: null }, 1, ProviderKind.GridStaff)).toBe(false);
    expect(providesVisit({ role: Role.GridLeader, gridId: 1 }, null, ProviderKind.GridStaff)).toBe(false);
  });

  it('puts volunteer and partner visits on no grid leader\'s plan', () => {
    expect(providesVisit({ role: Role.GridLeader, gridId: 1 }, 1, ProviderKind.VolunteerTeam)).toBe(false);
    expect(providesVisit({ role: Role.GridLeader, gridId: 1 }, 1, ProviderKind.PartnerOrg)).toBe(false);
  });
});
