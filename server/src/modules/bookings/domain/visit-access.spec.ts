import { ProviderKind, Role } from '@gezhi/shared';
import { mayProvideVisits, providesVisit, visitProviderUserId, VisitAssignment } from './visit-access';

const leaderOfGrid1 = { id: 10, role: Role.GridLeader, gridId: 1, communityId: 7 };
const leaderOfGrid2 = { id: 11, role: Role.GridLeader, gridId: 2, communityId: 7 };
const officer = { id: 20, role: Role.CommunityOfficer, gridId: null, communityId: 7 };
const gridStaffVisit: VisitAssignment = { bookingGridId: 1, providerKind: ProviderKind.GridStaff, coordinatorUserId: null, communityId: 7 };

describe('visit access', () => {
  it("gives a grid-staff visit to the grid leader of the resident's grid only", () => {
    expect(providesVisit(leaderOfGrid1, gridStaffVisit)).toBe(true);
    expect(providesVisit(leaderOfGrid2, gridStaffVisit)).toBe(false);
    expect(providesVisit(officer, gridStaffVisit)).toBe(false);
    expect(providesVisit(leaderOfGrid1, { ...gridStaffVisit, bookingGridId: null })).toBe(false);
    // a grid-staff visit keeps going to the grid leader even if a coordinator was stored
    expect(providesVisit(officer, { ...gridStaffVisit, coordinatorUserId: officer.id })).toBe(false);
  });

  it('gives a volunteer or partner visit to its coordinator, whatever grid the resident lives in', () => {
    const volunteer: VisitAssignment = { bookingGridId: 2, providerKind: ProviderKind.VolunteerTeam, coordinatorUserId: leaderOfGrid1.id, communityId: 7 };
    expect(providesVisit(leaderOfGrid1, volunteer)).toBe(true);
    expect(providesVisit(leaderOfGrid2, volunteer)).toBe(false); // the resident's own grid leader is not the coordinator
    const partner: VisitAssignment = { bookingGridId: 1, providerKind: ProviderKind.PartnerOrg, coordinatorUserId: officer.id, communityId: 7 };
    expect(providesVisit(officer, partner)).toBe(true);
    expect(providesVisit(leaderOfGrid1, partner)).toBe(false);
  });

  it('puts volunteer and partner visits without a coordinator on nobody\'s plan', () => {
    const orphan: VisitAssignment = { bookingGridId: 1, providerKind: ProviderKind.VolunteerTeam, coordinatorUserId: null, communityId: 7 };
    expect(providesVisit(leaderOfGrid1, orphan)).toBe(false);
    expect(providesVisit(officer, orphan)).toBe(false);
  });

  it('refuses a coordinator who moved to another community or became street staff', () => {
    const volunteer: VisitAssignment = { bookingGridId: 1, providerKind: ProviderKind.VolunteerTeam, coordinatorUserId: 20, communityId: 7 };
    expect(providesVisit({ ...officer, communityId: 8 }, volunteer)).toBe(false);
    expect(providesVisit({ ...officer, role: Role.StreetOfficer }, volunteer)).toBe(false);
    expect(providesVisit({ id: 20, role: Role.Resident, gridId: null, communityId: null }, volunteer)).toBe(false);
  });

  it('sends the notices of a visit to the person who provides it', () => {
    expect(visitProviderUserId(gridStaffVisit, 10)).toBe(10);
    expect(visitProviderUserId({ ...gridStaffVisit, providerKind: ProviderKind.PartnerOrg, coordinatorUserId: 20 }, 10)).toBe(20);
    expect(visitProviderUserId({ ...gridStaffVisit, providerKind: ProviderKind.VolunteerTeam }, 10)).toBeNull();
  });

  it('opens a day plan to grid leaders and community officers only', () => {
    expect(mayProvideVisits(leaderOfGrid1)).toBe(true);
    expect(mayProvideVisits(officer)).toBe(true);
    expect(mayProvideVisits({ role: Role.StreetOfficer, communityId: null })).toBe(false);
    expect(mayProvideVisits({ role: Role.CommunityOfficer, communityId: null })).toBe(false);
  });
});
