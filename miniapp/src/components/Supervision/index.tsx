import { Text, View } from '@tarojs/components';
import { SUPERVISION_LABELS, type Supervision } from '@gezhi/shared';
import { formatDateTime } from '../../utils/format';

/** 督办 tag: yellow 即将超时, red 已超时 (nothing for NONE). */
export function SupervisionTag({ supervision }: { supervision?: Supervision | null }) {
  if (!supervision || supervision === 'NONE') return null;
  return <Text className={`gz-supervision gz-supervision--${supervision.toLowerCase()}`}>{SUPERVISION_LABELS[supervision]}</Text>;
}

/** "时限 今天 17:00" with the supervision tag, on inbox cards. */
export function DueLine({ dueAt, supervision, label = '时限' }: { dueAt?: string | null; supervision?: Supervision | null; label?: string }) {
  if (!dueAt) return null;
  return (
    <View className={`gz-due gz-due--${(supervision ?? 'NONE').toLowerCase()}`}>
      <Text className='gz-due__time'>
        {label} {formatDateTime(dueAt)}
      </Text>
      <SupervisionTag supervision={supervision} />
    </View>
  );
}
