import { Text, View } from '@tarojs/components';
import { RatingSource, type RatingView } from '@gezhi/shared';
import { formatDateTime } from '../../utils/format';
import { StarRow } from '../StarRow';

/** A given rating, read-only: the three star rows (办理速度 / 解决效果 / 服务态度), the comment, when — and who recorded a 电话回访. */
export function RatingSummary({ rating, title = '居民评价' }: { rating: RatingView; title?: string }) {
  return (
    <View className='gz-card gz-rating-view'>
      <Text className='gz-section-title'>{title}</Text>
      <StarRow label='办理速度' value={rating.speed} />
      <StarRow label='解决效果' value={rating.effect} />
      <StarRow label='服务态度' value={rating.attitude} />
      {rating.comment ? <Text className='gz-detail-description'>“{rating.comment}”</Text> : null}
      {rating.source === RatingSource.ReturnVisit ? (
        <Text className='gz-hint gz-rating-view__source'>电话回访评价{rating.recordedByName ? `，由${rating.recordedByName}代为录入` : ''}</Text>
      ) : null}
      <Text className='gz-hint'>评价于 {formatDateTime(rating.ratedAt)}</Text>
    </View>
  );
}
