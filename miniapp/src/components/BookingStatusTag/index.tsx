import { BookingStatus } from '@gezhi/shared';
import { Tag } from '../../ui/nutui';

type TagType = 'default' | 'primary' | 'info' | 'success' | 'warning' | 'danger';

const BOOKING_TAG_TYPES: Record<BookingStatus, TagType> = {
  [BookingStatus.Booked]: 'primary',
  [BookingStatus.Confirmed]: 'info',
  [BookingStatus.Arrived]: 'warning',
  [BookingStatus.Completed]: 'success',
  [BookingStatus.NoShow]: 'danger',
  [BookingStatus.Cancelled]: 'default',
};

/** A booking's status (已预约 / 已确认 / … from the server's statusLabel); same look and hook as the request tags. */
export function BookingStatusTag({ status, label }: { status: BookingStatus; label: string }) {
  return (
    <Tag className={`gz-status-tag gz-booking-status gz-booking-status--${status.toLowerCase()}`} type={BOOKING_TAG_TYPES[status]} round>
      {label}
    </Tag>
  );
}
