import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Channel,
  CHANNEL_LABELS,
  ErrorCode,
  FieldErrorCode,
  HandlingLevel,
  NotificationKind,
  RequestAction,
  RequestDetail,
  Role,
} from '@gezhi/shared';
import { writeTransaction } from '../../database/write-transaction';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { FilingQuotaConfig } from './filing-quota.config';
import { RateCounters } from '../rate-limits/rate-counters';
import { DeadlineState } from '@gezhi/shared';
import { DeadlineDraft, DeadlineService, deadlineView, summarize } from '../deadlines/deadline.service';
import { LevelHolders } from '../geo/level-holders';
import { RoomDirectory } from '../geo/room-directory';
import type { RoomPlacement } from '../geo/room-placement';
import { requestNotice } from '../notifications/request-notices';
import { UploadsService } from '../uploads/uploads.service';
import { displayName, User } from '../users/user.entity';
import { Permission } from '@gezhi/shared';
import { requireAccess } from '../../access/require-access';
import { routeNewRequest } from './domain/routing';
import { CreateRequestDto, STAFF_ONLY_FILING_FIELDS } from './dto/request.dto';
import { filedForYouNotice } from './domain/filed-for-you';
import { RoomResidentsService } from './room-residents.service';
import { RequestLedger } from './request-ledger';
import { RequestEntity, TimelineEventEntity } from './request.entities';
import { composeDetail } from './request-view';

/** Who a filing is for and how it came in: the resident's own home, or staff filing on someone's behalf. */
interface FilingOrigin {
  place: RoomPlacement;
  residentUserId: number | null;
  channel: Channel;
  contactName: string;
  contactPhone: string | null;
  /** a resident filing from a home no grid worker has confirmed (未核实住户) */
  fromUnverifiedHome: boolean;
}

/**
 * 一键提交: files a request and routes it at once to the grid leader, in one transaction: the request, its SUBMIT
 * event, its two clocks (签收, 办结), the leader's notice (and the resident's when staff file for them; each with its
 * WeChat outbox row when opted in), then one upsert of the day's roll-ups. The routing lookup is cached; no reload
 * afterwards.
 */
@Injectable()
export class RequestFilingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rooms: RoomDirectory,
    private readonly holders: LevelHolders,
    private readonly uploads: UploadsService,
    private readonly deadlines: DeadlineService,
    private readonly ledger: RequestLedger,
    private readonly households: RoomResidentsService,
    private readonly counters: RateCounters,
    private readonly config: FilingQuotaConfig,
  ) {}

  /** `metered: false` only for the demo seed: what it files is not a resident's doing */
  async file(filer: User, body: CreateRequestDto, options: { metered?: boolean } = {}): Promise<RequestDetail> {
    if (filer.role === Role.Resident && options.metered !== false) await this.refuseOverQuota(filer);
    const photoIds = body.photoIds ?? [];
    const [origin, photos] = await Promise.all([this.originOf(filer, body), this.uploads.ownPhotos(filer.id, photoIds)]);
    const routing = routeNewRequest(origin.place, await this.holders.holderAt(HandlingLevel.Grid, origin.place));
    const now = this.deadlines.now();
    const request: RequestEntity = {
      id: 0,
      residentUserId: origin.residentUserId,
      creatorUserId: filer.id,
      roomId: origin.place.roomId,
      gridId: routing.gridId,
      communityId: routing.communityId,
      streetId: routing.streetId,
      category: body.category,
      subcategory: body.subcategory,
      description: body.description,
      urgency: body.urgency,
      channel: origin.channel,
      showNamePublicly: body.showNamePublicly,
      contactName: origin.contactName,
      contactPhone: origin.contactPhone,
      status: routing.status,
      level: routing.level,
      holderUserId: routing.holderUserId,
      photoIds,
      reopenCount: 0,
      version: 1,
      createdAt: now,
      updatedAt: now,
      resolvedAt: null,
      closedAt: null,
      publicSummary: null,
      fromUnverifiedHome: origin.fromUnverifiedHome,
    };
    const submitted: TimelineEventEntity = {
      id: 0,
      requestId: 0,
      action: RequestAction.Submit,
      fromStatus: null,
      toStatus: routing.status,
      actorUserId: filer.id,
      actorRole: filer.role,
      note: null,
      photoIds: [],
      createdAt: now,
    };

    let clocks: DeadlineDraft[] = [];
    // re-run whole on a conflict (a Galera certification failure on the metrics roll-up row, a deadlock)
    await writeTransaction(this.dataSource, async (manager) => {
      // the request ledger files it: row, SUBMIT event, the grid's clocks to accept and to resolve, notices, roll-up
      clocks = await this.ledger.file(
        manager,
        request,
        submitted,
        (filed) => [
          ...(routing.holderUserId !== null ? [requestNotice(routing.holderUserId, NotificationKind.RequestRouted, filed)] : []),
          // filed by staff for a registered resident: it is theirs, and they hear of it (我的诉求, 评价)
          ...(filed.residentUserId !== null && filed.residentUserId !== filer.id ? [filedForYouNotice(filed.residentUserId, filed, CHANNEL_LABELS[origin.channel])] : []),
        ],
        now,
      );
    });

    const names = new Map<number, string>([[filer.id, displayName(filer)]]);
    if (routing.holderUserId !== null && origin.place.gridLeaderName) names.set(routing.holderUserId, origin.place.gridLeaderName);
    const opened = clocks.map((c) => ({ ...c, state: DeadlineState.Open, metAt: null }));
    return composeDetail(filer, {
      request,
      place: origin.place,
      timeline: [submitted],
      rating: null,
      photos,
      names,
      clocks: { summary: summarize(opened), all: opened.map(deadlineView) },
    });
  }

  private async originOf(filer: User, body: CreateRequestDto): Promise<FilingOrigin> {
    requireAccess(filer, Permission.RequestFile, {});
    return filer.role === Role.Resident ? this.residentOrigin(filer, body) : this.onBehalfOrigin(filer, body);
  }

  /** A resident files for their own bound home, through the mini-program, under their own name. */
  private async residentOrigin(resident: User, body: CreateRequestDto): Promise<FilingOrigin> {
    const staffFields = STAFF_ONLY_FILING_FIELDS.filter((field) => body[field] !== undefined);
    if (staffFields.length > 0) {
      throw DomainError.validation(Object.fromEntries(staffFields.map((field) => [field, FieldErrorCode.UnknownField])));
    }
    const place = resident.roomId ? await this.rooms.placementOf(resident.roomId) : null;
    if (!place) throw new DomainError(ErrorCode.HomeNotBound);
    return {
      place,
      residentUserId: resident.id,
      channel: Channel.MiniProgram,
      contactName: displayName(resident),
      contactPhone: resident.phone,
      fromUnverifiedHome: resident.homeVerifiedAt === null,
    };
  }

  /**
   * A resident's filings per hour and per day (FILING_QUOTA_PER_HOUR / _PER_DAY; 429 RATE_LIMITED past either). Staff
   * filing on someone's behalf are not counted: a grid worker may register a whole 问需会 at once.
   */
  private async refuseOverQuota(resident: User): Promise<void> {
    const now = this.deadlines.now();
    const { filingsPerHour, filingsPerDay } = this.config;
    await this.counters.consumeOrRefuse(`filing-hour:${resident.id}`, { limit: filingsPerHour, windowMs: 3600_000 }, now, '提交诉求过于频繁');
    await this.counters.consumeOrRefuse(`filing-day:${resident.id}`, { limit: filingsPerDay, windowMs: 24 * 3600_000 }, now, '今日提交的诉求已达上限');
  }

  /**
   * Staff file for a room in their scope, saying how the item came in (phone, walk-in, patrol…) — for a registered
   * resident of that room (`residentUserId`: it is theirs), or for someone not registered (contactName/contactPhone).
   */
  private async onBehalfOrigin(staff: User, body: CreateRequestDto): Promise<FilingOrigin> {
    const missing: Record<string, FieldErrorCode> = {};
    if (body.roomId === undefined) missing.roomId = FieldErrorCode.Required;
    if (body.channel === undefined) missing.channel = FieldErrorCode.Required;
    if (Object.keys(missing).length > 0) throw DomainError.validation(missing);
    const place = await this.rooms.placementOf(body.roomId as number);
    if (!place) throw new DomainError(ErrorCode.RoomNotFound);
    requireAccess(staff, Permission.RequestFile, { place });
    if (body.residentUserId !== undefined) {
      const resident = await this.households.memberOf(place.roomId, body.residentUserId);
      return {
        place,
        residentUserId: resident.id,
        channel: body.channel as Channel,
        contactName: body.contactName || displayName(resident),
        contactPhone: body.contactPhone ?? resident.phone,
        fromUnverifiedHome: false,
      };
    }
    return {
      place,
      residentUserId: null,
      channel: body.channel as Channel,
      contactName: body.contactName || `${place.buildingName}${place.unitName}${place.roomNumber}住户`,
      contactPhone: body.contactPhone ?? null,
      fromUnverifiedHome: false,
    };
  }
}
