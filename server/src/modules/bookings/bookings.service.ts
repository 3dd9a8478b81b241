import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BOOKING_STATUS_LABELS,
  BookingStatus,
  BookingView,
  CustodyEventView,
  ErrorCode,
  isEligible,
  Page,
  PageQuery,
  SERVICE_KIND_LABELS,
} from '@gezhi/shared';
import { DataSource, EntityManager, In } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { pageWindow, toPage } from '../../common/http/pagination';
import { insertRow } from '../../database/insert-row';
import { isLockConflict } from '../../database/lock-conflicts';
import { isUniqueViolation } from '../../database/unique-violations';
import { RoomDirectory } from '../geo/room-directory';
import { formatAddress } from '../geo/room-placement';
import { ServiceCatalogueService } from '../services/service-catalogue.service';
import { ServiceOfferingEntity, ServiceSlotEntity } from '../services/service.entities';
import { tagsOf, User } from '../users/user.entity';
import { BookingEntity } from './booking.entity';
import { bundleComponents } from './bundle-components';
import { loadCustody } from './custody-timeline';
import { bookingOpen, cancelRefusal, rateRefusal, visitsHome } from './domain/booking-rules';
import { RateDto } from '../requests/dto/request.dto';
import { CreateBookingDto } from './dto/booking.dto';

/**
 * Residents' bookings. A place is claimed with ONE conditional update
 * (`UPDATE service_slot SET booked = booked + 1 … WHERE id = ? AND booked < capacity`) in the transaction that
 * inserts the booking; the unique (slotId, residentUserId, activeGuard) index refuses a second active booking.
 * No row is read-then-written and no SELECT … FOR UPDATE is used, so capacity holds with any number of instances.
 */
@Injectable()
export class BookingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: ServiceCatalogueService,
    private readonly rooms: RoomDirectory,
    private readonly clock: Clock,
  ) {}

  async book(resident: User, body: CreateBookingDto): Promise<BookingView> {
    const slot = await this.dataSource.getRepository(ServiceSlotEntity).findOneBy({ id: body.slotId });
    if (!slot) throw new DomainError(ErrorCode.NotFound);
    // the service must be in the resident's home community (409 HOME_NOT_BOUND without a home, 404 otherwise)
    const service = await this.catalogue.findVisible(resident, slot.serviceId);
    const place = resident.roomId ? await this.rooms.placementOf(resident.roomId) : null;
    if (!isEligible({ mode: service.eligibilityMode, tags: service.eligibilityTags }, tagsOf(resident))) throw new DomainError(ErrorCode.NotEligible);
    const now = this.clock.now();
    if (!bookingOpen(slot.startsAt, now)) throw new DomainError(ErrorCode.SlotClosed);
    // the usual double tap answered without a failed INSERT; the unique index below decides races
    if (await this.dataSource.getRepository(BookingEntity).existsBy({ slotId: slot.id, residentUserId: resident.id, activeGuard: 1 })) {
      throw new DomainError(ErrorCode.AlreadyBooked);
    }
    const booking: BookingEntity = {
      id: 0,
      slotId: slot.id,
      serviceId: service.id,
      residentUserId: resident.id,
      roomId: resident.roomId,
      gridId: place?.gridId ?? null,
      slotStartsAt: slot.startsAt,
      note: body.note || null,
      providerUserId: null,
      providerNote: null,
      completedAt: null,
      ratingSpeed: null,
      ratingEffect: null,
      ratingAttitude: null,
      ratingComment: null,
      ratedAt: null,
      status: BookingStatus.Booked,
      activeGuard: 1,
      version: 1,
      createdAt: now,
      updatedAt: now,
      cancelledAt: null,
    };
    await this.inTransaction(async (manager) => {
      try {
        booking.id = await insertRow(manager, BookingEntity, booking);
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError(ErrorCode.AlreadyBooked);
        throw error;
      }
      const claim = await manager
        .createQueryBuilder()
        .update(ServiceSlotEntity)
        .set({ booked: () => 'booked + 1', version: () => 'version + 1' })
        .where('id = :id AND booked < capacity', { id: slot.id })
        .execute();
      if (claim.affected !== 1) throw new DomainError(ErrorCode.SlotFull);
    });
    const components = (await bundleComponents(this.dataSource.manager, [service])).get(service.id);
    return this.view(booking, slot, service, await this.addressOf(booking, service), now, [], components);
  }

  /** The resident's own bookings, newest first. */
  async mine(resident: User, query: PageQuery): Promise<Page<BookingView>> {
    const window = pageWindow(query);
    const [rows, total] = await this.dataSource.getRepository(BookingEntity).findAndCount({
      where: { residentUserId: resident.id },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: window.skip,
      take: window.pageSize,
    });
    const slotIds = [...new Set(rows.map((b) => b.slotId))];
    const serviceIds = [...new Set(rows.map((b) => b.serviceId))];
    const [slots, services] = await Promise.all([
      slotIds.length ? this.dataSource.getRepository(ServiceSlotEntity).findBy({ id: In(slotIds) }) : [],
      serviceIds.length ? this.dataSource.getRepository(ServiceOfferingEntity).findBy({ id: In(serviceIds) }) : [],
    ]);
    const slotById = new Map(slots.map((s) => [s.id, s]));
    const serviceById = new Map(services.map((s) => [s.id, s]));
    const now = this.clock.now();
    const custody = await loadCustody(this.dataSource.manager, rows.map((b) => b.id));
    const components = await bundleComponents(this.dataSource.manager, services);
    const items = await Promise.all(
      rows.map(async (booking) => {
        const service = serviceById.get(booking.serviceId) as ServiceOfferingEntity;
        const slot = slotById.get(booking.slotId) as ServiceSlotEntity;
        return this.view(booking, slot, service, await this.addressOf(booking, service), now, custody.get(booking.id), components.get(service.id));
      }),
    );
    return toPage(items, total, window);
  }

  /** 取消预约: up to the cut-off before the slot; the place is freed in the same transaction. */
  async cancel(resident: User, id: number): Promise<BookingView> {
    const booking = await this.dataSource.getRepository(BookingEntity).findOneBy({ id });
    if (!booking || booking.residentUserId !== resident.id) throw new DomainError(ErrorCode.NotFound);
    const [slot, service] = await Promise.all([
      this.dataSource.getRepository(ServiceSlotEntity).findOneByOrFail({ id: booking.slotId }),
      this.dataSource.getRepository(ServiceOfferingEntity).findOneByOrFail({ id: booking.serviceId }),
    ]);
    const now = this.clock.now();
    const refusal = cancelRefusal(booking.status, slot.startsAt, now);
    if (refusal) throw new DomainError(refusal);
    const cancelled: BookingEntity = {
      ...booking,
      status: BookingStatus.Cancelled,
      activeGuard: null,
      version: booking.version + 1,
      updatedAt: now,
      cancelledAt: now,
    };
    await this.inTransaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(BookingEntity)
        .set({ status: cancelled.status, activeGuard: null, version: cancelled.version, updatedAt: now, cancelledAt: now })
        .where('id = :id AND version = :version', { id, version: booking.version })
        .execute();
      if (result.affected !== 1) throw new DomainError(ErrorCode.ConcurrentModification);
      await manager
        .createQueryBuilder()
        .update(ServiceSlotEntity)
        .set({ booked: () => 'booked - 1', version: () => 'version + 1' })
        .where('id = :id AND booked > 0', { id: slot.id })
        .execute();
    });
    const custody = (await loadCustody(this.dataSource.manager, [id])).get(id);
    const components = (await bundleComponents(this.dataSource.manager, [service])).get(service.id);
    return this.view(cancelled, { ...slot, booked: Math.max(0, slot.booked - 1) }, service, await this.addressOf(cancelled, service), now, custody, components);
  }

  /** 评价: the resident rates a completed visit once, on the three dimensions of request ratings. */
  async rate(resident: User, id: number, body: RateDto): Promise<BookingView> {
    const booking = await this.dataSource.getRepository(BookingEntity).findOneBy({ id });
    if (!booking || booking.residentUserId !== resident.id) throw new DomainError(ErrorCode.NotFound);
    const refusal = rateRefusal(booking.status, booking.ratedAt);
    if (refusal) throw new DomainError(refusal);
    const now = this.clock.now();
    const rated: BookingEntity = {
      ...booking,
      ratingSpeed: body.speed,
      ratingEffect: body.effect,
      ratingAttitude: body.attitude,
      ratingComment: body.comment || null,
      ratedAt: now,
      version: booking.version + 1,
      updatedAt: now,
    };
    const result = await this.dataSource
      .createQueryBuilder()
      .update(BookingEntity)
      .set({
        ratingSpeed: rated.ratingSpeed,
        ratingEffect: rated.ratingEffect,
        ratingAttitude: rated.ratingAttitude,
        ratingComment: rated.ratingComment,
        ratedAt: now,
        version: rated.version,
        updatedAt: now,
      })
      .where('id = :id AND version = :version', { id, version: booking.version })
      .execute();
    if (result.affected !== 1) throw new DomainError(ErrorCode.ConcurrentModification);
    const [slot, service] = await Promise.all([
      this.dataSource.getRepository(ServiceSlotEntity).findOneByOrFail({ id: booking.slotId }),
      this.dataSource.getRepository(ServiceOfferingEntity).findOneByOrFail({ id: booking.serviceId }),
    ]);
    const custody = (await loadCustody(this.dataSource.manager, [id])).get(id);
    const components = (await bundleComponents(this.dataSource.manager, [service])).get(service.id);
    return this.view(rated, slot, service, await this.addressOf(rated, service), now, custody, components);
  }

  private async addressOf(booking: BookingEntity, service: ServiceOfferingEntity): Promise<string | null> {
    if (!visitsHome(service.kind) || booking.roomId === null) return null;
    const place = await this.rooms.placementOf(booking.roomId);
    return place ? formatAddress(place) : null;
  }

  private view(
    booking: BookingEntity,
    slot: ServiceSlotEntity,
    service: ServiceOfferingEntity,
    address: string | null,
    now: Date,
    custody: CustodyEventView[] = [],
    components: { id: number; name: string }[] = [],
  ): BookingView {
    return {
      id: booking.id,
      status: booking.status,
      statusLabel: BOOKING_STATUS_LABELS[booking.status],
      service: { id: service.id, name: service.name, kind: service.kind, kindLabel: SERVICE_KIND_LABELS[service.kind], components },
      slot: { id: slot.id, startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString() },
      address,
      note: booking.note,
      createdAt: booking.createdAt.toISOString(),
      cancelledAt: booking.cancelledAt ? booking.cancelledAt.toISOString() : null,
      canCancel: cancelRefusal(booking.status, slot.startsAt, now) === null,
      providerNote: booking.providerNote,
      rating:
        booking.ratedAt === null
          ? null
          : {
              speed: booking.ratingSpeed as number,
              effect: booking.ratingEffect as number,
              attitude: booking.ratingAttitude as number,
              comment: booking.ratingComment,
              ratedAt: booking.ratedAt.toISOString(),
            },
      canRate: rateRefusal(booking.status, booking.ratedAt) === null,
      custody,
    };
  }

  /** A transaction that lost a lock race (deadlock victim, lock wait timeout, busy SQLite) is a 409, not a 500. */
  private async inTransaction(work: (manager: EntityManager) => Promise<void>): Promise<void> {
    try {
      await this.dataSource.transaction(work);
    } catch (error) {
      if (isLockConflict(error)) throw new DomainError(ErrorCode.ConcurrentModification);
      throw error;
    }
  }
}
