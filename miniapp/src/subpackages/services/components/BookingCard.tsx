import { Text, View } from '@tarojs/components';
import type { BookingView } from '@gezhi/shared';
import { describeSlotTime } from '../../../utils/service-schedule';
import { BookingStatusTag } from '../../../components/BookingStatusTag';

/** One item of 我的预约: service, time, status, 待评价 when it can be rated. Hook: `gz-booking-card`. */
export function BookingCard({ booking, onClick }: { booking: BookingView; onClick: () => void }) {
  return (
    <View className={`gz-card gz-booking-card gz-booking-card--${booking.status.toLowerCase()}`} onClick={onClick}>
      <View className='gz-booking-card__head'>
        <Text className='gz-booking-card__name'>{booking.service.name}</Text>
        <BookingStatusTag status={booking.status} label={booking.statusLabel} />
      </View>
      <Text className='gz-booking-card__line gz-booking-card__time'>{describeSlotTime(booking.slot)}</Text>
      <Text className='gz-booking-card__line'>
        {booking.service.kindLabel}
        {booking.address ? ` · ${booking.address}` : ''}
      </Text>
      {booking.canRate ? <Text className='gz-booking-card__rate'>待评价</Text> : null}
    </View>
  );
}
