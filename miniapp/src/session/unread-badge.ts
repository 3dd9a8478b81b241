/** The unread-messages badge on the 消息 tab. */
import Taro from '@tarojs/taro';
import { getUnreadCount } from '../api/endpoints';
import { TAB_INDEX } from '../navigation';
import { getToken } from './token';

export async function refreshUnreadBadge(): Promise<number> {
  if (!getToken()) return 0;
  try {
    const { unread } = await getUnreadCount();
    showUnreadBadge(unread);
    return unread;
  } catch {
    return 0;
  }
}

export function showUnreadBadge(unread: number): void {
  // Only tab pages may set the badge; elsewhere (or on platforms without it) this just fails.
  const done = () => undefined;
  if (unread > 0) {
    Taro.setTabBarBadge({ index: TAB_INDEX.messages, text: unread > 99 ? '99+' : String(unread) }).catch(done);
  } else {
    Taro.removeTabBarBadge({ index: TAB_INDEX.messages }).catch(done);
  }
}
