import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { HANDLING_LEVEL_LABELS, levelOfRole, Role, RequestStatus, STATUS_LABELS, type DueFilter, type InboxCounts } from '@gezhi/shared';
import { getInboxCounts, listInbox } from '../../../../api/endpoints';
import { ListFooter } from '../../../../components/ListFooter';
import { LoadState } from '../../../../components/LoadState';
import { RequestCard } from '../../../../components/RequestCard';
import { usePagedList } from '../../../../hooks/usePagedList';
import { useRemote } from '../../../../hooks/useRemote';
import { goStaffCatalogue, goStaffFileOnBehalf, goStaffRequestDetail, goStaffVisits } from '../../../../navigation';
import { goStaffData, goStaffHomeBindings, goStaffReturnVisits, goStaffReview } from '../../../../navigation';
import { useSession } from '../../../../session/session';
import { Button } from '../../../../ui/nutui';
import './index.scss';
import { useOnReturn } from '../../../../hooks/useOnReturn';

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
  const level = me ? levelOfRole(me.role) : null;
  /** grid leaders serve their grid's visits; community officers coordinate volunteer-team / partner visits */
  const providesVisits = me?.role === Role.GridLeader || me?.role === Role.CommunityOfficer;
  // Back from a detail where something was accepted or resolved: refresh.
  useOnReturn(() => {
    void list.reload();
    void counts.reload();
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
      {providesVisits ? (
        <View className='gz-card gz-visits-entry' onClick={() => goStaffVisits()}>
          <Text className='gz-inbox__level'>上门服务计划</Text>
          <Text className='gz-hint'>今天和本周的服务预约，按时间排列，含上门地址 ›</Text>
        </View>
      ) : null}
      {me?.role === Role.CommunityOfficer ? (
        <View className='gz-card gz-catalogue-entry' onClick={() => goStaffCatalogue()}>
          <Text className='gz-inbox__level'>服务清单管理</Text>
          <Text className='gz-hint'>本社区的上门、代办、预约、错时、打包服务及其时段 ›</Text>
        </View>
      ) : null}
      <View className='gz-card gz-return-visits-entry' onClick={goStaffReturnVisits}>
        <Text className='gz-inbox__level'>待回访</Text>
        <Text className='gz-hint'>办结后居民未评价的诉求：电话回访，代为录入评价 ›</Text>
      </View>
      <View className='gz-card gz-home-bindings-entry' onClick={goStaffHomeBindings}>
        <Text className='gz-inbox__level'>住户核实</Text>
        <Text className='gz-hint'>新绑定房屋的居民，确认是否住在本网格：确认 / 驳回 ›</Text>
      </View>
      <View className='gz-card gz-data-entry' onClick={goStaffData}>
        <Text className='gz-inbox__level'>数据</Text>
        <Text className='gz-hint'>响应率、办结率、满意率，趋势图表、红黑榜，导出月报 ›</Text>
      </View>
      {me?.role === Role.CommunityOfficer || me?.role === Role.GridLeader ? (
        <View className='gz-card gz-review-entry' onClick={goStaffReview}>
          <Text className='gz-inbox__level'>问需会</Text>
          <Text className='gz-hint'>半月议程（未办结、超时、差评重办、反复发生）与项目服务清单 ›</Text>
        </View>
      ) : null}
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
