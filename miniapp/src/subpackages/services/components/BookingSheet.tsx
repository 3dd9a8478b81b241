import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { SERVICE_LIMITS, ServiceKind, shanghaiDayOf, type ServiceOfferingView, type SlotView } from '@gezhi/shared';
import { Button } from '../../../ui/nutui';
import { charCount } from '../../../utils/format';
import { dayLabel, slotTimeText, visitsHome } from '../../../utils/service-format';

export interface BookingSheetProps {
  service: ServiceOfferingView;
  slot: SlotView;
  /** the bound home's address (上门 / 打包 visits go there) */
  address: string | null;
  submitting: boolean;
  /** a failure that keeps the sheet open (e.g. 您已预约该时段) */
  problem: string;
  onConfirm: (note: string | undefined) => void;
  onClose: () => void;
}

/**
 * The second booking tap: what was picked (date, time, the address for 上门/打包, the documents for 代办), an optional
 * note, and 确认预约. Hooks: `gz-booking-sheet`, `gz-booking-note`, `gz-booking-confirm`.
 */
export function BookingSheet({ service, slot, address, submitting, problem, onConfirm, onClose }: BookingSheetProps) {
  const [note, setNote] = useState('');
  const length = charCount(note.trim());
  const tooLong = length > SERVICE_LIMITS.bookingNoteMax;

  const confirm = () => {
    if (tooLong || submitting) return;
    onConfirm(note.trim() ? note.trim() : undefined);
  };

  return (
    <View className='gz-sheet gz-booking-sheet'>
      <View className='gz-sheet__mask' onClick={submitting ? undefined : onClose} />
      <View className='gz-sheet__panel'>
        <Text className='gz-section-title'>确认预约</Text>
        <View className='gz-sheet__row'>
          <Text className='gz-sheet__label'>服务</Text>
          <Text className='gz-sheet__value'>{service.name}</Text>
        </View>
        <View className='gz-sheet__row'>
          <Text className='gz-sheet__label'>日期</Text>
          <Text className='gz-sheet__value gz-booking-sheet__date'>{dayLabel(shanghaiDayOf(slot.startsAt))}</Text>
        </View>
        <View className='gz-sheet__row'>
          <Text className='gz-sheet__label'>时间</Text>
          <Text className='gz-sheet__value gz-booking-sheet__time'>{slotTimeText(slot)}</Text>
        </View>
        {visitsHome(service.kind) ? (
          <View className='gz-sheet__row'>
            <Text className='gz-sheet__label'>上门地址</Text>
            <Text className='gz-sheet__value gz-booking-sheet__address'>{address ?? '（未绑定住址）'}</Text>
          </View>
        ) : null}
        {service.kind === ServiceKind.Proxy && service.requiredDocuments.length ? (
          <View className='gz-sheet__row'>
            <Text className='gz-sheet__label'>请准备</Text>
            <Text className='gz-sheet__value gz-booking-sheet__documents'>{service.requiredDocuments.join('、')}</Text>
          </View>
        ) : null}
        <Text className='gz-field-label'>备注（选填）</Text>
        <Textarea
          className='gz-textarea gz-booking-note'
          value={note}
          placeholder={visitsHome(service.kind) ? '如：楼道门禁密码、方便上门的时间' : '想告诉服务人员的话'}
          maxlength={-1}
          onInput={(e) => setNote(e.detail.value)}
        />
        <Text className={`gz-counter ${tooLong ? 'gz-counter--over' : ''}`}>
          {length}/{SERVICE_LIMITS.bookingNoteMax}
        </Text>
        {tooLong ? <Text className='gz-field-error'>备注不能超过 {SERVICE_LIMITS.bookingNoteMax} 字</Text> : null}
        {problem ? <Text className='gz-form-error gz-booking-sheet__problem'>{problem}</Text> : null}
        <View className='gz-button-row'>
          <Button size='large' onClick={onClose} disabled={submitting}>
            再想想
          </Button>
          <Button className='gz-booking-confirm' type='primary' size='large' loading={submitting} disabled={submitting} onClick={confirm}>
            确认预约
          </Button>
        </View>
      </View>
    </View>
  );
}
