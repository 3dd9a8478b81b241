import { EligibilityMode, FieldErrorCode, ProviderKind, ResidentTag, Role, ServiceKind } from '@gezhi/shared';
import { ComponentCandidate, mayCoordinate, normalisedEligibility, offeringFieldErrors, OfferingDraft } from './offering-rules';

const all = { mode: EligibilityMode.All, tags: [] };
const draft = (overrides: Partial<OfferingDraft>): OfferingDraft => ({
  kind: ServiceKind.DoorToDoor,
  eligibility: all,
  requiredDocuments: [],
  bundleServiceIds: [],
  ...overrides,
});
const components = new Map<number, ComponentCandidate>([
  [1, { id: 1, kind: ServiceKind.DoorToDoor, communityId: 10 }],
  [2, { id: 2, kind: ServiceKind.Appointment, communityId: 10 }],
  [3, { id: 3, kind: ServiceKind.Bundle, communityId: 10 }],
  [4, { id: 4, kind: ServiceKind.DoorToDoor, communityId: 11 }],
]);

describe('offering rules', () => {
  it('accepts a plain door-to-door service open to all', () => {
    expect(offeringFieldErrors(draft({}), 10, components)).toEqual({});
  });

  it('needs tags for restricted or prioritised services', () => {
    expect(offeringFieldErrors(draft({ eligibility: { mode: EligibilityMode.OnlyTagged, tags: [] } }), 10, components)).toEqual({
      'eligibility.tags': FieldErrorCode.Required,
    });
    expect(normalisedEligibility({ mode: EligibilityMode.All, tags: [ResidentTag.Disabled] })).toEqual(all);
  });

  it('needs documents for a proxy errand and refuses them elsewhere', () => {
    expect(offeringFieldErrors(draft({ kind: ServiceKind.Proxy }), 10, components)).toEqual({ requiredDocuments: FieldErrorCode.Required });
    expect(offeringFieldErrors(draft({ kind: ServiceKind.Proxy, requiredDocuments: ['身份证'] }), 10, components)).toEqual({});
    expect(offeringFieldErrors(draft({ requiredDocuments: ['身份证'] }), 10, components)).toEqual({ requiredDocuments: FieldErrorCode.UnknownField });
  });

  it('builds a bundle only from at least two non-bundle services of the same community', () => {
    const bundle = (ids: number[]) => offeringFieldErrors(draft({ kind: ServiceKind.Bundle, bundleServiceIds: ids }), 10, components, 99);
    expect(bundle([1, 2])).toEqual({});
    expect(bundle([])).toEqual({ bundleServiceIds: FieldErrorCode.Required });
    expect(bundle([1])).toEqual({ bundleServiceIds: FieldErrorCode.OutOfRange });
    expect(bundle([1, 3])).toEqual({ bundleServiceIds: FieldErrorCode.UnknownService });
    expect(bundle([1, 4])).toEqual({ bundleServiceIds: FieldErrorCode.UnknownService });
    expect(bundle([1, 5])).toEqual({ bundleServiceIds: FieldErrorCode.UnknownService });
    expect(offeringFieldErrors(draft({ bundleServiceIds: [1, 2] }), 10, components)).toEqual({ bundleServiceIds: FieldErrorCode.UnknownField });
  });

  it('lets a volunteer or partner service name a grid leader or community officer of its community as coordinator', () => {
    const volunteer = (coordinatorUserId: number | null) => draft({ providerKind: ProviderKind.VolunteerTeam, coordinatorUserId });
    expect(offeringFieldErrors(volunteer(5), 10, components, null, { role: Role.GridLeader, communityId: 10 })).toEqual({});
    expect(offeringFieldErrors(draft({ providerKind: ProviderKind.PartnerOrg, coordinatorUserId: 5 }), 10, components, null, { role: Role.CommunityOfficer, communityId: 10 })).toEqual({});
    expect(offeringFieldErrors(volunteer(null), 10, components)).toEqual({});
    const unknown = { 'provider.coordinatorUserId': FieldErrorCode.UnknownCoordinator };
    expect(offeringFieldErrors(volunteer(5), 10, components, null, null)).toEqual(unknown);
    expect(offeringFieldErrors(volunteer(5), 10, components, null, { role: Role.GridLeader, communityId: 11 })).toEqual(unknown);
    expect(offeringFieldErrors(volunteer(5), 10, components, null, { role: Role.Resident, communityId: null })).toEqual(unknown);
    expect(offeringFieldErrors(volunteer(5), 10, components, null, { role: Role.StreetOfficer, communityId: null })).toEqual(unknown);
  });

  it('refuses a coordinator on a grid-staff service (its visits go to the resident\'s grid leader)', () => {
    expect(offeringFieldErrors(draft({ providerKind: ProviderKind.GridStaff, coordinatorUserId: 5 }), 10, components, null, { role: Role.GridLeader, communityId: 10 })).toEqual({
      'provider.coordinatorUserId': FieldErrorCode.UnknownField,
    });
    expect(mayCoordinate({ role: Role.CommunityOfficer, communityId: 10 }, 10)).toBe(true);
    expect(mayCoordinate({ role: Role.CommunityOfficer, communityId: null }, 10)).toBe(false);
  });
});
