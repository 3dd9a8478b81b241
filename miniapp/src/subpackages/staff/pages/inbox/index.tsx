import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { HANDLING_LEVEL_LABELS, Role, RequestStatus, STATUS_LABELS, type DueFilter, type InboxCounts } from '@gezhi/shared';
import { getInboxCounts, listInbox } from '../../../../api/endpoints';
import { ListFooter } from '../../../../components/ListFooter';
import { LoadState } from '../../../../components/LoadState';
import { RequestCard } from '../../../../components/RequestCard';
import { usePagedList } from '../../../../hooks/usePagedList';
import { useRemote } from '../../../../hooks/useRemote';
import { goStaffFileOnBehalf, goStaffRequestDetail } from '../../../../navigation';
import { useSession } from '../../../../session/session';
import { Button } from '../../../../ui/nutui';
import { LEVEL_OF_ROLE } from '../../../../utils/levels';
import './index.scss';

interface Tab {
  key: string;
  label: string;
  status?: RequestStatus;
  due?: DueFilter;
  count?: keyof InboxCounts;
  /** only for the officers who whistle (community, street) */
  officersOnly?: boolean;
}

const TABS: Tab[] = [
  { key: 'pending', label: STATUS_LABELS[RequestStatus.PendingAccept], status: RequestStatus.PendingAccept, count: 'pendingAccept' },
  { key: 'progress', label: STATUS_LABELS[RequestStatus.InProgress], status: RequestStatus.InProgress, count: 'inProgress' },
  { key: 'whistled', label: STATUS_LABELS[RequestStatus.Whistled], status: RequestStatus.Whistled, officersOnly: true },
  { key: 'resolved', label: STATUS_LABELS[RequestStatus.Resolved], status: RequestStatus.Resolved, count: 'resolved' },
  { key: 'soon', label: '即将超时', due: 'soon', count: 'dueSoon' },
  { key: 'overdue', label: '已超时', due: 'overdue', count: 'overdue' },
];

/** The inbox of the viewer's level (网格 / 社区 / 街道): by status, plus 即将超时 / 已超时 sorted by due time. */
export default function StaffInboxPage() {
  const { me } = useSession();
  const officer = me?.role === Role.CommunityOfficer || me?.role === Role.StreetOfficer;
  const tabs = TABS.filter((t) => !t.officersOnly || officer);
  const [tabKey, setTabKey] = useState('pending');
  const tab = tabs.find((t) => t.key === tabKey) ?? tabs[0];
  const list = usePagedList((page) => listInbox({ ...page, status: tab.due ? undefined : tab.status, due: tab.due }), [tab.key]);
  const counts = useRemote(getInboxCounts, [tab.key]);
  const level = me ? LEVEL_OF_ROLE[me.role] : undefined;
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
        <View className='gz-inbox__scope'>
          <Text className='gz-inbox__level'>{level ? `${HANDLING_LEVEL_LABELS[level]}层级待办` : '待办'}</Text>
          <Text className='gz-hint'>负责：{me?.staff?.gridNames.join('、') || '—'}</Text>
        </View>
        <Button className='gz-inbox__file' type='primary' fill='outline' size='large' onClick={goStaffFileOnBehalf}>
          代居民登记
        </Button>
      </View>
      <View className='gz-inbox__tabs'>
        {tabs.map((t) => {
          const count = t.count && counts.data ? counts.data[t.count] : undefined;
          return (
            <View
              key={t.key}
              className={`gz-inbox__tab gz-inbox__tab--${t.key} ${t.key === tab.key ? 'gz-inbox__tab--active' : ''}`}
              onClick={() => setTabKey(t.key)}
            >
              <Text>{t.label}</Text>
              {count !== undefined ? (
                <Text className={`gz-inbox__count ${t.due && count > 0 ? `gz-inbox__count--${t.due}` : ''}`}>{count}</Text>
              ) : null}
            </View>
          );
        })}
      </View>
      <LoadState
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        isEmpty={list.items.length === 0}
        emptyTitle={`没有${tab.label}的诉求`}
      >
        {list.items.map((request) => (
          <RequestCard key={request.id} request={request} onClick={() => goStaffRequestDetail(request.id)} />
        ))}
        <ListFooter loadingMore={list.loadingMore} hasMore={list.hasMore} onLoadMore={list.loadMore} />
      </LoadState>
    </View>
  );
}
