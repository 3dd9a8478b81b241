import { Image, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { categoryLabel, Urgency, type RequestSummary } from '@gezhi/shared';
import { absoluteUrl } from '../../api/client';
import { formatDateTime } from '../../utils/format';
import { StatusTag } from '../StatusTag';
import { DueLine } from '../Supervision';
import './index.scss';

export interface RequestCardProps {
  request: RequestSummary;
  onClick: () => void;
  /** the resident's own list: the plain-language status (statusLabel) instead of the workflow status */
  resident?: boolean;
  /** extra lines under the head, e.g. a liaison's 主办/协办 and report deadline */
  extra?: ReactNode;
}

export function RequestCard({ request, onClick, resident = false, extra }: RequestCardProps) {
  const urgent = request.urgency === Urgency.Urgent;
  const supervision = request.supervision ?? 'NONE';
  return (
    <View
      className={`gz-request-card ${urgent ? 'gz-request-card--urgent' : ''} ${supervision !== 'NONE' ? `gz-request-card--${supervision.toLowerCase()}` : ''}`}
      onClick={onClick}
    >
      <View className='gz-request-card__head'>
        <Text className='gz-request-card__category'>{categoryLabel(request.category, request.subcategory)}</Text>
        <StatusTag status={request.status} label={resident ? request.statusLabel : null} />
      </View>
      {extra}
      {!resident ? <DueLine dueAt={request.dueAt} supervision={request.supervision} /> : null}
      <View className='gz-request-card__body'>
        <Text className='gz-request-card__excerpt'>{request.excerpt}</Text>
        {request.thumbnail ? (
          <Image className='gz-request-card__thumb' src={absoluteUrl(request.thumbnail.url)} mode='aspectFill' />
        ) : null}
      </View>
      <View className='gz-request-card__flags'>
        {urgent ? <Text className='gz-urgent-flag'>紧急</Text> : null}
        {request.reopenCount > 0 ? <Text className='gz-reopen-flag'>重办</Text> : null}
        {!resident && request.fromUnverifiedHome ? <Text className='gz-unverified-flag'>未核实住户</Text> : null}
        <Text className='gz-request-card__address'>{request.address}</Text>
      </View>
      <View className='gz-request-card__meta'>
        <Text>{request.serial}</Text>
        <Text>{formatDateTime(request.createdAt)}</Text>
      </View>
    </View>
  );
}
