/**
 * What a notification about a booking says (预约成功, 服务人员已确认, 服务已完成，请评价 …). Pure: the same words
 * wherever the event happens; delivered through NotificationsService.deliver in the transaction of the change.
 */
import { CUSTODY_STEP_LABELS, CustodyStep, NotificationKind, shanghaiDayOf, shanghaiTimeOf, VisitAction } from '@gezhi/shared';
import type { Notice } from '../../notifications/request-notices';

const BODY_MAX = 200;

/** The booking a notice is about: the service's name and when the visit is. */
export interface NoticeBooking {
  id: number;
  serviceName: string;
  slotStartsAt: Date;
}

/** "12月9日 08:30" in China time. */
export function visitTime(at: Date): string {
  const [, month, day] = shanghaiDayOf(at).split('-').map(Number);
  return `${month}月${day}日 ${shanghaiTimeOf(at)}`;
}

function notice(userId: number, kind: NotificationKind, title: string, booking: NoticeBooking, detail?: string | null): Notice {
  const head = `${booking.serviceName} · ${visitTime(booking.slotStartsAt)}`;
  const text = detail ? `${head}。${detail}` : head;
  return { userId, kind, title, body: [...text].slice(0, BODY_MAX).join(''), requestId: null, bookingId: booking.id };
}

/** To the resident when the booking is made. */
export function bookedNoticeForResident(residentUserId: number, booking: NoticeBooking): Notice {
  return notice(residentUserId, NotificationKind.BookingConfirmed, '预约成功', booking, '可在「我的预约」查看或取消');
}

/** To the provider (the grid leader or the coordinator) when a resident books a visit on their plan. */
export function bookedNoticeForProvider(providerUserId: number, booking: NoticeBooking, residentLabel: string): Notice {
  return notice(providerUserId, NotificationKind.VisitBooked, '有新的服务预约', booking, `${residentLabel}已预约`);
}

/** To the provider when the resident cancels. */
export function cancelledNoticeForProvider(providerUserId: number, booking: NoticeBooking, residentLabel: string): Notice {
  return notice(providerUserId, NotificationKind.VisitCancelled, '居民取消了预约', booking, `${residentLabel}已取消，名额已释放`);
}

const ACTION_TITLES: Record<VisitAction, string> = {
  [VisitAction.Confirm]: '服务人员已确认您的预约',
  [VisitAction.Arrive]: '服务人员已到达',
  [VisitAction.Complete]: '服务已完成，请评价',
  [VisitAction.NoShow]: '您的预约被标记为未到场',
};

const ACTION_DETAILS: Record<VisitAction, string | null> = {
  [VisitAction.Confirm]: '请按时等候',
  [VisitAction.Arrive]: null,
  [VisitAction.Complete]: null,
  [VisitAction.NoShow]: '如有疑问请联系网格员',
};

/** To the resident when the provider confirms, arrives, completes (with the note, asking for a rating) or marks a no-show. */
export function visitNoticeForResident(residentUserId: number, booking: NoticeBooking, action: VisitAction, providerNote?: string | null): Notice {
  const detail = action === VisitAction.Complete ? `${providerNote ? `${providerNote}。` : ''}请在「我的预约」中评价` : ACTION_DETAILS[action];
  return notice(residentUserId, NotificationKind.BookingUpdated, ACTION_TITLES[action], booking, detail);
}

const CUSTODY_TITLES: Record<CustodyStep, string> = {
  [CustodyStep.DocumentsReceived]: '代办材料已收取',
  [CustodyStep.Submitted]: '代办材料已递交办理',
  [CustodyStep.Returned]: '代办材料已归还',
};

/** To the resident at each step of a proxy errand's chain of custody. */
export function custodyNoticeForResident(
  residentUserId: number,
  booking: NoticeBooking,
  step: CustodyStep,
  details: { documents?: readonly string[]; office?: string | null },
): Notice {
  const detail =
    step === CustodyStep.Submitted
      ? `已递交至${details.office ?? '办理部门'}`
      : details.documents?.length
        ? `${CUSTODY_STEP_LABELS[step]}：${details.documents.join('、')}`
        : CUSTODY_STEP_LABELS[step];
  return notice(residentUserId, NotificationKind.BookingUpdated, CUSTODY_TITLES[step], booking, detail);
}
