import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Channel, CHANNEL_LABELS, LIMITS, type RoomOption } from '@gezhi/shared';
import { createRequest, listRoomsInScope } from '../../../../api/endpoints';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { LoadState } from '../../../../components/LoadState';
import { RequestForm } from '../../../../components/RequestForm';
import { HouseholdMemberPicker, type HouseholdChoice } from '../../filing/HouseholdMemberPicker';
import { useRemote } from '../../../../hooks/useRemote';
import { replaceWithRequestDetail } from '../../../../navigation';
import { useSession } from '../../../../session/session';
import { toastSuccess } from '../../../../utils/confirm';
import { charCount } from '../../../../utils/format';
import './index.scss';

/** Channels staff record items from (a resident's own filing is MINI_PROGRAM). */
const CHANNEL_OPTIONS = [Channel.Phone, Channel.WalkIn, Channel.Patrol, Channel.SuggestionBox, Channel.Deliberation].map(
  (value) => ({ value, label: CHANNEL_LABELS[value] }),
);
const PHONE_PATTERN = /^[0-9+\- ]{7,20}$/;
const roomLabel = (room: RoomOption) => `${room.unitName} ${room.roomNumber}`;

interface OnBehalfErrors {
  room?: string;
  member?: string;
  channel?: string;
  contactName?: string;
  contactPhone?: string;
}

/**
 * 代居民登记: a phone call, walk-in or patrol finding, filed into the same ledger with the same form — for a registered
 * member of the room's household (the item is theirs) or for someone not registered (name and phone).
 */
export default function FileOnBehalfPage() {
  const { me } = useSession();
  const rooms = useRemote(() => listRoomsInScope(me?.staff?.communityId), [me?.staff?.communityId]);
  const [filter, setFilter] = useState('');
  const [room, setRoom] = useState<RoomOption | null>(null);
  const [member, setMember] = useState<HouseholdChoice | null>(null);
  const [channel, setChannel] = useState<Channel | ''>('');
  const [contactName, setContactName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [errors, setErrors] = useState<OnBehalfErrors>({});

  const validateHeader = (): boolean => {
    const next: OnBehalfErrors = {};
    if (!room) next.room = '请选择居民的房屋';
    else if (!member) next.member = '请选择为哪位居民登记，或选择「非注册居民」';
    if (!channel) next.channel = '请选择来源渠道';
    if (member?.kind === 'unregistered') {
      if (charCount(contactName.trim()) > LIMITS.contactNameMax) next.contactName = `联系人不能超过 ${LIMITS.contactNameMax} 个字`;
      if (contactPhone.trim() && !PHONE_PATTERN.test(contactPhone.trim())) next.contactPhone = '请填写正确的电话号码';
    }
    setErrors(next);
    return Object.keys(next).length === 0;
  };

  const chooseRoom = (next: RoomOption | null) => {
    setRoom(next);
    setMember(null);
  };

  const matching = (rooms.data ?? []).filter((r) => !filter.trim() || roomLabel(r).includes(filter.trim()));

  const header = (
    <>
      <View className='gz-card'>
        <Text className='gz-section-title'>居民房屋</Text>
        {room ? (
          <View className='gz-row-between gz-on-behalf__room'>
            <Text>{roomLabel(room)}</Text>
            <Text className='gz-on-behalf__change' onClick={() => chooseRoom(null)}>
              重新选择
            </Text>
          </View>
        ) : (
          <>
            <Input
              className='gz-input gz-room-filter'
              value={filter}
              placeholder='输入单元或房号筛选，如 501'
              onInput={(e) => setFilter(e.detail.value)}
            />
            <LoadState
              loading={rooms.loading}
              error={rooms.error}
              onRetry={rooms.reload}
              isEmpty={matching.length === 0}
              emptyTitle='没有匹配的房屋'
            >
              <View className='gz-on-behalf__rooms'>
                {matching.slice(0, 60).map((r) => (
                  <View key={r.id} className='gz-chip gz-room-option' onClick={() => chooseRoom(r)}>
                    {roomLabel(r)}
                  </View>
                ))}
              </View>
              {matching.length > 60 ? <Text className='gz-hint'>仅显示前 60 个，请输入房号筛选</Text> : null}
            </LoadState>
          </>
        )}
        {errors.room ? <Text className='gz-field-error'>{errors.room}</Text> : null}
        {room ? <HouseholdMemberPicker roomId={room.id} value={member} onChange={setMember} /> : null}
        {errors.member ? <Text className='gz-field-error'>{errors.member}</Text> : null}
      </View>
      <View className='gz-card'>
        <Text className='gz-section-title'>来源渠道</Text>
        <ChoiceChips className='gz-channel' options={CHANNEL_OPTIONS} value={channel} onChange={setChannel} />
        {errors.channel ? <Text className='gz-field-error'>{errors.channel}</Text> : null}
      </View>
      {member?.kind === 'unregistered' ? (
        <View className='gz-card'>
          <Text className='gz-section-title'>非注册居民</Text>
          <Text className='gz-field-label'>姓名（选填）</Text>
          <Input className='gz-input gz-contact-name' value={contactName} placeholder='来访或来电居民的姓名' onInput={(e) => setContactName(e.detail.value)} />
          {errors.contactName ? <Text className='gz-field-error'>{errors.contactName}</Text> : null}
          <Input
            className='gz-input gz-contact-phone'
            type='number'
            value={contactPhone}
            placeholder='联系电话（仅工作人员可见，脱敏显示）'
            onInput={(e) => setContactPhone(e.detail.value)}
          />
          {errors.contactPhone ? <Text className='gz-field-error'>{errors.contactPhone}</Text> : null}
        </View>
      ) : null}
    </>
  );

  return (
    <View className='gz-page'>
      <RequestForm
        header={header}
        validateHeader={validateHeader}
        onSubmit={async (values) => {
          const forWhom =
            member?.kind === 'resident'
              ? { residentUserId: member.userId }
              : { contactName: contactName.trim() || undefined, contactPhone: contactPhone.trim() || undefined };
          const created = await createRequest({ ...values, roomId: room!.id, channel: channel as Channel, ...forWhom });
          toastSuccess('已登记');
          void replaceWithRequestDetail(created.id, true);
        }}
      />
    </View>
  );
}
