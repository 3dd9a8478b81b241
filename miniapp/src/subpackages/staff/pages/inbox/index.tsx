import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { RequestStatus, STATUS_LABELS, type InboxCounts } from '@gezhi/shared';
import { getInboxCounts, listInbox } from '../../../../api/endpoints';
import { ListFooter } from '../../../../components/ListFooter';
import { LoadState } from '../../../../components/LoadState';
import { RequestCard } from '../../../../components/RequestCard';
import { usePagedList } from '../../../../hooks/usePagedList';
import { useRemote } from '../../../../hooks/useRemote';
import { goStaffFileOnBehalf, goStaffRequestDetail } from '../../../../navigation';
import { useSession } from '../../../../session/session';
import { Button } from '../../../../ui/nutui';
import './index.scss';

const TABS: { status: RequestStatus; count: keyof InboxCounts }[] = [
  { status: RequestStatus.PendingAccept, count: 'pendingAccept' },
  { status: RequestStatus.InProgress, count: 'inProgress' },
  { status: RequestStatus.Resolved, count: 'resolved' },
];

/** The grid's inbox: 待签收 / 处理中 / 待评价, urgent items flagged. */
export default function StaffInboxPage() {
  const { me } = useSession();
  const [status, setStatus] = useState(RequestStatus.PendingAccept);
  const list = usePagedList((page) => listInbox({ ...page, status }), [status]);
  const counts = useRemote(getInboxCounts, [status]);
  const firstShow = useRef(true);

  // Back from a detail where something was accepted or resolved: refresh.
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else {
      void list.reload();
      void counts.reload();
    }
  });

  return (
    <View className='gz-page gz-inbox'>
      <View className='gz-card gz-inbox__head'>
        <Text className='gz-hint'>负责网格：{me?.staff?.gridNames.join('、') || '—'}</Text>
        <Button className='gz-inbox__file' type='primary' fill='outline' size='large' onClick={goStaffFileOnBehalf}>
          代居民登记
        </Button>
      </View>
      <View className='gz-inbox__tabs'>
        {TABS.map((tab) => (
          <View
            key={tab.status}
            className={`gz-inbox__tab ${tab.status === status ? 'gz-inbox__tab--active' : ''}`}
            onClick={() => setStatus(tab.status)}
          >
            <Text>{STATUS_LABELS[tab.status]}</Text>
            {counts.data ? <Text className='gz-inbox__count'>{counts.data[tab.count]}</Text> : null}
          </View>
        ))}
      </View>
      <LoadState
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        isEmpty={list.items.length === 0}
        emptyTitle={`没有${STATUS_LABELS[status]}的诉求`}
      >
        {list.items.map((request) => (
          <RequestCard key={request.id} request={request} onClick={() => goStaffRequestDetail(request.id)} />
        ))}
        <ListFooter loadingMore={list.loadingMore} hasMore={list.hasMore} onLoadMore={list.loadMore} />
      </LoadState>
    </View>
  );
}
