import { Text, View } from '@tarojs/components';
import type { RoomResidentOption } from '@gezhi/shared';
import { listRoomResidents } from '../../../api/endpoints';
import { LoadState } from '../../../components/LoadState';
import { useRemote } from '../../../hooks/useRemote';
import './filing.scss';

/** Whom an item filed for a room is for: a registered member of the household (it is theirs), or someone not registered. */
export type HouseholdChoice = { kind: 'resident'; userId: number; label: string } | { kind: 'unregistered' };

export interface HouseholdMemberPickerProps {
  roomId: number;
  value: HouseholdChoice | null;
  onChange: (choice: HouseholdChoice) => void;
}

export const memberLabel = (member: RoomResidentOption) => (member.phoneMasked ? `${member.nameMasked} · ${member.phoneMasked}` : member.nameMasked);

/**
 * 为谁登记: the room's registered residents (masked: 宋** · 136****2345) and 「非注册居民」. Picking a resident makes
 * the item theirs — 我的诉求, notices, their rating; 非注册居民 keeps it a walk-in under the contact staff write down.
 */
export function HouseholdMemberPicker({ roomId, value, onChange }: HouseholdMemberPickerProps) {
  const members = useRemote(() => listRoomResidents(roomId), [roomId]);
  const list = members.data ?? [];
  return (
    <View className='gz-household'>
      <Text className='gz-field-label'>为谁登记</Text>
      <LoadState loading={members.loading} error={members.error} onRetry={members.reload}>
        {list.length === 0 ? <Text className='gz-hint gz-household__empty'>该房屋暂无注册居民，请按「非注册居民」登记</Text> : null}
        <View className='gz-chips gz-household__options'>
          {list.map((member) => (
            <View
              key={member.userId}
              className={`gz-chip gz-household__member ${value?.kind === 'resident' && value.userId === member.userId ? 'gz-chip--active' : ''}`}
              onClick={() => onChange({ kind: 'resident', userId: member.userId, label: memberLabel(member) })}
            >
              {memberLabel(member)}
            </View>
          ))}
          <View
            className={`gz-chip gz-household__unregistered ${value?.kind === 'unregistered' ? 'gz-chip--active' : ''}`}
            onClick={() => onChange({ kind: 'unregistered' })}
          >
            非注册居民
          </View>
        </View>
        {value?.kind === 'resident' ? (
          <Text className='gz-hint gz-household__owner-hint'>登记后归属该居民：可在「我的诉求」查看进度、收到通知并评价</Text>
        ) : null}
      </LoadState>
    </View>
  );
}
