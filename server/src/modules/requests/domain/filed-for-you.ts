import { NotificationKind, RequestCategory } from '@gezhi/shared';
import { Notice, requestNotice } from '../../notifications/request-notices';

export const FILED_FOR_YOU_TITLE = '工作人员已为您登记诉求';

/**
 * What a registered resident is told when staff file an item for them (代居民登记: a call, a walk-in…): it is theirs
 * now — they follow it in 我的诉求 and rate it when it is resolved. Sent as a request update (REQUEST_PROGRESS).
 */
export function filedForYouNotice(
  residentUserId: number,
  request: { id: number; category: RequestCategory; subcategory: string; description: string },
  channelLabel: string,
): Notice {
  const notice = requestNotice(residentUserId, NotificationKind.RequestProgress, request, `来源：${channelLabel}。可在「我的诉求」查看进度，办结后请评价`);
  return { ...notice, title: FILED_FOR_YOU_TITLE };
}
