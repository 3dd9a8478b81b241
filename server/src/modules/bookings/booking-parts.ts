import type { RatingView } from '@gezhi/shared';
import type { ServiceOfferingEntity, ServiceSlotEntity } from '../services/service.entities';
import type { BookingEntity } from './booking.entity';
import type { NoticeBooking } from './domain/booking-notices';

/** The resident's rating of a visit, once given. */
export function bookingRating(booking: BookingEntity): RatingView | null {
  if (booking.ratedAt === null) return null;
  return {
    speed: booking.ratingSpeed as number,
    effect: booking.ratingEffect as number,
    attitude: booking.ratingAttitude as number,
    comment: booking.ratingComment,
    ratedAt: booking.ratedAt.toISOString(),
  };
}

/**
 * The booking's slot as shown: the slot row, or — when an officer removed the slot after its bookings were
 * cancelled — the booking's own copy of the start and the service's duration.
 */
export function bookedSlot(booking: BookingEntity, slot: ServiceSlotEntity | undefined | null, service: ServiceOfferingEntity): { id: number; startsAt: Date; endsAt: Date } {
  if (slot) return { id: slot.id, startsAt: slot.startsAt, endsAt: slot.endsAt };
  return { id: booking.slotId, startsAt: booking.slotStartsAt, endsAt: new Date(booking.slotStartsAt.getTime() + service.durationMinutes * 60_000) };
}

/** What a booking notice names: the service and the time of the visit. */
export function noticeBookingOf(booking: BookingEntity, service: ServiceOfferingEntity): NoticeBooking {
  return { id: booking.id, serviceName: service.name, slotStartsAt: booking.slotStartsAt };
}

/** The completion photos of a booking, in the order attached. */
export function completionPhotoIdsOf(booking: BookingEntity): string[] {
  return booking.completionPhotoIds ?? [];
}
