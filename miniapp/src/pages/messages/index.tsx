import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { NotificationView } from '@gezhi/shared';
import { listNotifications, markNotificationRead } from '../../api/endpoints';
import { ListFooter } from '../../components/ListFooter';
import { SignInRequiredPage } from '../../components/SignInRequired';
import { LoadState } from '../../components/LoadState';
import { usePagedList } from '../../hooks/usePagedList';
import { goNoticePage } from '../../navigation';
import { useSession } from '../../session/session';
import { refreshUnreadBadge } from '../../session/unread-badge';
import { formatDateTime } from '../../utils/format';
import './index.scss';
import { useOnReturn } from '../../hooks/useOnReturn';

export default function MessagesPage() {
  const { signedIn, me } = useSession();
  const list = usePagedList(listNotifications, [], signedIn);
  useDidShow(() => void refreshUnreadBadge());
  useOnReturn(() => {
    if (signedIn) void list.reload();
  });

  const open = async (message: NotificationView) => {
    if (!message.read) {
      list.updateItem((m) => m.id === message.id, { ...message, read: true });
      markNotificationRead(message.id)
        .then(() => refreshUnreadBadge())
        .catch(() => undefined);
    }
    // the same decision as the page of a WeChat message (shared pageOf): a liaison opens the liaison item page,
    // staff the staff view with the action buttons, a resident the own request; bookings the booking or the visit
    if (!me || (!message.bookingId && !message.requestId)) return;
    void goNoticePage(me.role, message);
  };

  if (!signedIn) return <SignInRequiredPage />;

  return (
    <View className='gz-page'>
      <LoadState
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        isEmpty={list.items.length === 0}
        emptyTitle='暂无消息'
        emptyDescription='诉求或预约有新进展时，会在这里通知您。'
      >
        {list.items.map((message) => (
          <View
            key={message.id}
            className={`gz-message ${message.read ? '' : 'gz-message--unread'}`}
            onClick={() => void open(message)}
          >
            <View className='gz-row-between'>
              <Text className='gz-message__title'>{message.title}</Text>
              <Text className='gz-hint'>{formatDateTime(message.createdAt)}</Text>
            </View>
            <Text className='gz-message__body'>{message.body}</Text>
          </View>
        ))}
        <ListFooter loadingMore={list.loadingMore} hasMore={list.hasMore} onLoadMore={list.loadMore} />
      </LoadState>
    </View>
  );
}
