/**
 * Where a tap on a notification goes: the one decision, used by the server for the page of a WeChat subscribe
 * message and by the mini-program's 消息 page. A liaison opens the liaison item page (报到 / 办结 there), staff the
 * staff item page (with its action buttons), a resident their own request; booking notices open the booking
 * (resident) or the visit on the provider's day plan (staff). Paths have no leading slash (WeChat's `page`);
 * the mini-program navigates to `/${pageOf(...)}`.
 */
import { Role, isStaffRole } from './roles';

export const NOTICE_PAGES = {
  messages: 'pages/messages/index',
  requestDetail: 'pages/request-detail/index',
  staffRequestDetail: 'subpackages/staff/pages/request-detail/index',
  liaisonRequestDetail: 'subpackages/liaison/pages/request-detail/index',
  booking: 'subpackages/services/pages/booking/index',
  staffVisit: 'subpackages/staff/pages/visit/index',
} as const;

/** What of a notice decides its page (NotificationView and the server's notices both have it). */
export interface NoticeTarget {
  requestId: number | null;
  bookingId?: number | null;
}

/** The page a tap on `notice` opens for a user of `role`; the 消息 list when it is about nothing to open. */
export function pageOf(role: Role, notice: NoticeTarget): string {
  if (notice.bookingId) return `${isStaffRole(role) ? NOTICE_PAGES.staffVisit : NOTICE_PAGES.booking}?id=${notice.bookingId}`;
  if (notice.requestId === null) return NOTICE_PAGES.messages;
  const page = role === Role.Liaison ? NOTICE_PAGES.liaisonRequestDetail : isStaffRole(role) ? NOTICE_PAGES.staffRequestDetail : NOTICE_PAGES.requestDetail;
  return `${page}?id=${notice.requestId}`;
}
