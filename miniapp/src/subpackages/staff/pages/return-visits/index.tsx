import { Text, View } from '@tarojs/components';
import { listReturnVisits } from '../../../../api/endpoints';
import { ListFooter } from '../../../../components/ListFooter';
import { LoadState } from '../../../../components/LoadState';
import { useOnReturn } from '../../../../hooks/useOnReturn';
import { usePagedList } from '../../../../hooks/usePagedList';
import { goStaffRequestDetail } from '../../../../navigation';
import { ReturnVisitCard } from '../../return-visits/ReturnVisitCard';
import '../../return-visits/return-visits.scss';

/**
 * 待回访: items of the viewer's level and scope resolved a few days ago that nobody rated (walk-ins, phone calls,
 * residents without an account). Staff phone the person and record the ratings on their behalf (电话回访) or
 * 联系不上; items nobody rates are closed as 未评价 by the server. Pull down to refresh.
 */
export default function StaffReturnVisitsPage() {
  const list = usePagedList((page) => listReturnVisits(page), []);
  useOnReturn(() => void list.reload());

  return (
    <View className='gz-page gz-return-visits'>
      <View className='gz-card'>
        <Text className='gz-inbox__level'>待回访</Text>
        <Text className='gz-hint'>办结后居民未评价的诉求，请电话回访并代为录入评价{list.total > 0 ? `（共 ${list.total} 件）` : ''}</Text>
      </View>
      <LoadState
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        isEmpty={list.items.length === 0}
        emptyTitle='暂无待回访的诉求'
        emptyDescription='办结数日后居民仍未评价的诉求会出现在这里'
      >
        {list.items.map((item) => (
          <ReturnVisitCard key={item.id} item={item} onRecorded={() => void list.reload()} onOpen={goStaffRequestDetail} />
        ))}
        <ListFooter loadingMore={list.loadingMore} hasMore={list.hasMore} onLoadMore={() => void list.loadMore()} />
      </LoadState>
    </View>
  );
}
