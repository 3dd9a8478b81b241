/** Kind-specific rules of a catalogue entry, checked after the DTO's field rules. Pure. */
import { Eligibility, EligibilityMode, FieldErrorCode, SERVICE_LIMITS, ServiceKind } from '@gezhi/shared';

export interface OfferingDraft {
  kind: ServiceKind;
  eligibility: Eligibility;
  requiredDocuments: readonly string[];
  bundleServiceIds: readonly number[];
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
): Record<string, FieldErrorCode> {
  const errors: Record<string, FieldErrorCode> = {};
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
