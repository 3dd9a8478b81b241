/** Server answers for the 便民服务 page tests, shaped by the shared contract. */
import {
  addDays,
  BookingStatus,
  BOOKING_STATUS_LABELS,
  EligibilityMode,
  ProviderKind,
  ResidentTag,
  Role,
  SERVICE_KIND_LABELS,
  ServiceKind,
  shanghaiDayAt,
  shanghaiDayOf,
  type BookingView,
  type Me,
  type ServiceOfferingView,
  type SlotView,
} from '@gezhi/shared';

export const ADDRESS = '明日星城社区 1号楼 2单元 301室';

export function resident(overrides: Partial<Me> = {}): Me {
  return {
    id: 11,
    nickname: '张芬',
    role: Role.Resident,
    home: {
      roomId: 7,
      address: ADDRESS,
      streetName: '团结街道',
      communityName: '明日星城社区',
      buildingName: '1号楼',
      unitName: '2单元',
      roomNumber: '301',
      gridId: 1,
      gridName: '第一网格',
      gridLeaderName: '李网格',
      gridLeaderPhoneMasked: '138****0001',
    },
    staff: null,
    tags: [],
    ...overrides,
  };
}

export function service(overrides: Partial<ServiceOfferingView> = {}): ServiceOfferingView {
  const kind = overrides.kind ?? ServiceKind.Appointment;
  return {
    id: 2,
    communityId: 1,
    name: '三九便民日·理发',
    kind,
    kindLabel: SERVICE_KIND_LABELS[kind],
    description: '志愿者义务理发，老人、儿童优先。',
    durationMinutes: 180,
    provider: { kind: ProviderKind.VolunteerTeam, name: '明日星城志愿服务队' },
    eligibility: { mode: EligibilityMode.All, tags: [] },
    requiredDocuments: [],
    bundleServiceIds: [],
    active: true,
    version: 1,
    eligibleForMe: true,
    coordinatorName: null,
    ...overrides,
  };
}

export const DOOR_HAIRCUT = service({
  id: 5,
  name: '上门理发',
  kind: ServiceKind.DoorToDoor,
  kindLabel: SERVICE_KIND_LABELS[ServiceKind.DoorToDoor],
  description: '为行动不便的独居老人、残疾人上门理发。',
  durationMinutes: 60,
  eligibility: { mode: EligibilityMode.OnlyTagged, tags: [ResidentTag.ElderlyAlone, ResidentTag.Disabled] },
});

export const PENSION_PROXY = service({
  id: 6,
  name: '养老认证代办',
  kind: ServiceKind.Proxy,
  kindLabel: SERVICE_KIND_LABELS[ServiceKind.Proxy],
  description: '网格员代为办理养老金资格认证，办结后送回证件。',
  durationMinutes: 30,
  provider: { kind: ProviderKind.GridStaff, name: '所在网格网格员' },
  requiredDocuments: ['身份证', '社保卡'],
});

export const CLINIC = service({
  id: 1,
  name: '三九便民日·义诊',
  description: '社区卫生服务站医生坐诊：量血压、测血糖、健康咨询。',
  provider: { kind: ProviderKind.PartnerOrg, name: '团结街道社区卫生服务站' },
  eligibility: { mode: EligibilityMode.AllWithPriority, tags: [ResidentTag.ElderlyAlone, ResidentTag.Disabled] },
});

const HOUR = 3600_000;

/** a slot `daysAhead` Shanghai days from today at 08:30–11:30 Asia/Shanghai (00:30–03:30 UTC) */
export function slot(id: number, daysAhead: number, free: number, capacity = 20): SlotView {
  const starts = shanghaiDayAt(addDays(shanghaiDayOf(Date.now()), daysAhead), 8 * 60 + 30).getTime();
  return {
    id,
    serviceId: 2,
    ruleId: 1,
    startsAt: new Date(starts).toISOString(),
    endsAt: new Date(starts + 3 * HOUR).toISOString(),
    capacity,
    booked: capacity - free,
    free,
  };
}

export function booking(overrides: Partial<BookingView> = {}): BookingView {
  const status = overrides.status ?? BookingStatus.Booked;
  const s = slot(101, 3, 5);
  return {
    id: 31,
    status,
    statusLabel: BOOKING_STATUS_LABELS[status],
    service: { id: 2, name: '三九便民日·理发', kind: ServiceKind.Appointment, kindLabel: SERVICE_KIND_LABELS[ServiceKind.Appointment], components: [] },
    slot: { id: s.id, startsAt: s.startsAt, endsAt: s.endsAt },
    address: null,
    note: null,
    createdAt: new Date(Date.now() - 2 * HOUR).toISOString(),
    cancelledAt: null,
    canCancel: status === BookingStatus.Booked || status === BookingStatus.Confirmed,
    providerNote: null,
    rating: null,
    canRate: false,
    custody: [],
    completionPhotos: [],
    ...overrides,
  };
}
