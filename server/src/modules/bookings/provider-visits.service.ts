import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BOOKING_STATUS_LABELS,
  BookingStatus,
  CustodyStep,
  ErrorCode,
  FieldErrorCode,
  maskName,
  maskPhone,
  ProviderKind,
  ProviderVisitView,
  Role,
  SERVICE_KIND_LABELS,
  VisitAction,
} from '@gezhi/shared';
import { Between, DataSource, In, Not } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { RoomDirectory } from '../geo/room-directory';
import { formatAddress } from '../geo/room-placement';
import { localDateOf, localInstant } from '../services/domain/recurrence';
import { ServiceOfferingEntity } from '../services/service.entities';
import { displayName, User } from '../users/user.entity';
import { BookingCustodyEventEntity, BookingEntity } from './booking.entity';
import { availableVisitActions, nextCustodyStep, visitTransition } from './domain/booking-rules';
import { bundleComponents } from './bundle-components';
import { loadCustody } from './custody-timeline';
import { insertRow } from '../../database/insert-row';
import { isUniqueViolation } from '../../database/unique-violations';
import { isLockConflict } from '../../database/lock-conflicts';
import { providesVisit } from './domain/visit-access';
import { CustodyStepDto, VisitPlanQueryDto } from './dto/booking.dto';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The provider's day plan (grid staff): visits of GRID_STAFF services booked by residents of their grid, ordered by
 * time, with the address; confirm / arrive / complete with a note / no-show, each a conditional update on the
 * booking's version (409 CONCURRENT_MODIFICATION when someone else acted first).
 */
@Injectable()
export class ProviderVisitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rooms: RoomDirectory,
    private readonly clock: Clock,
  ) {}

  async plan(provider: User, query: VisitPlanQueryDto): Promise<ProviderVisitView[]> {
    if (provider.role !== Role.GridLeader || provider.gridId === null) throw new DomainError(ErrorCode.Forbidden);
    const now = this.clock.now();
    const day = query.day ?? localDateOf(now);
    const from = localInstant(day, 0);
    if (Number.isNaN(from.getTime()) || localDateOf(from) !== day) throw DomainError.validation({ day: FieldErrorCode.OutOfRange });
    const to = new Date(from.getTime() + (query.days ?? 1) * DAY_MS);
    const services = await this.dataSource.getRepository(ServiceOfferingEntity).find({ where: { providerKind: ProviderKind.GridStaff, communityId: provider.communityId ?? 0 } });
    if (services.length === 0) return [];
    const bookings = await this.dataSource.getRepository(BookingEntity).find({
      where: {
        gridId: provider.gridId,
        slotStartsAt: Between(from, new Date(to.getTime() - 1)),
        status: Not(BookingStatus.Cancelled),
        serviceId: In(services.map((s) => s.id)),
      },
      order: { slotStartsAt: 'ASC', id: 'ASC' },
    });
    return this.views(bookings, new Map(services.map((s) => [s.id, s])), now);
  }

  async act(provider: User, bookingId: number, action: VisitAction, note?: string): Promise<ProviderVisitView> {
    const booking = await this.dataSource.getRepository(BookingEntity).findOneBy({ id: bookingId });
    const service = booking ? await this.dataSource.getRepository(ServiceOfferingEntity).findOneBy({ id: booking.serviceId }) : null;
    if (!booking || !service || !providesVisit(provider, booking.gridId, service.providerKind)) throw new DomainError(ErrorCode.NotFound);
    const now = this.clock.now();
    const outcome = visitTransition(action, booking.status, booking.slotStartsAt, now);
    if ('refusal' in outcome) throw new DomainError(outcome.refusal);
    const after: BookingEntity = {
      ...booking,
      status: outcome.to,
      providerUserId: provider.id,
      providerNote: action === VisitAction.Complete ? (note ?? null) : booking.providerNote,
      completedAt: action === VisitAction.Complete ? now : booking.completedAt,
      version: booking.version + 1,
      updatedAt: now,
    };
    const result = await this.dataSource
      .createQueryBuilder()
      .update(BookingEntity)
      .set({
        status: after.status,
        providerUserId: after.providerUserId,
        providerNote: after.providerNote,
        completedAt: after.completedAt,
        version: after.version,
        updatedAt: now,
      })
      .where('id = :id AND version = :version', { id: booking.id, version: booking.version })
      .execute();
    if (result.affected !== 1) throw new DomainError(ErrorCode.ConcurrentModification);
    const [view] = await this.views([after], new Map([[service.id, service]]), now);
    return view;
  }

  /**
   * 代办 chain of custody: records the next step (documents received → submitted to an office → returned), with a
   * conditional update on the booking's version in the same transaction; unique (bookingId, step) refuses a repeat.
   */
  async recordCustody(provider: User, bookingId: number, body: CustodyStepDto): Promise<ProviderVisitView> {
    const booking = await this.dataSource.getRepository(BookingEntity).findOneBy({ id: bookingId });
    const service = booking ? await this.dataSource.getRepository(ServiceOfferingEntity).findOneBy({ id: booking.serviceId }) : null;
    if (!booking || !service || !providesVisit(provider, booking.gridId, service.providerKind)) throw new DomainError(ErrorCode.NotFound);
    const recorded = await this.dataSource.getRepository(BookingCustodyEventEntity).find({ select: { step: true }, where: { bookingId } });
    if (body.step !== nextCustodyStep(service.kind, booking.status, recorded.map((e) => e.step))) throw new DomainError(ErrorCode.IllegalTransition);
    if (body.step === CustodyStep.DocumentsReceived && !body.documents?.length) throw DomainError.validation({ documents: FieldErrorCode.Required });
    if (body.step === CustodyStep.Submitted && !body.office) throw DomainError.validation({ office: FieldErrorCode.Required });
    const now = this.clock.now();
    const after: BookingEntity = { ...booking, version: booking.version + 1, updatedAt: now };
    try {
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
      });
    } catch (error) {
      if (isUniqueViolation(error) || isLockConflict(error)) throw new DomainError(ErrorCode.ConcurrentModification);
      throw error;
    }
    const [view] = await this.views([after], new Map([[service.id, service]]), now);
    return view;
  }

  private async views(bookings: BookingEntity[], services: Map<number, ServiceOfferingEntity>, now: Date): Promise<ProviderVisitView[]> {
    const residentIds = [...new Set(bookings.map((b) => b.residentUserId))];
    const residents = residentIds.length ? await this.dataSource.getRepository(User).findBy({ id: In(residentIds) }) : [];
    const residentById = new Map(residents.map((u) => [u.id, u]));
    const custody = await loadCustody(this.dataSource.manager, bookings.map((b) => b.id));
    const components = await bundleComponents(this.dataSource.manager, [...services.values()]);
    return Promise.all(
      bookings.map(async (booking) => {
        const service = services.get(booking.serviceId) as ServiceOfferingEntity;
        const resident = residentById.get(booking.residentUserId);
        const place = booking.roomId ? await this.rooms.placementOf(booking.roomId) : null;
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
          residentName: resident ? maskName(displayName(resident)) : '居民',
          residentPhoneMasked: resident?.phone ? maskPhone(resident.phone) : null,
          note: booking.note,
          providerNote: booking.providerNote,
          availableActions: availableVisitActions(booking.status, booking.slotStartsAt, now),
          custody: custody.get(booking.id) ?? [],
          nextCustodyStep: nextCustodyStep(service.kind, booking.status, (custody.get(booking.id) ?? []).map((e) => e.step)),
        };
      }),
    );
  }
}
