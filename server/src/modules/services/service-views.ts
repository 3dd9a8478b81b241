import { RecurrenceRuleView, ResidentTag, SERVICE_KIND_LABELS, ServiceOfferingView, SlotView, isEligible } from '@gezhi/shared';
import { ServiceOfferingEntity, ServiceRecurrenceEntity, ServiceSlotEntity } from './service.entities';

/**
 * The API view of a catalogue entry; `residentTags` (a resident's view) adds `eligibleForMe`; `coordinatorNames`
 * holds the display names of coordinators (ids missing from it show no name).
 */
export function offeringView(
  row: ServiceOfferingEntity,
  residentTags: readonly ResidentTag[] | null = null,
  coordinatorNames: ReadonlyMap<number, string> = new Map(),
): ServiceOfferingView {
  const eligibility = { mode: row.eligibilityMode, tags: row.eligibilityTags };
  return {
    id: row.id,
    communityId: row.communityId,
    name: row.name,
    kind: row.kind,
    kindLabel: SERVICE_KIND_LABELS[row.kind],
    description: row.description,
    durationMinutes: row.durationMinutes,
    provider: { kind: row.providerKind, name: row.providerName, coordinatorUserId: row.coordinatorUserId },
    eligibility,
    requiredDocuments: row.requiredDocuments,
    bundleServiceIds: row.bundleServiceIds,
    active: row.active,
    version: row.version,
    ...(residentTags ? { eligibleForMe: isEligible(eligibility, residentTags) } : {}),
    coordinatorName: row.coordinatorUserId === null ? null : (coordinatorNames.get(row.coordinatorUserId) ?? null),
  };
}

export function recurrenceView(row: ServiceRecurrenceEntity): RecurrenceRuleView {
  return {
    id: row.id,
    serviceId: row.serviceId,
    kind: row.kind,
    monthDays: row.monthDays,
    weekdays: row.weekdays,
    startTime: row.startTime,
    endTime: row.endTime,
    capacity: row.capacity,
    skipHolidays: row.skipHolidays,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
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
