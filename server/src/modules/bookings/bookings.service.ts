import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BOOKING_STATUS_LABELS,
  BookingStatus,
  BookingView,
  CustodyEventView,
  ErrorCode,
  isEligible,
  maskPersonName,
  Page,
  PageQuery,
  SERVICE_KIND_LABELS,
  UploadedPhoto,
} from '@gezhi/shared';
import { DataSource, EntityManager, In } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { pageWindow, toPage } from '../../common/http/pagination';
import { insertRow } from '../../database/insert-row';
import { entitySelection } from '../../database/raw-select';
import { isUniqueViolation } from '../../database/unique-violations';
import { Grid } from '../geo/geo.entities';
import { RoomDirectory } from '../geo/room-directory';
import { formatAddress } from '../geo/room-placement';
import { NotificationsService } from '../notifications/notifications.service';
import type { Notice } from '../notifications/request-notices';
import { ServiceCatalogueService } from '../services/service-catalogue.service';
import { ServiceOfferingEntity, ServiceSlotEntity } from '../services/service.entities';
import { UploadsService } from '../uploads/uploads.service';
import { displayName, tagsOf, User } from '../users/user.entity';
import { bookedSlot, bookingRating, completionPhotoIdsOf, noticeBookingOf } from './booking-parts';
import { BookingEntity } from './booking.entity';
import { bundleComponents } from './bundle-components';
import { loadCustody } from './custody-timeline';
import { bookedNoticeForProvider, bookedNoticeForResident, cancelledNoticeForProvider } from './domain/booking-notices';
import { bookingOpen, cancelRefusal, rateRefusal, visitsHome } from './domain/booking-rules';
import { visitProviderUserId } from './domain/visit-access';
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
    private readonly notifications: NotificationsService,
    private readonly uploads: UploadsService,
    private readonly clock: Clock,
  ) {}

  private targetQuery: {
    sql: string;
    slot: (record: Record<string, unknown>) => ServiceSlotEntity;
    service: (record: Record<string, unknown>) => ServiceOfferingEntity;
  } | null = null;

  async book(resident: User, body: CreateBookingDto): Promise<BookingView> {
    const target = await this.bookingTarget(body.slotId, resident.id);
    if (!target) throw new DomainError(ErrorCode.NotFound);
    const { slot } = target;
    // the service must be in the resident's home community (409 HOME_NOT_BOUND without a home, 404 otherwise)
    const service = await this.catalogue.assertVisible(resident, target.service);
    const place = resident.roomId ? await this.rooms.placementOf(resident.roomId) : null;
    if (!isEligible({ mode: service.eligibilityMode, tags: service.eligibilityTags }, tagsOf(resident))) throw new DomainError(ErrorCode.NotEligible);
    const now = this.clock.now();
    if (!bookingOpen(slot.startsAt, now)) throw new DomainError(ErrorCode.SlotClosed);
    // the usual double tap answered without a failed INSERT; the unique index below decides races
    if (target.alreadyBooked) throw new DomainError(ErrorCode.AlreadyBooked);
    // already full when read: answered without a transaction (the conditional UPDATE below decides every race)
    if (slot.booked >= slot.capacity) throw new DomainError(ErrorCode.SlotFull);
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
      completionPhotoIds: null,
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
    const providerUserId = visitProviderUserId(
      { bookingGridId: booking.gridId, providerKind: service.providerKind, coordinatorUserId: service.coordinatorUserId, communityId: service.communityId },
      place?.gridLeaderUserId ?? null,
    );
    try {
      // a lost lock race answers 409 CONCURRENT_MODIFICATION (the error envelope's one rule), never a 500
      await this.dataSource.transaction(async (manager) => {
        try {
          booking.id = await insertRow(manager, BookingEntity, booking);
        } catch (error) {
          if (isUniqueViolation(error)) throw new DomainError(ErrorCode.AlreadyBooked);
          throw error;
        }
        const about = noticeBookingOf(booking, service);
        const notices: Notice[] = [bookedNoticeForResident(resident.id, about)];
        if (providerUserId !== null) notices.push(bookedNoticeForProvider(providerUserId, about, maskPersonName(displayName(resident))));
        await this.notifications.deliver(manager, notices, now);
        // the claim comes last: the hot row's lock is then held only for this statement and the commit
        const claim = await manager
          .createQueryBuilder()
          .update(ServiceSlotEntity)
          .set({ booked: () => 'booked + 1', version: () => 'version + 1' })
          .where('id = :id AND booked < capacity', { id: slot.id })
          .execute();
        if (claim.affected !== 1) throw new DomainError(ErrorCode.SlotFull);
      });
    } catch (error) {
      // an officer removed the slot meanwhile: that is not 「已约满」
      if (error instanceof DomainError && error.code === ErrorCode.SlotFull && !(await this.dataSource.getRepository(ServiceSlotEntity).existsBy({ id: slot.id }))) {
        throw new DomainError(ErrorCode.NotFound);
      }
      throw error;
    }
    const components = (await bundleComponents(this.dataSource.manager, [service])).get(service.id);
    return this.view(booking, slot, service, await this.addressOf(booking, service), now, [], components);
  }

  /**
   * What a booking needs to know first, in one round trip (the hot path of a popular slot): the slot, its service,
   * and whether the resident already holds a place in it.
   */
  private async bookingTarget(slotId: number, residentUserId: number): Promise<{ slot: ServiceSlotEntity; service: ServiceOfferingEntity; alreadyBooked: boolean } | null> {
    if (!this.targetQuery) {
      const slot = entitySelection(this.dataSource, ServiceSlotEntity, 's');
      const service = entitySelection(this.dataSource, ServiceOfferingEntity, 'o');
      const q = (name: string) => this.dataSource.driver.escape(name);
      this.targetQuery = {
        sql:
          `SELECT ${slot.columns}, ${service.columns}, ` +
          `EXISTS (SELECT 1 FROM ${q('booking')} ${q('b')} WHERE ${q('b')}.${q('slotId')} = ${q('s')}.${q('id')} AND ${q('b')}.${q('residentUserId')} = ? AND ${q('b')}.${q('activeGuard')} = 1) AS ${q('alreadyBooked')} ` +
          `FROM ${q('service_slot')} ${q('s')} INNER JOIN ${q('service_offering')} ${q('o')} ON ${q('o')}.${q('id')} = ${q('s')}.${q('serviceId')} ` +
          `WHERE ${q('s')}.${q('id')} = ?`,
        slot: slot.hydrate,
        service: service.hydrate,
      };
    }
    const [record]: Record<string, unknown>[] = await this.dataSource.query(this.targetQuery.sql, [residentUserId, slotId]);
    if (!record) return null;
    return { slot: this.targetQuery.slot(record), service: this.targetQuery.service(record), alreadyBooked: Number(record.alreadyBooked) === 1 };
  }

  /** One of the resident's own bookings (404 NOT_FOUND for anyone else's). */
  async detail(resident: User, id: number): Promise<BookingView> {
    const booking = await this.dataSource.getRepository(BookingEntity).findOneBy({ id });
    if (!booking || booking.residentUserId !== resident.id) throw new DomainError(ErrorCode.NotFound);
    const [view] = await this.views([booking]);
    return view;
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
    return toPage(await this.views(rows), total, window);
  }

  /** Views of some bookings with their slots, services, custody, bundle components and photos (a few queries in all). */
  private async views(rows: BookingEntity[]): Promise<BookingView[]> {
    const slotIds = [...new Set(rows.map((b) => b.slotId))];
    const serviceIds = [...new Set(rows.map((b) => b.serviceId))];
    const [slots, services, custody, photos] = await Promise.all([
      slotIds.length ? this.dataSource.getRepository(ServiceSlotEntity).findBy({ id: In(slotIds) }) : [],
      serviceIds.length ? this.dataSource.getRepository(ServiceOfferingEntity).findBy({ id: In(serviceIds) }) : [],
      loadCustody(this.dataSource.manager, rows.map((b) => b.id)),
      this.uploads.viewsOf(rows.flatMap(completionPhotoIdsOf)),
    ]);
    const slotById = new Map(slots.map((s) => [s.id, s]));
    const serviceById = new Map(services.map((s) => [s.id, s]));
    const now = this.clock.now();
    const components = await bundleComponents(this.dataSource.manager, services);
    return Promise.all(
      rows.map(async (booking) => {
        const service = serviceById.get(booking.serviceId) as ServiceOfferingEntity;
        return this.view(
          booking,
          slotById.get(booking.slotId),
          service,
          await this.addressOf(booking, service),
          now,
          custody.get(booking.id),
          components.get(service.id),
          photos,
        );
      }),
    );
  }

  /** 取消预约: up to the cut-off before the slot; the place is freed in the same transaction. */
  async cancel(resident: User, id: number): Promise<BookingView> {
    const booking = await this.dataSource.getRepository(BookingEntity).findOneBy({ id });
    if (!booking || booking.residentUserId !== resident.id) throw new DomainError(ErrorCode.NotFound);
    const [slot, service] = await Promise.all([
      this.dataSource.getRepository(ServiceSlotEntity).findOneBy({ id: booking.slotId }),
      this.dataSource.getRepository(ServiceOfferingEntity).findOneByOrFail({ id: booking.serviceId }),
    ]);
    const now = this.clock.now();
    const refusal = cancelRefusal(booking.status, booking.slotStartsAt, now);
    if (refusal) throw new DomainError(refusal);
    const gridLeaderUserId =
      booking.gridId === null
        ? null
        : ((await this.dataSource.getRepository(Grid).findOne({ select: { id: true, leaderUserId: true }, where: { id: booking.gridId } }))?.leaderUserId ?? null);
    const providerUserId = visitProviderUserId(
      { bookingGridId: booking.gridId, providerKind: service.providerKind, coordinatorUserId: service.coordinatorUserId, communityId: service.communityId },
      gridLeaderUserId,
    );
    const cancelled: BookingEntity = {
      ...booking,
      status: BookingStatus.Cancelled,
      activeGuard: null,
      version: booking.version + 1,
      updatedAt: now,
      cancelledAt: now,
    };
    // a lost lock race answers 409 CONCURRENT_MODIFICATION (the error envelope's one rule), never a 500
      await this.dataSource.transaction(async (manager) => {
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
        .where('id = :id AND booked > 0', { id: booking.slotId })
        .execute();
      if (providerUserId !== null) {
        await this.notifications.deliver(manager, [cancelledNoticeForProvider(providerUserId, noticeBookingOf(booking, service), maskPersonName(displayName(resident)))], now);
      }
    });
    const custody = (await loadCustody(this.dataSource.manager, [id])).get(id);
    const components = (await bundleComponents(this.dataSource.manager, [service])).get(service.id);
    return this.view(cancelled, slot, service, await this.addressOf(cancelled, service), now, custody, components);
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
    const [view] = await this.views([rated]);
    return view;
  }

  private async addressOf(booking: BookingEntity, service: ServiceOfferingEntity): Promise<string | null> {
    if (!visitsHome(service.kind) || booking.roomId === null) return null;
    const place = await this.rooms.placementOf(booking.roomId);
    return place ? formatAddress(place) : null;
  }

  private view(
    booking: BookingEntity,
    slotRow: ServiceSlotEntity | null | undefined,
    service: ServiceOfferingEntity,
    address: string | null,
    now: Date,
    custody: CustodyEventView[] = [],
    components: { id: number; name: string }[] = [],
    photos: ReadonlyMap<string, UploadedPhoto> = new Map(),
  ): BookingView {
    const slot = bookedSlot(booking, slotRow, service);
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
      rating: bookingRating(booking),
      canRate: rateRefusal(booking.status, booking.ratedAt) === null,
      custody,
      completionPhotos: completionPhotoIdsOf(booking)
        .map((photoId) => photos.get(photoId))
        .filter((photo): photo is UploadedPhoto => photo !== undefined),
    };
  }
}
