import type { RatingView, UploadedPhoto } from './api';
/**
 * Service booking (服务预约, issue 4): the catalogue a community offers, its time slots and residents' bookings.
 * Vocabulary shared by the server's DTOs and the mini-program's forms.
 */

/** 五种服务方式 (seed 002) */
export enum ServiceKind {
  /** 上门服务: someone comes to the resident's bound home */
  DoorToDoor = 'DOOR_TO_DOOR',
  /** 代办服务: a grid worker runs the errand / paperwork for the resident */
  Proxy = 'PROXY',
  /** 预约服务: a slot at the service centre */
  Appointment = 'APPOINTMENT',
  /** 错时服务: evenings and weekends for working families */
  OffHours = 'OFF_HOURS',
  /** 打包服务: several services in one visit */
  Bundle = 'BUNDLE',
}

export const SERVICE_KIND_LABELS: Record<ServiceKind, string> = {
  [ServiceKind.DoorToDoor]: '上门服务',
  [ServiceKind.Proxy]: '代办服务',
  [ServiceKind.Appointment]: '预约服务',
  [ServiceKind.OffHours]: '错时服务',
  [ServiceKind.Bundle]: '打包服务',
};

/** Who provides a service. */
export enum ProviderKind {
  /** the resident's grid staff (网格员) */
  GridStaff = 'GRID_STAFF',
  /** a volunteer team (志愿服务队) */
  VolunteerTeam = 'VOLUNTEER_TEAM',
  /** a partner organisation or clinic (共建单位 / 合作机构) */
  PartnerOrg = 'PARTNER_ORG',
}

export const PROVIDER_KIND_LABELS: Record<ProviderKind, string> = {
  [ProviderKind.GridStaff]: '网格员',
  [ProviderKind.VolunteerTeam]: '志愿服务队',
  [ProviderKind.PartnerOrg]: '合作机构',
};

/** Tags on a resident that services may be restricted to or prioritise. */
export enum ResidentTag {
  /** 独居老人 */
  ElderlyAlone = 'ELDERLY_ALONE',
  /** 残疾人 */
  Disabled = 'DISABLED',
  /** 低保户 */
  LowIncome = 'LOW_INCOME',
  /** 退役军人 */
  Veteran = 'VETERAN',
}

export const RESIDENT_TAG_LABELS: Record<ResidentTag, string> = {
  [ResidentTag.ElderlyAlone]: '独居老人',
  [ResidentTag.Disabled]: '残疾人',
  [ResidentTag.LowIncome]: '低保户',
  [ResidentTag.Veteran]: '退役军人',
};

export enum EligibilityMode {
  /** open to every resident of the community */
  All = 'ALL',
  /** open to all, residents with one of `tags` come first (shown as 优先) */
  AllWithPriority = 'ALL_WITH_PRIORITY',
  /** only residents with at least one of `tags` may book */
  OnlyTagged = 'ONLY_TAGGED',
}

export interface Eligibility {
  mode: EligibilityMode;
  /** empty for ALL; at least one for the other modes */
  tags: ResidentTag[];
}

/** Whether a resident with `tags` may book a service with `eligibility`. */
export function isEligible(eligibility: Eligibility, tags: readonly ResidentTag[]): boolean {
  if (eligibility.mode !== EligibilityMode.OnlyTagged) return true;
  return eligibility.tags.some((tag) => tags.includes(tag));
}

/** Whether a resident with `tags` is among those a service prioritises (ALL_WITH_PRIORITY or ONLY_TAGGED). */
export function hasPriority(eligibility: Eligibility, tags: readonly ResidentTag[]): boolean {
  if (eligibility.mode === EligibilityMode.All) return false;
  return eligibility.tags.some((tag) => tags.includes(tag));
}

export enum RecurrenceKind {
  /** on given days of every month (e.g. 9/19/29, "三九"便民服务日); a day a month lacks is skipped */
  Monthly = 'MONTHLY',
  /** on given ISO weekdays (1 = Monday … 7 = Sunday), e.g. evenings and weekends for 错时 */
  Weekly = 'WEEKLY',
}

export enum BookingStatus {
  /** 已预约: holds a place in the slot */
  Booked = 'BOOKED',
  /** 已确认: the provider confirmed the visit */
  Confirmed = 'CONFIRMED',
  /** 已到达: the provider is at the door / the resident arrived */
  Arrived = 'ARRIVED',
  /** 已完成: served, with the provider's note */
  Completed = 'COMPLETED',
  /** 未到场: the resident was not there (marked once the slot started) */
  NoShow = 'NO_SHOW',
  /** 已取消: the place was freed */
  Cancelled = 'CANCELLED',
}

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  [BookingStatus.Booked]: '已预约',
  [BookingStatus.Confirmed]: '已确认',
  [BookingStatus.Arrived]: '已到达',
  [BookingStatus.Completed]: '已完成',
  [BookingStatus.NoShow]: '未到场',
  [BookingStatus.Cancelled]: '已取消',
};

/** What a provider does with a visit on their day plan. */
export enum VisitAction {
  Confirm = 'CONFIRM',
  Arrive = 'ARRIVE',
  Complete = 'COMPLETE',
  NoShow = 'NO_SHOW',
}

/** provider action → the statuses it may start from and the status it leads to */
export const VISIT_TRANSITIONS: Record<VisitAction, { from: readonly BookingStatus[]; to: BookingStatus }> = {
  [VisitAction.Confirm]: { from: [BookingStatus.Booked], to: BookingStatus.Confirmed },
  [VisitAction.Arrive]: { from: [BookingStatus.Booked, BookingStatus.Confirmed], to: BookingStatus.Arrived },
  [VisitAction.Complete]: { from: [BookingStatus.Booked, BookingStatus.Confirmed, BookingStatus.Arrived], to: BookingStatus.Completed },
  [VisitAction.NoShow]: { from: [BookingStatus.Booked, BookingStatus.Confirmed], to: BookingStatus.NoShow },
};

/** Statuses in which a booking still holds its place and the resident may cancel (before the cut-off). */
export const CANCELLABLE_BOOKING_STATUSES: readonly BookingStatus[] = [BookingStatus.Booked, BookingStatus.Confirmed];

export const SERVICE_LIMITS = {
  nameMax: 40,
  descriptionMax: 500,
  providerNameMax: 40,
  durationMinutesMin: 5,
  durationMinutesMax: 8 * 60,
  documentsMax: 10,
  documentNameMax: 40,
  bundleComponentsMin: 2,
  bundleComponentsMax: 6,
  capacityMin: 1,
  capacityMax: 1000,
  /** days of a month a monthly rule may name (1–31) */
  monthDaysMax: 31,
  bookingNoteMax: 200,
  officeNameMax: 60,
  /** the provider's note when completing a visit */
  visitNoteMax: 500,
  /** GET /api/provider/visits answers at most this many days (a week) */
  visitPlanMaxDays: 7,
  /** a booking can be cancelled until this many minutes before the slot starts */
  cancelCutoffMinutes: 120,
  /**
   * recurring slots are materialised this many days ahead when a rule is created, and kept that far ahead by the
   * server's background top-up: beyond slotListMaxAheadDays, so listing slots never has to write
   */
  materialiseHorizonDays: 380,
  /** GET …/slots answers at most this many days per call */
  slotListMaxDays: 62,
  /** and not further ahead than this */
  slotListMaxAheadDays: 366,
} as const;

// ---- API types ----

export interface ServiceProvider {
  kind: ProviderKind;
  /** e.g. 明日星城志愿服务队, 社区卫生服务站 */
  name: string;
  /**
   * VOLUNTEER_TEAM / PARTNER_ORG: the community's staff member (grid leader or community officer) who coordinates
   * the visits and works them on their day plan; GRID_STAFF visits go to the resident's grid leader (null there).
   */
  coordinatorUserId?: number | null;
}

/** GET /api/services/coordinators: staff of the caller's community who may coordinate a service's visits */
export interface CoordinatorOption {
  id: number;
  name: string;
  /** 网格长 · 第一网格 / 社区工作人员 */
  label: string;
}

/** PUT /api/services/:id/slots/:slotId — capacity may not drop below the places already booked (409 CAPACITY_BELOW_BOOKED) */
export interface UpdateSlotBody {
  capacity: number;
}

export interface ServiceOfferingView {
  id: number;
  communityId: number;
  name: string;
  kind: ServiceKind;
  kindLabel: string;
  description: string;
  durationMinutes: number;
  provider: ServiceProvider;
  eligibility: Eligibility;
  /** PROXY: the documents the resident hands over (e.g. 身份证, 社保卡); [] otherwise */
  requiredDocuments: string[];
  /** BUNDLE: the component services; [] otherwise */
  bundleServiceIds: number[];
  active: boolean;
  version: number;
  /** for a resident: whether they may book it (eligibility checked with their tags) */
  eligibleForMe?: boolean;
  /** the coordinator's display name (VOLUNTEER_TEAM / PARTNER_ORG with a coordinator), else null */
  coordinatorName: string | null;
}

export interface CreateServiceBody {
  name: string;
  kind: ServiceKind;
  description: string;
  durationMinutes: number;
  provider: ServiceProvider;
  eligibility: Eligibility;
  requiredDocuments?: string[];
  bundleServiceIds?: number[];
}

/** Every field optional; `version` is the one read (409 CONCURRENT_MODIFICATION when it changed meanwhile). */
export interface UpdateServiceBody extends Partial<CreateServiceBody> {
  version: number;
  active?: boolean;
}

export interface CreateSlotBody {
  /** ISO instant */
  startsAt: string;
  capacity: number;
}

export interface RecurrenceRuleBody {
  kind: RecurrenceKind;
  /** MONTHLY: days of the month, 1–31 */
  monthDays?: number[];
  /** WEEKLY: ISO weekdays, 1 = Monday … 7 = Sunday */
  weekdays?: number[];
  /** local time (Asia/Shanghai) "HH:MM" */
  startTime: string;
  endTime: string;
  capacity: number;
  /** skip public holidays (HOLIDAY days) of the working calendar */
  skipHolidays: boolean;
  /** first local date YYYY-MM-DD (default: today) */
  validFrom?: string;
  /** last local date YYYY-MM-DD (default: open-ended) */
  validUntil?: string;
}

export interface RecurrenceRuleView extends Required<Omit<RecurrenceRuleBody, 'validUntil'>> {
  id: number;
  serviceId: number;
  validUntil: string | null;
}

export interface SlotView {
  id: number;
  serviceId: number;
  ruleId: number | null;
  startsAt: string;
  endsAt: string;
  capacity: number;
  booked: number;
  /** capacity - booked */
  free: number;
}

export interface CreateBookingBody {
  slotId: number;
  note?: string;
}

export interface BookedServiceSummary {
  id: number;
  name: string;
  kind: ServiceKind;
  kindLabel: string;
  /** BUNDLE: the component services served in this one visit ([] otherwise) */
  components: { id: number; name: string }[];
}

export interface BookingView {
  id: number;
  status: BookingStatus;
  statusLabel: string;
  service: BookedServiceSummary;
  slot: { id: number; startsAt: string; endsAt: string };
  /** DOOR_TO_DOOR (and BUNDLE): the bound home the visit goes to */
  address: string | null;
  note: string | null;
  createdAt: string;
  cancelledAt: string | null;
  /** the cancel button: BOOKED/CONFIRMED and before the cut-off */
  canCancel: boolean;
  /** the provider's note when the visit was completed */
  providerNote: string | null;
  /** the resident's rating (same three dimensions as requests: speed, effect, attitude), once completed */
  rating: RatingView | null;
  /** the rate button: COMPLETED and not rated yet */
  canRate: boolean;
  /** PROXY: the chain of custody of the resident's documents, oldest first ([] otherwise) */
  custody: CustodyEventView[];
  /** photos the provider attached when completing the visit ([] otherwise) */
  completionPhotos: UploadedPhoto[];
}

/** Chain of custody of a proxy errand (代办): each step once, in this order, confirmed on the booking's timeline. */
export enum CustodyStep {
  /** 已收取材料: the documents received from the resident */
  DocumentsReceived = 'DOCUMENTS_RECEIVED',
  /** 已递交办理: handed in at an office */
  Submitted = 'SUBMITTED',
  /** 已归还材料: documents (and the result) returned to the resident */
  Returned = 'RETURNED',
}

export const CUSTODY_STEP_ORDER: readonly CustodyStep[] = [CustodyStep.DocumentsReceived, CustodyStep.Submitted, CustodyStep.Returned];

export const CUSTODY_STEP_LABELS: Record<CustodyStep, string> = {
  [CustodyStep.DocumentsReceived]: '已收取材料',
  [CustodyStep.Submitted]: '已递交办理',
  [CustodyStep.Returned]: '已归还材料',
};

export interface CustodyEventView {
  step: CustodyStep;
  stepLabel: string;
  /** DOCUMENTS_RECEIVED / RETURNED: which documents */
  documents: string[];
  /** SUBMITTED: the office, e.g. 区社保中心 */
  office: string | null;
  note: string | null;
  actorName: string;
  at: string;
}

export interface CustodyStepBody {
  step: CustodyStep;
  /** required for DOCUMENTS_RECEIVED */
  documents?: string[];
  /** required for SUBMITTED */
  office?: string;
  note?: string;
}

/** A visit on a provider's day plan (GET /api/provider/visits). */
export interface ProviderVisitView {
  bookingId: number;
  status: BookingStatus;
  statusLabel: string;
  service: BookedServiceSummary & { requiredDocuments: string[] };
  startsAt: string;
  endsAt: string;
  /** the resident's bound home */
  address: string | null;
  /** masked (张*) */
  residentName: string;
  /** 138****5678, or null */
  residentPhoneMasked: string | null;
  /** the resident's note when booking */
  note: string | null;
  /** the provider's note when completing */
  providerNote: string | null;
  /** photos attached when completing ([] otherwise) */
  completionPhotos: UploadedPhoto[];
  /** the resident's rating once given */
  rating: RatingView | null;
  /** what the provider can do now */
  availableActions: VisitAction[];
  /** PROXY: the custody timeline so far, and the step that may be recorded next (null when done or not a proxy errand) */
  custody: CustodyEventView[];
  nextCustodyStep: CustodyStep | null;
}

export interface CompleteVisitBody {
  note: string;
  /** photos uploaded through POST /api/uploads/photos, at most LIMITS.photosPerNote */
  photoIds?: string[];
}

/**
 * 「没有找到想要的服务？」: a resident asks for a service the catalogue lacks. It is filed as a request (诉求) in
 * 民生服务 / 其他服务需求 (LIVELIHOOD / OTHER_SERVICE) for their bound home and routed like any other.
 */
export interface ServiceAskBody {
  /** what they need, LIMITS.descriptionMin–descriptionMax characters */
  description: string;
  showNamePublicly?: boolean;
}

/** the category and sub-category a service ask is filed under */
export const SERVICE_ASK_CATEGORY = { category: 'LIVELIHOOD', subcategory: 'OTHER_SERVICE' } as const;
