import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { METRIC_DEFINITIONS, METRIC_LABELS, STATUS_LABELS, type MetricsItem, type MetricsItemsQuery, type RateKey } from '@gezhi/shared';
import { listMetricsItems } from '../../../../api/endpoints';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { ListFooter } from '../../../../components/ListFooter';
import { LoadState } from '../../../../components/LoadState';
import { usePagedList } from '../../../../hooks/usePagedList';
import { goStaffRequestDetail } from '../../../../navigation';
import { formatDateTime } from '../../../../utils/format';
import { parseItemsRoute } from '../../metrics/period';
import '../../metrics/metrics.scss';

type Outcome = 'ALL' | 'HIT' | 'MISS';

const OUTCOMES: { value: Outcome; label: string }[] = [
  { value: 'ALL', label: '全部' },
  { value: 'HIT', label: '计入分子' },
  { value: 'MISS', label: '未计入' },
];

function ItemRow({ item }: { item: MetricsItem }) {
  return (
    <View className='gz-card gz-metric-item' onClick={() => goStaffRequestDetail(item.requestId)}>
      <View className='gz-metric-item__head'>
        <Text className='gz-hint'>
          {item.serial} · {item.categoryLabel} · {item.gridName}
        </Text>
        {item.hit === null ? null : (
          <Text className={`gz-metric-item__mark gz-metric-item__mark--${item.hit ? 'hit' : 'miss'}`}>{item.hit ? '计入' : '未计入'}</Text>
        )}
      </View>
      <Text className='gz-metric-item__excerpt'>{item.excerpt}</Text>
      <Text className='gz-metric-item__note'>{item.note}</Text>
      <Text className='gz-hint'>
        {item.reporterName} · {STATUS_LABELS[item.status]} · 受理 {formatDateTime(item.receivedAt)} · 计入 {formatDateTime(item.countedAt)}
        {item.departmentName ? ` · ${item.departmentName}` : ''}
      </Text>
    </View>
  );
}

/** The items behind a number (a KPI card or a ranking entry), paginated, newest first; personal data masked by the API. */
export default function MetricItemsPage() {
  const { params } = useRouter();
  const route = useMemo(() => parseItemsRoute(params as Record<string, string | undefined>), [params]);
  const [rate, setRate] = useState<RateKey | undefined>(route.query.rate);
  const [outcome, setOutcome] = useState<Outcome>(route.query.outcome ?? 'ALL');
  const query: MetricsItemsQuery = { ...route.query, rate, outcome: rate && outcome !== 'ALL' ? outcome : undefined };
  const list = usePagedList((page) => listMetricsItems({ ...query, ...page }), [rate, outcome]);
  const rates = route.rates.length > 1 ? route.rates : [];

  return (
    <View className='gz-page gz-metric-items'>
      <View className='gz-card'>
        <Text className='gz-section-title'>{route.title}</Text>
        {rate ? <Text className='gz-hint'>{METRIC_LABELS[rate]}：{METRIC_DEFINITIONS[rate]}</Text> : null}
        {rates.length ? (
          <ChoiceChips
            className='gz-metric-items__tabs'
            options={rates.map((r) => ({ value: r, label: METRIC_LABELS[r] }))}
            value={rate}
            onChange={(r) => setRate(r)}
          />
        ) : null}
        {rate ? <ChoiceChips className='gz-metric-items__outcome' options={OUTCOMES} value={outcome} onChange={setOutcome} /> : null}
        {!list.loading && !list.error ? <Text className='gz-hint gz-metric-items__total'>共 {list.total} 件</Text> : null}
      </View>
      <LoadState loading={list.loading} error={list.error} onRetry={list.reload} isEmpty={list.items.length === 0} emptyTitle='没有相关诉求'>
        {list.items.map((item) => (
          <ItemRow key={`${item.requestId}-${item.countedAt}`} item={item} />
        ))}
        <ListFooter loadingMore={list.loadingMore} hasMore={list.hasMore} onLoadMore={list.loadMore} />
      </LoadState>
    </View>
  );
}
