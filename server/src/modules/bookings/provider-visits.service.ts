import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BOOKING_STATUS_LABELS,
  BookingStatus,
  CustodyStep,
  ErrorCode,
  FieldErrorCode,
  maskPersonName,
  maskPhone,
  ProviderKind,
  ProviderVisitView,
  Role,
  SERVICE_KIND_LABELS,
  shanghaiDayAt,
  shanghaiDayOf,
  UploadedPhoto,
  VisitAction,
} from '@gezhi/shared';
import { Between, DataSource, EntityManager, In, Not } from 'typeorm';
import { Clock } from '../../common/clock';
import { Permission } from '@gezhi/shared';
import { requireAccess } from '../../access/require-access';
import { DomainError } from '../../common/errors/domain-error';
import { insertRow } from '../../database/insert-row';
import { isUniqueViolation } from '../../database/unique-violations';
import { RoomDirectory } from '../geo/room-directory';
import { formatAddress } from '../geo/room-placement';
import { NotificationsService } from '../notifications/notifications.service';
import { ServiceOfferingEntity } from '../services/service.entities';
import { UploadsService } from '../uploads/uploads.service';
import { displayName, User } from '../users/user.entity';
import { bookingRating, completionPhotoIdsOf, noticeBookingOf } from './booking-parts';
import { BookingCustodyEventEntity, BookingEntity } from './booking.entity';
import { bundleComponents } from './bundle-components';
import { loadCustody } from './custody-timeline';
import { custodyNoticeForResident, visitNoticeForResident } from './domain/booking-notices';
import { availableVisitActions, nextCustodyStep, visitTransition } from './domain/booking-rules';
import { providesVisit, VisitAssignment } from './domain/visit-access';
import { CompleteVisitDto, CustodyStepDto, VisitPlanQueryDto } from './dto/booking.dto';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The provider's day plan: visits ordered by time, with the address. A GRID_STAFF visit is on the plan of the grid
 * leader of the resident's home grid; a VOLUNTEER_TEAM / PARTNER_ORG visit on the plan of the service's coordinator
 * (a grid leader or community officer) — `providesVisit` in domain/visit-access.ts decides, for the plan and for
 * every action. Confirm / arrive / complete with a note and photos / no-show are each a conditional update on the
 * booking's version (409 CONCURRENT_MODIFICATION when someone else acted first) in a transaction that also
 * notifies the resident.
 */
@Injectable()
export class ProviderVisitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rooms: RoomDirectory,
    private readonly notifications: NotificationsService,
    private readonly uploads: UploadsService,
    private readonly clock: Clock,
  ) {}

  async plan(provider: User, query: VisitPlanQueryDto): Promise<ProviderVisitView[]> {
    const communityId = requireAccess(provider, Permission.ProviderVisits, { communityId: provider.communityId });
    const now = this.clock.now();
    const day = query.day ?? shanghaiDayOf(now);
    const from = shanghaiDayAt(day, 0);
    if (Number.isNaN(from.getTime()) || shanghaiDayOf(from) !== day) throw DomainError.validation({ day: FieldErrorCode.OutOfRange });
    const to = new Date(from.getTime() + (query.days ?? 1) * DAY_MS);
    const window = Between(from, new Date(to.getTime() - 1));
    const services = await this.dataSource.getRepository(ServiceOfferingEntity).find({ where: { communityId } });
    // the candidates, by index: grid-staff visits of the leader's grid (gridId, slotStartsAt) and the visits of the
    // services the caller coordinates (serviceId, slotStartsAt); providesVisit then decides each one
    const gridStaffIds = services.filter((s) => s.providerKind === ProviderKind.GridStaff).map((s) => s.id);
    const coordinatedIds = services.filter((s) => s.providerKind !== ProviderKind.GridStaff && s.coordinatorUserId === provider.id).map((s) => s.id);
    const bookings = this.dataSource.getRepository(BookingEntity);
    const active = Not(BookingStatus.Cancelled);
    const [ofGrid, coordinated] = await Promise.all([
      provider.role === Role.GridLeader && provider.gridId !== null && gridStaffIds.length > 0
        ? bookings.find({ where: { gridId: provider.gridId, slotStartsAt: window, status: active, serviceId: In(gridStaffIds) } })
        : [],
      coordinatedIds.length > 0 ? bookings.find({ where: { serviceId: In(coordinatedIds), slotStartsAt: window, status: active } }) : [],
    ]);
    const serviceById = new Map(services.map((s) => [s.id, s]));
    const unique = new Map([...ofGrid, ...coordinated].map((b) => [b.id, b]));
    const visits = [...unique.values()]
      .filter((b) => this.provides(provider, b, serviceById.get(b.serviceId)))
      .sort((a, b) => a.slotStartsAt.getTime() - b.slotStartsAt.getTime() || a.id - b.id);
    return this.views(visits, serviceById, now);
  }

  /** One visit the caller provides (404 NOT_FOUND otherwise, as for the actions). */
  async detail(provider: User, bookingId: number): Promise<ProviderVisitView> {
    const { booking, service } = await this.findProvided(provider, bookingId);
    const [view] = await this.views([booking], new Map([[service.id, service]]), this.clock.now());
    return view;
  }

  async act(provider: User, bookingId: number, action: VisitAction, completion?: CompleteVisitDto): Promise<ProviderVisitView> {
    const { booking, service } = await this.findProvided(provider, bookingId);
    const now = this.clock.now();
    const outcome = visitTransition(action, booking.status, booking.slotStartsAt, now);
    if ('refusal' in outcome) throw new DomainError(outcome.refusal);
    const completing = action === VisitAction.Complete;
    const photoIds = completing ? (completion?.photoIds ?? []) : [];
    // the caller's own uploads only, as for photos on a request's note (404 PHOTO_NOT_FOUND otherwise)
    await this.uploads.ownPhotos(provider.id, photoIds);
    const after: BookingEntity = {
      ...booking,
      status: outcome.to,
      providerUserId: provider.id,
      providerNote: completing ? (completion?.note ?? null) : booking.providerNote,
      completionPhotoIds: completing ? photoIds : booking.completionPhotoIds,
      completedAt: completing ? now : booking.completedAt,
      version: booking.version + 1,
      updatedAt: now,
    };
    // a lost lock race answers 409 CONCURRENT_MODIFICATION (the error envelope's one rule), never a 500
    await this.dataSource.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(BookingEntity)
        .set({
          status: after.status,
          providerUserId: after.providerUserId,
          providerNote: after.providerNote,
          completionPhotoIds: after.completionPhotoIds,
          completedAt: after.completedAt,
          version: after.version,
          updatedAt: now,
        })
        .where('id = :id AND version = :version', { id: booking.id, version: booking.version })
        .execute();
      if (result.affected !== 1) throw new DomainError(ErrorCode.ConcurrentModification);
      await this.notifications.deliver(manager, [visitNoticeForResident(booking.residentUserId, noticeBookingOf(booking, service), action, after.providerNote)], now);
    });
    const [view] = await this.views([after], new Map([[service.id, service]]), now);
    return view;
  }

  /**
   * 代办 chain of custody: records the next step (documents received → submitted to an office → returned), with a
   * conditional update on the booking's version in the same transaction; unique (bookingId, step) refuses a repeat.
   */
  async recordCustody(provider: User, bookingId: number, body: CustodyStepDto): Promise<ProviderVisitView> {
    const { booking, service } = await this.findProvided(provider, bookingId);
    const recorded = await this.dataSource.getRepository(BookingCustodyEventEntity).find({ select: { step: true }, where: { bookingId } });
    if (body.step !== nextCustodyStep(service.kind, booking.status, recorded.map((e) => e.step))) throw new DomainError(ErrorCode.IllegalTransition);
    if (body.step === CustodyStep.DocumentsReceived && !body.documents?.length) throw DomainError.validation({ documents: FieldErrorCode.Required });
    if (body.step === CustodyStep.Submitted && !body.office) throw DomainError.validation({ office: FieldErrorCode.Required });
    const now = this.clock.now();
    const after: BookingEntity = { ...booking, version: booking.version + 1, updatedAt: now };
    try {
      // a lost lock race answers 409 CONCURRENT_MODIFICATION (the error envelope's one rule), never a 500
      await this.dataSource.transaction(async (manager) => {
        await insertRow(manager, BookingCustodyEventEntity, {
          bookingId,
          step: body.step,
          documents: body.documents ?? [],
          office: body.office ?? null,
          note: body.note || null,
          actorUserId: provider.id,
          createdAt: now,
        });
        const result = await manager
          .createQueryBuilder()
          .update(BookingEntity)
          .set({ version: after.version, updatedAt: now })
          .where('id = :id AND version = :version', { id: bookingId, version: booking.version })
          .execute();
        if (result.affected !== 1) throw new DomainError(ErrorCode.ConcurrentModification);
        const notice = custodyNoticeForResident(booking.residentUserId, noticeBookingOf(booking, service), body.step, { documents: body.documents, office: body.office });
        await this.notifications.deliver(manager, [notice], now);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError(ErrorCode.ConcurrentModification);
      throw error;
    }
    const [view] = await this.views([after], new Map([[service.id, service]]), now);
    return view;
  }

  /** The booking and its service when `provider` provides the visit; 404 NOT_FOUND otherwise (the one check). */
  private async findProvided(provider: User, bookingId: number): Promise<{ booking: BookingEntity; service: ServiceOfferingEntity }> {
    const booking = await this.dataSource.getRepository(BookingEntity).findOneBy({ id: bookingId });
    const service = booking ? await this.dataSource.getRepository(ServiceOfferingEntity).findOneBy({ id: booking.serviceId }) : null;
    if (!booking || !service) throw new DomainError(ErrorCode.NotFound);
    requireAccess(provider, Permission.ProviderVisits, { visit: { bookingId: booking.id, ...visitOf(booking, service) } });
    return { booking, service };
  }

  private provides(provider: User, booking: BookingEntity, service: ServiceOfferingEntity | undefined): boolean {
    return service !== undefined && providesVisit(provider, visitOf(booking, service));
  }

  private async views(bookings: BookingEntity[], services: Map<number, ServiceOfferingEntity>, now: Date): Promise<ProviderVisitView[]> {
    const residentIds = [...new Set(bookings.map((b) => b.residentUserId))];
    const [residents, custody, photos, components] = await Promise.all([
      residentIds.length ? this.dataSource.getRepository(User).findBy({ id: In(residentIds) }) : [],
      loadCustody(this.dataSource.manager, bookings.map((b) => b.id)),
      this.uploads.viewsOf(bookings.flatMap(completionPhotoIdsOf)),
      bundleComponents(this.dataSource.manager, [...new Set(bookings.map((b) => services.get(b.serviceId) as ServiceOfferingEntity))]),
    ]);
    const residentById = new Map(residents.map((u) => [u.id, u]));
    const places = await this.rooms.placementsOf(bookings.map((b) => b.roomId).filter((id): id is number => id !== null));
    return bookings.map((booking) => {
      const service = services.get(booking.serviceId) as ServiceOfferingEntity;
      const resident = residentById.get(booking.residentUserId);
      const place = booking.roomId ? places.get(booking.roomId) : undefined;
      const steps = custody.get(booking.id) ?? [];
      return {
        bookingId: booking.id,
        status: booking.status,
        statusLabel: BOOKING_STATUS_LABELS[booking.status],
        service: {
          id: service.id,
          name: service.name,
          kind: service.kind,
          kindLabel: SERVICE_KIND_LABELS[service.kind],
          requiredDocuments: service.requiredDocuments,
          components: components.get(service.id) ?? [],
        },
        startsAt: booking.slotStartsAt.toISOString(),
        endsAt: new Date(booking.slotStartsAt.getTime() + service.durationMinutes * 60_000).toISOString(),
        address: place ? formatAddress(place) : null,
        residentName: resident ? maskPersonName(displayName(resident)) : '居民',
        residentPhoneMasked: resident?.phone ? maskPhone(resident.phone) : null,
        note: booking.note,
        providerNote: booking.providerNote,
        completionPhotos: completionPhotoIdsOf(booking)
          .map((id) => photos.get(id))
          .filter((photo): photo is UploadedPhoto => photo !== undefined),
        rating: bookingRating(booking),
        availableActions: availableVisitActions(booking.status, booking.slotStartsAt, now),
        custody: steps,
        nextCustodyStep: nextCustodyStep(service.kind, booking.status, steps.map((e) => e.step)),
      };
    });
  }
}

/** What of a booking and its service decides who provides the visit (visit-access.ts). */
function visitOf(booking: BookingEntity, service: ServiceOfferingEntity): VisitAssignment {
  return { bookingGridId: booking.gridId, providerKind: service.providerKind, coordinatorUserId: service.coordinatorUserId, communityId: service.communityId };
}
