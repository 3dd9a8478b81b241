import { Text, View } from '@tarojs/components';
import type { BoardItem } from '@gezhi/shared';
import { formatDateTime } from '../../../utils/format';

const stars = (score: number) => '★'.repeat(score) + '☆'.repeat(Math.max(0, 5 - score));

/**
 * One resolved item on the board: what it was, the public summary the handler approved (anonymised by the server;
 * none for items closed before summaries existed), how it was rated and how long it took. No serial number.
 */
export function BoardItemCard({ item }: { item: BoardItem }) {
  return (
    <View className='gz-card gz-board-item'>
      <View className='gz-board-item__head'>
        <Text className='gz-board-item__category'>
          {item.categoryLabel} · {item.subcategoryLabel}
        </Text>
        <Text className='gz-board-item__time'>用时 {item.timeTakenLabel}</Text>
      </View>
      {item.summary ? <Text className='gz-board-item__description'>{item.summary}</Text> : null}
      {item.rating ? (
        <View className='gz-board-item__rating' ariaLabel={`评价：办理速度${item.rating.speed}星，解决效果${item.rating.effect}星，服务态度${item.rating.attitude}星`}>
          <Text className='gz-board-item__stars'>速度 {stars(item.rating.speed)}</Text>
          <Text className='gz-board-item__stars'>效果 {stars(item.rating.effect)}</Text>
          <Text className='gz-board-item__stars'>态度 {stars(item.rating.attitude)}</Text>
          {item.rating.comment ? <Text className='gz-board-item__comment'>“{item.rating.comment}”</Text> : null}
        </View>
      ) : (
        <Text className='gz-hint'>居民暂未评价</Text>
      )}
      <Text className='gz-hint'>
        {item.statusLabel} · {item.gridName} · {item.reporterName ?? '匿名'} · 办结于 {formatDateTime(item.resolvedAt)}
      </Text>
    </View>
  );
}
