import { Text, View } from '@tarojs/components';
import type { TimelineEvent, WhistleAssignmentView } from '@gezhi/shared';
import { chainOfCustody, formatDuration } from '../../utils/chain';
import { formatDateTime } from '../../utils/format';

/** 办理链条: each hand-over as a vertical timeline — who held it and for how long (the current holder highlighted). */
export function ChainTimeline({
  events,
  assignments,
  now = new Date(),
}: {
  events: TimelineEvent[];
  assignments?: WhistleAssignmentView[];
  now?: Date;
}) {
  const stages = chainOfCustody(events, now, assignments ?? []);
  if (stages.length === 0) return null;
  return (
    <View className='gz-card gz-chain'>
      <Text className='gz-section-title'>办理链条</Text>
      <View className='gz-timeline gz-chain__list'>
        {stages.map((stage, index) => {
          const current = stage.endedAt === null;
          return (
            <View
              key={`${stage.startedAt}-${index}`}
              className={`gz-chain-item gz-chain-item--${stage.kind.toLowerCase()} ${current ? 'gz-chain-item--latest gz-chain-item--current' : ''}`}
            >
              <View className='gz-chain-item__dot' />
              <View className='gz-chain-item__content'>
                <View className='gz-chain-item__head'>
                  <Text className='gz-chain-item__action'>{stage.title}</Text>
                  <Text className='gz-chain-item__duration'>
                    {current ? `已 ${formatDuration(stage.durationMs)}` : `历时 ${formatDuration(stage.durationMs)}`}
                  </Text>
                </View>
                <Text className='gz-chain-item__actor'>
                  {stage.cause} · {formatDateTime(stage.startedAt)}
                  {stage.endedAt ? ` 至 ${formatDateTime(stage.endedAt)}` : ' 至今'}
                </Text>
                <Text className='gz-chain-item__note gz-chain-item__holders'>
                  {stage.holders.length ? stage.holders.join('、') : stage.kind === 'RESIDENT' ? '等待居民评价' : '尚未签收'}
                </Text>
              </View>
            </View>
          );
        })}
      </View>
    </View>
  );
}
