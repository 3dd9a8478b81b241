import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { BoardPage, BoardRates } from '@gezhi/shared';
import { getBoard } from '../../../../api/endpoints';
import { ListFooter } from '../../../../components/ListFooter';
import { LoadState } from '../../../../components/LoadState';
import { SignInRequiredPage } from '../../../../components/SignInRequired';
import { usePagedList } from '../../../../hooks/usePagedList';
import { useSession } from '../../../../session/session';
import { BoardItemCard } from '../../board/BoardItemCard';
import '../../board/board.scss';

const percent = (value: number | null) => (value === null ? '—' : `${(Math.round(value * 1000) / 10).toFixed(1)}%`);

function RatesCard({ communityName, rates }: { communityName: string; rates: BoardRates }) {
  const tiles: [string, number | null][] = [
    ['响应率', rates.responseRate],
    ['办结率', rates.resolutionRate],
    ['按时办结率', rates.onTimeRate],
    ['满意率', rates.satisfactionRate],
  ];
  return (
    <View className='gz-card gz-board-rates'>
      <Text className='gz-section-title'>
        {communityName} · {rates.periodLabel}
      </Text>
      <View className='gz-board-rates__grid'>
        {tiles.map(([label, value]) => (
          <View key={label} className='gz-board-rates__rate'>
            <Text className='gz-board-rates__value'>{percent(value)}</Text>
            <Text className='gz-board-rates__label'>{label}</Text>
          </View>
        ))}
      </View>
      <Text className='gz-hint gz-board-rates__counts'>
        {rates.from} 至 {rates.to}：受理 {rates.filedCount} 件，办结 {rates.resolvedCount} 件。“—”表示期间没有可计算的诉求。
      </Text>
    </View>
  );
}

/** 公示: the community keeps its promises — its current rates and the items it resolved (anonymised by the server). */
export default function CommunityBoardPage() {
  const { signedIn } = useSession();
  const [header, setHeader] = useState<Pick<BoardPage, 'communityName' | 'rates'> | null>(null);
  const list = usePagedList(
    async (page) => {
      const result = await getBoard(page);
      if (page.page === 1) setHeader({ communityName: result.communityName, rates: result.rates });
      return result;
    },
    [],
    signedIn,
  );

  if (!signedIn) return <SignInRequiredPage />;

  return (
    <View className='gz-page gz-board'>
      {header ? <RatesCard communityName={header.communityName} rates={header.rates} /> : null}
      <LoadState
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        isEmpty={list.items.length === 0}
        emptyTitle='还没有公示的办结事项'
        emptyDescription='社区办结的诉求会在这里公示（已隐去姓名、电话等个人信息）。'
      >
        <Text className='gz-section-title gz-board__list-title'>已办结事项</Text>
        {list.items.map((item) => (
          <BoardItemCard key={item.key} item={item} />
        ))}
        <ListFooter loadingMore={list.loadingMore} hasMore={list.hasMore} onLoadMore={list.loadMore} />
      </LoadState>
      <Text className='gz-hint gz-board__privacy'>公示内容已隐去姓名、电话、门牌等个人信息；署名仅在居民同意公开时显示姓氏。</Text>
    </View>
  );
}
