import { Image, Text, View } from '@tarojs/components';
import { categoryLabel, Urgency, type RequestSummary } from '@gezhi/shared';
import { absoluteUrl } from '../../api/client';
import { formatDateTime } from '../../utils/format';
import { StatusTag } from '../StatusTag';
import './index.scss';

export function RequestCard({ request, onClick }: { request: RequestSummary; onClick: () => void }) {
  const urgent = request.urgency === Urgency.Urgent;
  return (
    <View className={`gz-request-card ${urgent ? 'gz-request-card--urgent' : ''}`} onClick={onClick}>
      <View className='gz-request-card__head'>
        <Text className='gz-request-card__category'>{categoryLabel(request.category, request.subcategory)}</Text>
        <StatusTag status={request.status} />
      </View>
      <View className='gz-request-card__body'>
        <Text className='gz-request-card__excerpt'>{request.excerpt}</Text>
        {request.thumbnail ? (
          <Image className='gz-request-card__thumb' src={absoluteUrl(request.thumbnail.url)} mode='aspectFill' />
        ) : null}
      </View>
      <View className='gz-request-card__flags'>
        {urgent ? <Text className='gz-urgent-flag'>紧急</Text> : null}
        {request.reopenCount > 0 ? <Text className='gz-reopen-flag'>重办</Text> : null}
        <Text className='gz-request-card__address'>{request.address}</Text>
      </View>
      <View className='gz-request-card__meta'>
        <Text>{request.serial}</Text>
        <Text>{formatDateTime(request.createdAt)}</Text>
      </View>
    </View>
  );
}
