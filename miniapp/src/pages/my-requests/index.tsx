import { View } from '@tarojs/components';
import { listMyRequests } from '../../api/endpoints';
import { ListFooter } from '../../components/ListFooter';
import { SignInRequiredPage } from '../../components/SignInRequired';
import { LoadState } from '../../components/LoadState';
import { RequestCard } from '../../components/RequestCard';
import { usePagedList } from '../../hooks/usePagedList';
import { goNewRequest, goRequestDetail } from '../../navigation';
import { useSession } from '../../session/session';
import { useOnReturn } from '../../hooks/useOnReturn';

export default function MyRequestsPage() {
  const { signedIn } = useSession();
  const list = usePagedList(listMyRequests, [], signedIn);
  // Coming back from the form or a detail: show the latest statuses.
  useOnReturn(() => {
    if (signedIn) void list.reload();
  });

  if (!signedIn) return <SignInRequiredPage />;

  return (
    <View className='gz-page'>
      <LoadState
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        isEmpty={list.items.length === 0}
        emptyTitle='您还没有反映过问题'
        emptyDescription='遇到楼道、环境、邻里等问题，点“我要反映”告诉网格长。'
        emptyActionText='我要反映'
        onEmptyAction={goNewRequest}
      >
        {list.items.map((request) => (
          <RequestCard key={request.id} request={request} resident onClick={() => goRequestDetail(request.id)} />
        ))}
        <ListFooter loadingMore={list.loadingMore} hasMore={list.hasMore} onLoadMore={list.loadMore} />
      </LoadState>
    </View>
  );
}
