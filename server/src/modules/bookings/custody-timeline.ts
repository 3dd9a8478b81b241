import { CUSTODY_STEP_LABELS, CustodyEventView } from '@gezhi/shared';
import { EntityManager, In } from 'typeorm';
import { displayName, User } from '../users/user.entity';
import { BookingCustodyEventEntity } from './booking.entity';

/** The custody timelines (proxy errands) of some bookings, oldest step first; bookings without steps are absent. */
export async function loadCustody(manager: EntityManager, bookingIds: readonly number[]): Promise<Map<number, CustodyEventView[]>> {
  const timelines = new Map<number, CustodyEventView[]>();
  if (bookingIds.length === 0) return timelines;
  const events = await manager.find(BookingCustodyEventEntity, { where: { bookingId: In([...new Set(bookingIds)]) }, order: { id: 'ASC' } });
  if (events.length === 0) return timelines;
  const actors = await manager.find(User, { select: { id: true, realName: true, nickname: true }, where: { id: In([...new Set(events.map((e) => e.actorUserId))]) } });
  const names = new Map(actors.map((u) => [u.id, displayName(u)]));
  for (const event of events) {
    const list = timelines.get(event.bookingId) ?? [];
    list.push({
      step: event.step,
      stepLabel: CUSTODY_STEP_LABELS[event.step],
      documents: event.documents,
      office: event.office,
      note: event.note,
      actorName: names.get(event.actorUserId) ?? '工作人员',
      at: event.createdAt.toISOString(),
    });
    timelines.set(event.bookingId, list);
  }
  return timelines;
}
