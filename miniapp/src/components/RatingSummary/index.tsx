import { Text, View } from '@tarojs/components';
import type { RatingView } from '@gezhi/shared';
import { formatDateTime } from '../../utils/format';
import { StarRow } from '../StarRow';

/** A given rating, read-only: the three star rows (办理速度 / 解决效果 / 服务态度), the comment, when. */
export function RatingSummary({ rating, title = '居民评价' }: { rating: RatingView; title?: string }) {
  return (
    <View className='gz-card gz-rating-view'>
      <Text className='gz-section-title'>{title}</Text>
      <StarRow label='办理速度' value={rating.speed} />
      <StarRow label='解决效果' value={rating.effect} />
      <StarRow label='服务态度' value={rating.attitude} />
      {rating.comment ? <Text className='gz-detail-description'>“{rating.comment}”</Text> : null}
      <Text className='gz-hint'>评价于 {formatDateTime(rating.ratedAt)}</Text>
    </View>
  );
}
