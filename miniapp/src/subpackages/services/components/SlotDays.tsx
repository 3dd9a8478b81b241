import { Text, View } from '@tarojs/components';
import type { SlotView } from '@gezhi/shared';
import { groupSlotsByDay, slotFreeText, slotTimeText } from '../../../utils/service-format';

/** a slot with this many places or fewer shows its count in orange */
const FEW_PLACES = 3;

/**
 * Slots grouped by local day, each with its time and 「余 N 位」 / 「已约满」. Tapping a slot with free places picks it
 * (the first of the two booking taps). Hooks: `gz-slot-day`, `gz-slot` (`--full`; `data-slot-id`).
 */
export function SlotDays({ slots, onPick, disabled = false }: { slots: SlotView[]; onPick: (slot: SlotView) => void; disabled?: boolean }) {
  return (
    <View className='gz-slot-days'>
      {groupSlotsByDay(slots).map((day) => (
        <View key={day.date} className='gz-slot-day' data-date={day.date}>
          <Text className='gz-slot-day__label'>{day.label}</Text>
          <View className='gz-slot-day__slots'>
            {day.slots.map((slot) => {
              const full = slot.free <= 0;
              return (
                <View
                  key={slot.id}
                  className={`gz-slot ${full ? 'gz-slot--full' : ''} ${!full && slot.free <= FEW_PLACES ? 'gz-slot--few' : ''}`}
                  data-slot-id={slot.id}
                  onClick={full || disabled ? undefined : () => onPick(slot)}
                >
                  <Text className='gz-slot__time'>{slotTimeText(slot)}</Text>
                  <Text className='gz-slot__free'>{slotFreeText(slot)}</Text>
                </View>
              );
            })}
          </View>
        </View>
      ))}
    </View>
  );
}
