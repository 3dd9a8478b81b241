import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import {
  ASSIGNMENT_STATE_LABELS,
  AssignmentState,
  WHISTLE_ROLE_LABELS,
  WhistleRole,
  type LiaisonInboxCounts,
  type LiaisonInboxItem,
} from '@gezhi/shared';
import { listLiaisonInbox } from '../../../../api/endpoints';
import { SupervisionTag } from '../../../../components/Supervision';
import { ListFooter } from '../../../../components/ListFooter';
import { LoadState } from '../../../../components/LoadState';
import { RequestCard } from '../../../../components/RequestCard';
import { usePagedList } from '../../../../hooks/usePagedList';
import { goLiaisonRequestDetail } from '../../../../navigation';
import { useSession } from '../../../../session/session';
import { formatDateTime } from '../../../../utils/format';
import './index.scss';
import { useOnReturn } from '../../../../hooks/useOnReturn';

interface Tab {
  key: string;
  label: string;
  /** undefined: the active ones (待报到 and 已报到), the server's default */
  state?: AssignmentState;
  count?: keyof LiaisonInboxCounts;
}

const TABS: Tab[] = [
  { key: 'active', label: '进行中' },
  { key: 'notified', label: ASSIGNMENT_STATE_LABELS[AssignmentState.Notified], state: AssignmentState.Notified, count: 'notified' },
  { key: 'reported', label: ASSIGNMENT_STATE_LABELS[AssignmentState.Reported], state: AssignmentState.Reported, count: 'reported' },
  { key: 'done', label: ASSIGNMENT_STATE_LABELS[AssignmentState.Done], state: AssignmentState.Done },
];

/** 主办/协办, the department's state, the report deadline while it has not reported in, and its 督办 colour. */
function AssignmentLine({ item, now }: { item: LiaisonInboxItem; now: number }) {
  const { assignment } = item;
  // the server's clock decides (working time, holidays); the local check only covers the seconds since loading
  const late = assignment.reportSupervision === 'RED' || (!!assignment.reportDueAt && Date.parse(assignment.reportDueAt) < now);
  return (
    <View className='gz-liaison-card__role'>
      <Text className={`gz-liaison-card__badge ${assignment.role === WhistleRole.Assist ? 'gz-liaison-card__badge--assist' : ''}`}>
        {WHISTLE_ROLE_LABELS[assignment.role]}
      </Text>
      <Text className='gz-liaison-card__state'>{ASSIGNMENT_STATE_LABELS[assignment.state]}</Text>
      {assignment.state === AssignmentState.Notified && assignment.reportDueAt ? (
        <Text className={`gz-liaison-card__due ${late ? 'gz-liaison-card__due--late' : ''}`}>
          {late ? '报到已超时' : '须在'} {formatDateTime(assignment.reportDueAt)} {late ? '' : '前报到'}
        </Text>
      ) : null}
      <SupervisionTag supervision={assignment.reportSupervision} />
    </View>
  );
}

/** 部门联络员: the items whistled to my department, earliest deadline first (the server's order). */
export default function LiaisonInboxPage() {
  const { me } = useSession();
  const [tabKey, setTabKey] = useState('active');
  const tab = TABS.find((t) => t.key === tabKey) ?? TABS[0];
  const [counts, setCounts] = useState<LiaisonInboxCounts>();
  const list = usePagedList(
    async (page) => {
      const result = await listLiaisonInbox({ ...page, state: tab.state });
      setCounts(result.counts);
      return result;
    },
    [tab.key],
  );
  // Back from a detail where something was reported or resolved: refresh.
  useOnReturn(() => {
    void list.reload();
  });

  const now = Date.now();
  return (
    <View className='gz-page gz-liaison-inbox'>
      <View className='gz-card gz-liaison-inbox__head'>
        <Text className='gz-liaison-inbox__department'>{me?.department?.name ?? '本部门'}</Text>
        <Text className='gz-hint'>街道吹哨的诉求，请在时限内报到、处置；不属于本部门职责的可退回。</Text>
      </View>
      <View className='gz-inbox__tabs'>
        {TABS.map((t) => {
          const count = t.count && counts ? counts[t.count] : undefined;
          return (
            <View
              key={t.key}
              className={`gz-inbox__tab gz-inbox__tab--${t.key} ${t.key === tab.key ? 'gz-inbox__tab--active' : ''}`}
              onClick={() => setTabKey(t.key)}
            >
              <Text>{t.label}</Text>
              {count !== undefined ? <Text className='gz-inbox__count'>{count}</Text> : null}
            </View>
          );
        })}
      </View>
      <LoadState
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        isEmpty={list.items.length === 0}
        emptyTitle={tab.key === 'active' ? '暂无需要处置的诉求' : `没有${tab.label}的诉求`}
        emptyDescription={tab.key === 'active' ? '街道吹哨后，诉求会出现在这里。' : undefined}
      >
        {list.items.map((item) => (
          <RequestCard
            key={item.assignment.id}
            request={item.request}
            extra={<AssignmentLine item={item} now={now} />}
            onClick={() => goLiaisonRequestDetail(item.request.id, item.assignment.id)}
          />
        ))}
        <ListFooter loadingMore={list.loadingMore} hasMore={list.hasMore} onLoadMore={list.loadMore} />
      </LoadState>
    </View>
  );
}
