import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import {
  METRICS_SCOPE_LABELS,
  MetricsScopeKind,
  Role,
  shiftMonth,
  type MetricsBreakdown,
  type MetricsItemsQuery,
  type MetricsQuery,
  type RankingEntry,
  type RankingKind,
  type RankingView,
  type RateKey,
} from '@gezhi/shared';
import { errorMessage } from '../../../../api/client';
import { getMetrics, getMetricsBreakdown, getMetricsRankings, getMetricsTrend, metricsReportRoute } from '../../../../api/endpoints';
import { Chart } from '../../../../components/Chart';
import { LoadState } from '../../../../components/LoadState';
import { useRemote } from '../../../../hooks/useRemote';
import { goStaffMetricItems } from '../../../../navigation';
import { useSession } from '../../../../session/session';
import { Button } from '../../../../ui/nutui';
import { toastError, toastSuccess } from '../../../../utils/confirm';
import { KpiCards } from '../../metrics/KpiCards';
import { Rankings } from '../../metrics/Rankings';
import { OWN_SCOPE, ScopePicker, scopeGroups, scopeQuery, type ScopeKey } from '../../metrics/ScopePicker';
import { currentMonth, itemsRouteQuery, monthLabel, trendRange } from '../../metrics/period';
import { downloadApiFile } from '../../metrics/report-download';
import { barChartHeight, categorySpec, gridRatesSpec, kpiCards, trendSpec, type KpiCard } from '../../metrics/specs';
import '../../metrics/metrics.scss';

/** The breakdowns that list the units below the viewer's own (the scope picker's options). */
const PICKABLE: Record<Role, ('community' | 'grid' | 'department')[]> = {
  // a street's grids are picked within a community (names repeat across communities)
  [Role.StreetOfficer]: ['community', 'department'],
  [Role.CommunityOfficer]: ['grid'],
  [Role.GridLeader]: ['grid'],
  [Role.Resident]: [],
  [Role.Liaison]: [],
};

/** Rankings the viewer may read: street officers grids and departments of the street, community officers grids. */
const RANKINGS: Record<Role, RankingKind[]> = {
  [Role.StreetOfficer]: ['GRID', 'DEPARTMENT'],
  [Role.CommunityOfficer]: ['GRID'],
  [Role.GridLeader]: [],
  [Role.Resident]: [],
  [Role.Liaison]: [],
};

/** 数据: the month's numbers of a unit, as KPI cards, charts and 红黑榜, with the monthly Excel report. */
export default function StaffDataPage() {
  const { me } = useSession();
  const role = me?.role ?? Role.GridLeader;
  const [month, setMonth] = useState(currentMonth());
  const [scope, setScope] = useState<ScopeKey>(OWN_SCOPE);
  /** a street officer's opened community (its grids become pickable) */
  const [drill, setDrill] = useState<{ id: number; name: string } | null>(null);
  const [exporting, setExporting] = useState(false);
  const thisMonth = currentMonth();
  const selected = scopeQuery(scope);
  const query: MetricsQuery = { month, ...selected };
  const department = selected.scope === MetricsScopeKind.Department;
  const singleGrid = selected.scope === MetricsScopeKind.Grid;

  const view = useRemote(() => getMetrics(query), [month, scope]);
  const trend = useRemote(() => getMetricsTrend({ ...trendRange(month), ...selected }), [month, scope]);
  const byCategory = useRemote(() => getMetricsBreakdown({ ...query, by: 'category' }), [month, scope], !department);
  const byGrid = useRemote(() => getMetricsBreakdown({ ...query, by: 'grid' }), [month, scope], !department && !singleGrid);

  // the picker's options: units below the viewer's own unit (never changes with the selection)
  const pickable = PICKABLE[role];
  const pickerOptions = useRemote(
    async () => {
      const entries = await Promise.all(
        pickable.map(async (by) => [by, await getMetricsBreakdown({ month, by }).catch(() => undefined)] as const),
      );
      return Object.fromEntries(entries) as Partial<Record<'community' | 'grid' | 'department', MetricsBreakdown>>;
    },
    [month, role],
    pickable.length > 0,
  );
  const communityGrids = useRemote(
    () => getMetricsBreakdown({ month, by: 'grid', scope: MetricsScopeKind.Community, id: drill!.id }),
    [month, drill?.id],
    !!drill,
  );
  const groups = useMemo(() => {
    const options = { ...(pickerOptions.data ?? {}) };
    // a grid leader of one grid has nothing to pick
    if (role === Role.GridLeader && (options.grid?.rows.length ?? 0) <= 1) delete options.grid;
    return scopeGroups({
      ...options,
      communityGrids: drill && communityGrids.data ? { communityName: drill.name, breakdown: communityGrids.data } : undefined,
    });
  }, [pickerOptions.data, communityGrids.data, drill, role]);

  const pickScope = (key: ScopeKey) => {
    const picked = scopeQuery(key);
    if (picked.scope === MetricsScopeKind.Community) {
      const label = groups.flatMap((g) => g.options).find((o) => o.value === key)?.label ?? '';
      setDrill({ id: picked.id as number, name: label });
    } else if (picked.scope !== MetricsScopeKind.Grid) setDrill(null);
    setScope(key);
  };

  const rankingKinds = RANKINGS[role];
  const rankings = useRemote(
    () =>
      Promise.all(
        rankingKinds.map((kind) =>
          getMetricsRankings({
            month,
            kind,
            // a community picked by a street officer: its grids' ranking
            ...(kind === 'GRID' && selected.scope === MetricsScopeKind.Community ? { scope: MetricsScopeKind.Community, id: selected.id } : {}),
          }),
        ),
      ),
    [month, scope, role],
    rankingKinds.length > 0,
  );

  const reloadAll = async () => {
    await Promise.all([view.reload(), trend.reload(), department ? null : byCategory.reload(), department || singleGrid ? null : byGrid.reload(), rankingKinds.length ? rankings.reload() : null]);
  };
  usePullDownRefresh(async () => {
    await reloadAll();
    Taro.stopPullDownRefresh();
  });

  const scopeName = view.data?.scope.name ?? '';
  const cards = view.data ? kpiCards(view.data) : { requests: [], departments: [] };

  const openItems = (title: string, itemQuery: MetricsItemsQuery, rates: RateKey[] = []) =>
    goStaffMetricItems(itemsRouteQuery(itemQuery, title, rates));

  const openCard = (card: KpiCard) => {
    if (!view.data) return;
    const unit = { scope: view.data.scope.kind, id: view.data.scope.id, month };
    if (card.rate) openItems(`${scopeName} · ${card.label}`, { ...unit, rate: card.rate });
    else if (card.count) openItems(`${scopeName} · ${card.label}`, { ...unit, count: card.count });
  };

  const openEntry = (ranking: RankingView, entry: RankingEntry) => {
    const rates = Object.keys(entry.itemQueries) as RateKey[];
    const first = rates[0] ? entry.itemQueries[rates[0]] : undefined;
    if (!first) return;
    openItems(`${entry.unit.name} · ${ranking.period.label}`, first, rates);
  };

  const exportReport = async () => {
    setExporting(true);
    try {
      // the same scope and month as the page; the server names the file (Content-Disposition)
      const route = metricsReportRoute({ month, ...selected });
      const file = await downloadApiFile(route.path, route.query, `格治月报-${scopeName || '本单位'}-${month}.xlsx`);
      toastSuccess(process.env.TARO_ENV === 'h5' ? `已下载 ${file.fileName}` : '已打开月报');
    } catch (e) {
      toastError(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const ownLabel = me?.role === Role.StreetOfficer ? '本街道' : me?.role === Role.CommunityOfficer ? '本社区' : '我的网格';

  return (
    <View className='gz-page gz-data'>
      <View className='gz-card gz-data__head'>
        <View className='gz-month'>
          <View className='gz-month__step gz-month__prev' onClick={() => setMonth(shiftMonth(month, -1))} ariaRole='button' ariaLabel='上个月'>
            ‹ 上月
          </View>
          <Text className='gz-month__label'>{monthLabel(month)}</Text>
          <View
            className={`gz-month__step gz-month__next ${month >= thisMonth ? 'gz-month__step--disabled' : ''}`}
            onClick={() => month < thisMonth && setMonth(shiftMonth(month, 1))}
            ariaRole='button'
            ariaLabel='下个月'
          >
            下月 ›
          </View>
        </View>
        <ScopePicker
          ownLabel={ownLabel}
          currentLabel={view.data?.scope.name ?? ''}
          groups={groups}
          value={scope}
          onChange={pickScope}
          hint={role === Role.StreetOfficer && !drill ? '选择社区后可查看其下各网格' : undefined}
        />
        <Button className='gz-export' type='primary' fill='outline' size='large' block loading={exporting} disabled={exporting} onClick={exportReport}>
          导出月报
        </Button>
      </View>

      <LoadState loading={view.loading && !view.data} error={view.data ? null : view.error} onRetry={reloadAll}>
        {view.data ? (
          <>
            <View className='gz-data__scope'>
              <Text className='gz-section-title'>
                {view.data.scope.name}
                <Text className='gz-hint'>（{METRICS_SCOPE_LABELS[view.data.scope.kind]} · {view.data.period.label}）</Text>
              </Text>
            </View>
            {cards.requests.length ? <KpiCards cards={cards.requests} onOpenItems={openCard} /> : null}
            {cards.departments.length ? (
              <>
                <Text className='gz-section-title gz-data__subtitle'>{department ? '部门履职' : '部门报到（全街道）'}</Text>
                <KpiCards cards={cards.departments} onOpenItems={department ? openCard : undefined} />
              </>
            ) : null}
          </>
        ) : null}
      </LoadState>

      <View className='gz-data__charts'>
        {trend.data ? (
          <Chart className='gz-chart--trend' title='每周趋势' spec={trendSpec(trend.data, department)} emptyText='这段时间没有数据' />
        ) : trend.error ? (
          <Text className='gz-hint'>每周趋势加载失败：{errorMessage(trend.error)}</Text>
        ) : null}
        {!department && byCategory.data ? (
          <Chart className='gz-chart--category' title='类别分布（受理 / 办结）' spec={categorySpec(byCategory.data)} emptyText='本月没有诉求' />
        ) : null}
        {!department && !singleGrid && byGrid.data
          ? (() => {
              const spec = gridRatesSpec(byGrid.data);
              return <Chart className='gz-chart--grids' title='各网格指标' spec={spec} height={barChartHeight(spec)} emptyText='没有网格数据' />;
            })()
          : null}
      </View>

      {rankingKinds.length ? (
        <LoadState loading={rankings.loading && !rankings.data} error={rankings.data ? null : rankings.error} onRetry={rankings.reload}>
          {(rankings.data ?? []).map((ranking) => (
            <Rankings key={ranking.kind} ranking={ranking} onOpenEntry={(entry) => openEntry(ranking, entry)} />
          ))}
        </LoadState>
      ) : null}
    </View>
  );
}
