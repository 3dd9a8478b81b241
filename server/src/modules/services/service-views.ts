import { ResidentTag, SERVICE_KIND_LABELS, ServiceOfferingView, SlotView, isEligible } from '@gezhi/shared';
import { ServiceOfferingEntity, ServiceSlotEntity } from './service.entities';

/** The API view of a catalogue entry; `residentTags` (a resident's view) adds `eligibleForMe`. */
export function offeringView(row: ServiceOfferingEntity, residentTags: readonly ResidentTag[] | null = null): ServiceOfferingView {
  const eligibility = { mode: row.eligibilityMode, tags: row.eligibilityTags };
  return {
    id: row.id,
    communityId: row.communityId,
    name: row.name,
    kind: row.kind,
    kindLabel: SERVICE_KIND_LABELS[row.kind],
    description: row.description,
    durationMinutes: row.durationMinutes,
    provider: { kind: row.providerKind, name: row.providerName },
    eligibility,
    requiredDocuments: row.requiredDocuments,
    bundleServiceIds: row.bundleServiceIds,
    active: row.active,
    version: row.version,
    ...(residentTags ? { eligibleForMe: isEligible(eligibility, residentTags) } : {}),
  };
}

export function slotView(row: ServiceSlotEntity): SlotView {
  return {
    id: row.id,
    serviceId: row.serviceId,
    ruleId: row.ruleId,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    capacity: row.capacity,
    booked: row.booked,
    free: Math.max(0, row.capacity - row.booked),
  };
}
