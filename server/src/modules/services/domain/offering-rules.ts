/** Kind-specific rules of a catalogue entry, checked after the DTO's field rules. Pure. */
import { Eligibility, EligibilityMode, FieldErrorCode, ProviderKind, Role, SERVICE_LIMITS, ServiceKind } from '@gezhi/shared';

export interface OfferingDraft {
  kind: ServiceKind;
  eligibility: Eligibility;
  requiredDocuments: readonly string[];
  bundleServiceIds: readonly number[];
  /** defaults: GRID_STAFF without a coordinator */
  providerKind?: ProviderKind;
  coordinatorUserId?: number | null;
}

/** Who may be named a service's coordinator: what is known of that user (null when there is no such user). */
export interface CoordinatorCandidate {
  role: Role;
  communityId: number | null;
}

/**
 * A grid leader or community officer of the community coordinates its volunteer / partner visits (and works them
 * on their day plan, see bookings/domain/visit-access.ts).
 */
export function mayCoordinate(candidate: CoordinatorCandidate, communityId: number): boolean {
  return (candidate.role === Role.GridLeader || candidate.role === Role.CommunityOfficer) && candidate.communityId !== null && candidate.communityId === communityId;
}

/** What a bundle may be made of: services of the same community that are not bundles themselves. */
export interface ComponentCandidate {
  id: number;
  kind: ServiceKind;
  communityId: number;
}

export function offeringFieldErrors(
  draft: OfferingDraft,
  communityId: number,
  components: ReadonlyMap<number, ComponentCandidate>,
  selfId: number | null = null,
  coordinator: CoordinatorCandidate | null = null,
): Record<string, FieldErrorCode> {
  const errors: Record<string, FieldErrorCode> = {};
  const coordinatorUserId = draft.coordinatorUserId ?? null;
  if (coordinatorUserId !== null) {
    // grid-staff visits go to the resident's own grid leader: a coordinator means nothing there
    if ((draft.providerKind ?? ProviderKind.GridStaff) === ProviderKind.GridStaff) errors['provider.coordinatorUserId'] = FieldErrorCode.UnknownField;
    else if (!coordinator || !mayCoordinate(coordinator, communityId)) errors['provider.coordinatorUserId'] = FieldErrorCode.UnknownCoordinator;
  }
  if (draft.eligibility.mode !== EligibilityMode.All && draft.eligibility.tags.length === 0) errors['eligibility.tags'] = FieldErrorCode.Required;
  if (draft.kind === ServiceKind.Proxy && draft.requiredDocuments.length === 0) errors.requiredDocuments = FieldErrorCode.Required;
  if (draft.kind !== ServiceKind.Proxy && draft.requiredDocuments.length > 0) errors.requiredDocuments = FieldErrorCode.UnknownField;
  if (draft.kind === ServiceKind.Bundle) {
    if (draft.bundleServiceIds.length === 0) errors.bundleServiceIds = FieldErrorCode.Required;
    else if (draft.bundleServiceIds.length < SERVICE_LIMITS.bundleComponentsMin) errors.bundleServiceIds = FieldErrorCode.OutOfRange;
    else if (
      draft.bundleServiceIds.some((id) => {
        const candidate = components.get(id);
        return !candidate || id === selfId || candidate.communityId !== communityId || candidate.kind === ServiceKind.Bundle;
      })
    ) {
      errors.bundleServiceIds = FieldErrorCode.UnknownService;
    }
  } else if (draft.bundleServiceIds.length > 0) {
    errors.bundleServiceIds = FieldErrorCode.UnknownField;
  }
  return errors;
}

/** Tags mean nothing for a service open to all: they are dropped. */
export function normalisedEligibility(eligibility: Eligibility): Eligibility {
  return eligibility.mode === EligibilityMode.All ? { mode: EligibilityMode.All, tags: [] } : { mode: eligibility.mode, tags: [...eligibility.tags] };
}
