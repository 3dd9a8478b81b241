/**
 * How the resident's booking screens word a service and its slots (pure: no Taro, no React).
 * Days and times are Asia/Shanghai like the server's rules (@gezhi/shared's shanghai-time), whatever the device's zone.
 */
import {
  addDays,
  EligibilityMode,
  hasPriority,
  isoWeekdayOf,
  PROVIDER_KIND_LABELS,
  RESIDENT_TAG_LABELS,
  SERVICE_LIMITS,
  ServiceKind,
  shanghaiDayOf,
  shanghaiTimeOf,
  type Eligibility,
  type ResidentTag,
  type ServiceOfferingView,
  type ServiceProvider,
  type SlotView,
} from '@gezhi/shared';
import { WEEKDAY_NAMES } from './service-schedule';

const DAY_MS = 24 * 60 * 60 * 1000;

/** the slot list asks for this many days at a time (the server's default window) */
export const SLOT_WINDOW_DAYS = 14;

const tagNames = (tags: readonly ResidentTag[]) => tags.map((tag) => RESIDENT_TAG_LABELS[tag]).join('、');

/** 「所有居民可预约」 / 「独居老人、残疾人优先」 / 「仅限独居老人、残疾人」 */
export function eligibilityText(eligibility: Eligibility): string {
  switch (eligibility.mode) {
    case EligibilityMode.OnlyTagged:
      return `仅限${tagNames(eligibility.tags)}`;
    case EligibilityMode.AllWithPriority:
      return `${tagNames(eligibility.tags)}优先`;
    default:
      return '所有居民可预约';
  }
}

/** Why a resident cannot book (eligibleForMe false), or null when they can. */
export function ineligibleReason(service: ServiceOfferingView): string | null {
  if (service.eligibleForMe !== false) return null;
  return `该服务仅面向${tagNames(service.eligibility.tags)}，您暂不符合预约条件。如有需要，可联系网格长核实。`;
}

/** Whether the resident is in the group a service prioritises (shown as 「您属于优先服务对象」). */
export function isPriorityFor(service: ServiceOfferingView, tags: readonly ResidentTag[] | undefined): boolean {
  return service.eligibility.mode !== EligibilityMode.All && hasPriority(service.eligibility, tags ?? []);
}

/** 「约 30 分钟」 / 「约 3 小时」 / 「约 1 小时 30 分钟」 */
export function durationText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `约 ${rest} 分钟`;
  return rest ? `约 ${hours} 小时 ${rest} 分钟` : `约 ${hours} 小时`;
}

/** 「志愿服务队 · 明日星城志愿服务队」 */
export function providerText(provider: ServiceProvider): string {
  return `${PROVIDER_KIND_LABELS[provider.kind]} · ${provider.name}`;
}

/** 上门 and 打包 visits come to the bound home: the booking shows (and confirms) its address. */
export function visitsHome(kind: ServiceKind): boolean {
  return kind === ServiceKind.DoorToDoor || kind === ServiceKind.Bundle;
}

/** 「12月9日 周三」, with 今天 / 明天 in front when it is. */
export function dayLabel(date: string, now: Date = new Date()): string {
  const [, m, d] = date.split('-').map(Number);
  const plain = `${m}月${d}日 周${WEEKDAY_NAMES[isoWeekdayOf(date)]}`;
  const today = shanghaiDayOf(now);
  if (date === today) return `今天 ${plain}`;
  if (date === addDays(today, 1)) return `明天 ${plain}`;
  return plain;
}

/** 「08:30–11:30」 */
export function slotTimeText(slot: { startsAt: string; endsAt: string }): string {
  return `${shanghaiTimeOf(slot.startsAt)}–${shanghaiTimeOf(slot.endsAt)}`;
}

/** 「余 12 位」 / 「已约满」 */
export function slotFreeText(slot: SlotView): string {
  return slot.free > 0 ? `余 ${slot.free} 位` : '已约满';
}

export interface SlotDay {
  /** local date YYYY-MM-DD */
  date: string;
  label: string;
  slots: SlotView[];
}

/** Slots by local day, earliest first (each day's slots by start time). */
export function groupSlotsByDay(slots: readonly SlotView[], now: Date = new Date()): SlotDay[] {
  const byDay = new Map<string, SlotView[]>();
  const inOrder = [...slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id - b.id);
  for (const slot of inOrder) {
    const date = shanghaiDayOf(slot.startsAt);
    const day = byDay.get(date);
    if (day) day.push(slot);
    else byDay.set(date, [slot]);
  }
  return [...byDay.entries()].map(([date, daySlots]) => ({ date, label: dayLabel(date, now), slots: daySlots }));
}

/**
 * The next window of the slot list: [from, from + 14 days), never beyond what the server answers (366 days ahead;
 * a day less here, so a device clock running ahead of the server's is not refused).
 */
export function slotWindow(from: Date, now: Date = new Date()): { from: string; to: string } | null {
  const limit = now.getTime() + (SERVICE_LIMITS.slotListMaxAheadDays - 1) * DAY_MS;
  if (from.getTime() >= limit) return null;
  const to = Math.min(from.getTime() + SLOT_WINDOW_DAYS * DAY_MS, limit);
  return { from: from.toISOString(), to: new Date(to).toISOString() };
}

/** 「距服务开始 2 小时内不能在线取消」 */
export const CANCEL_CUTOFF_TEXT = `服务开始前 ${SERVICE_LIMITS.cancelCutoffMinutes / 60} 小时内不能在线取消`;
