import { View } from '@tarojs/components';
import { listMyBookings } from '../../../../api/endpoints';
import { ListFooter } from '../../../../components/ListFooter';
import { LoadState } from '../../../../components/LoadState';
import { SignInRequiredPage } from '../../../../components/SignInRequired';
import { usePagedList } from '../../../../hooks/usePagedList';
import { goBooking, goServiceCatalogue } from '../../../../navigation';
import { useSession } from '../../../../session/session';
import { BookingCard } from '../../components/BookingCard';
import '../../services.scss';
import { useOnReturn } from '../../../../hooks/useOnReturn';

/** 我的预约: the caller's bookings, newest first, paginated; pull to refresh. */
export default function MyBookingsPage() {
  const { signedIn } = useSession();
  const list = usePagedList(listMyBookings, [], signedIn);
  // back from a booking's detail (cancelled, rated): show the current statuses
  useOnReturn(() => {
    if (signedIn) void list.reload();
  });

  if (!signedIn) return <SignInRequiredPage />;

  return (
    <View className='gz-page gz-my-bookings'>
      <LoadState
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        isEmpty={list.items.length === 0}
        emptyTitle='您还没有预约过服务'
        emptyDescription='理发、义诊、代办等便民服务，都可以在线预约。'
        emptyActionText='去看看便民服务'
        onEmptyAction={goServiceCatalogue}
      >
        {list.items.map((booking) => (
          <BookingCard key={booking.id} booking={booking} onClick={() => goBooking(booking.id)} />
        ))}
        <ListFooter loadingMore={list.loadingMore} hasMore={list.hasMore} onLoadMore={list.loadMore} />
      </LoadState>
    </View>
  );
}
