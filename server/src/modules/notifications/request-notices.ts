import { categoryLabel, NotificationKind, RequestCategory } from '@gezhi/shared';
import { excerpt, formatSerial } from '../requests/domain/request-presentation';

/** What a notification says. Plain function: the same words wherever an event happens. */
export interface Notice {
  userId: number;
  kind: NotificationKind;
  title: string;
  body: string;
  /** the request it is about (null for booking notices) */
  requestId: number | null;
  /** the booking it is about (booking notices, see bookings/domain/booking-notices.ts) */
  bookingId?: number | null;
}

const TITLES: Record<NotificationKind, string> = {
  [NotificationKind.RequestRouted]: '新诉求待签收',
  [NotificationKind.RequestAccepted]: '您的诉求已签收',
  [NotificationKind.RequestProgress]: '您的诉求有新进展',
  [NotificationKind.RequestResolved]: '您的诉求已办结，请评价',
  [NotificationKind.RequestRejected]: '您的诉求未予受理',
  [NotificationKind.RequestReopened]: '居民对办理效果不满意，请重办',
  [NotificationKind.RequestRated]: '居民已评价，诉求已办结',
  [NotificationKind.WhistleAssigned]: '街道吹哨，请及时报到',
  [NotificationKind.WhistleReported]: '部门已报到',
  [NotificationKind.WhistleReturned]: '部门退回了吹哨事项',
  [NotificationKind.WhistleReopened]: '居民对办理效果不满意，请重办',
  [NotificationKind.RequestEscalated]: '有诉求上报到您这里，请签收',
  [NotificationKind.DeadlineMissed]: '诉求已超时，请督办',
  [NotificationKind.ExtensionRequested]: '有延期申请待审批',
  [NotificationKind.ExtensionDecided]: '延期申请已处理',
  // booking notices (bookings/domain/booking-notices.ts) word their own titles; these are the defaults
  [NotificationKind.BookingConfirmed]: '预约成功',
  [NotificationKind.BookingUpdated]: '您的预约有新进展',
  [NotificationKind.VisitBooked]: '有新的服务预约',
  [NotificationKind.VisitCancelled]: '居民取消了预约',
  // 问需会 projects (review/domain/project-notices.ts) word their own titles; this is the default
  [NotificationKind.ProjectClosed]: '您反映的问题已列入项目并办结',
};

const BODY_MAX = 200;

export function requestNotice(
  userId: number,
  kind: NotificationKind,
  request: { id: number; category: RequestCategory; subcategory: string; description: string },
  detail?: string | null,
): Notice {
  const head = `${formatSerial(request.id)} ${categoryLabel(request.category, request.subcategory)}`;
  const text = detail ? `${head}：${detail}` : `${head}：${excerpt(request.description, 40)}`;
  return { userId, kind, title: TITLES[kind], body: excerpt(text, BODY_MAX - 1), requestId: request.id };
}
