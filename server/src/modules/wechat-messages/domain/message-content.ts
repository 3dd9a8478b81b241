import { NotificationKind, pageOf, Role, shanghaiDateTimeOf, SubscribeTemplatePurpose } from '@gezhi/shared';
import type { SubscribeTemplateConfig } from '../wechat.config';

/** The part of an in-app notice a WeChat message is made of (see notifications/request-notices.ts). */
export interface MessageNotice {
  userId: number;
  kind: NotificationKind;
  title: string;
  body: string;
  requestId: number | null;
}

/**
 * Which template a notice goes out with. Residents' own requests → REQUEST_UPDATE; new work for staff and
 * liaisons (routed, reopened, escalated, whistled, returned…) → NEW_ASSIGNMENT, also for kinds added later.
 * RATED only closes the loop for the holder: in-app only.
 */
const RESIDENT_UPDATES: ReadonlySet<string> = new Set([
  NotificationKind.RequestAccepted,
  NotificationKind.RequestProgress,
  NotificationKind.RequestResolved,
  NotificationKind.RequestRejected,
  // a 问需会 project that linked the resident's request was closed (review/domain/project-notices.ts)
  NotificationKind.ProjectClosed,
]);
/**
 * Booking notices (预约) stay in-app for now: their templates (a 预约 template for residents, the provider's new
 * visit) and the pages a tap opens are not configured yet — see docs/services.md.
 */
const IN_APP_ONLY: ReadonlySet<string> = new Set([
  NotificationKind.RequestRated,
  NotificationKind.BookingConfirmed,
  NotificationKind.BookingUpdated,
  NotificationKind.VisitBooked,
  NotificationKind.VisitCancelled,
]);

export function templatePurposeOf(kind: NotificationKind): SubscribeTemplatePurpose | null {
  if (IN_APP_ONLY.has(kind)) return null;
  return RESIDENT_UPDATES.has(kind) ? 'REQUEST_UPDATE' : 'NEW_ASSIGNMENT';
}

/** The usual recipient of a template: a resident for REQUEST_UPDATE, staff for NEW_ASSIGNMENT. */
const USUAL_ROLE: Record<SubscribeTemplatePurpose, Role> = { REQUEST_UPDATE: Role.Resident, NEW_ASSIGNMENT: Role.GridLeader };

/**
 * The page a tap on the message opens: shared pageOf for the recipient's role (a liaison's WHISTLE_ASSIGNED opens
 * the liaison item page); for a recipient whose role is unknown, the page of the template's usual recipient.
 */
export function messagePage(purpose: SubscribeTemplatePurpose, requestId: number | null, role: Role = USUAL_ROLE[purpose]): string {
  return pageOf(role, { requestId });
}

/** WeChat's limits per keyword type (characters); longer values make the send fail with 47003. */
const KEYWORD_LIMITS: Record<string, number> = { thing: 20, character_string: 32, phrase: 5, name: 10, number: 32, letter: 32 };

function fit(keyword: string, value: string): string {
  const type = keyword.replace(/\d+$/, '');
  const limit = KEYWORD_LIMITS[type] ?? 20;
  const chars = [...value];
  return chars.length <= limit ? value : `${chars.slice(0, limit - 1).join('')}…`;
}

/** "2026-11-20 17:05" in China time (WeChat's `time` keyword format). */
export function chinaTime(at: Date): string {
  return shanghaiDateTimeOf(at);
}

/** The template data `{keyword: {value}}` for a notice, per the configured keyword → source mapping. */
export function templateData(template: SubscribeTemplateConfig, notice: MessageNotice, serial: string, at: Date): Record<string, { value: string }> {
  const sources = { serial, title: notice.title, body: notice.body, time: chinaTime(at) };
  const data: Record<string, { value: string }> = {};
  for (const [keyword, source] of Object.entries(template.fields)) {
    data[keyword] = { value: source === 'time' ? sources.time : fit(keyword, sources[source]) };
  }
  return data;
}
