import { Text, View } from '@tarojs/components';
import { ACTION_LABELS, ROLE_LABELS, STATUS_LABELS, type TimelineEvent } from '@gezhi/shared';
import { formatDateTime } from '../../utils/format';
import { PhotoGallery } from '../PhotoGallery';
import './index.scss';

function actorLabel(event: TimelineEvent): string {
  if (event.actorRole === 'SYSTEM') return '系统';
  if (event.departmentName) return `${event.actorName}（${event.departmentName}）`;
  return `${event.actorName}（${ROLE_LABELS[event.actorRole]}）`;
}

/** The item's history in the order it happened (the latest step highlighted): who, when, status change, note, photos. */
export function Timeline({ events }: { events: TimelineEvent[] }) {
  const inOrder = [...events].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  const latest = inOrder.length - 1;
  return (
    <View className='gz-timeline'>
      {inOrder.map((event, index) => (
        <View key={event.id} className={`gz-timeline-item ${index === latest ? 'gz-timeline-item--latest' : ''}`}>
          <View className='gz-timeline-item__dot' />
          <View className='gz-timeline-item__content'>
            <View className='gz-timeline-item__head'>
              <Text className='gz-timeline-item__action'>{ACTION_LABELS[event.action]}</Text>
              <Text className='gz-timeline-item__time'>{formatDateTime(event.at)}</Text>
            </View>
            <Text className='gz-timeline-item__actor'>{actorLabel(event)}</Text>
            {event.fromStatus && event.fromStatus !== event.toStatus ? (
              <Text className='gz-timeline-item__status'>
                {STATUS_LABELS[event.fromStatus]} → {STATUS_LABELS[event.toStatus]}
              </Text>
            ) : null}
            {event.note ? <Text className='gz-timeline-item__note'>{event.note}</Text> : null}
            <PhotoGallery photos={event.photos} size='small' />
          </View>
        </View>
      ))}
    </View>
  );
}
