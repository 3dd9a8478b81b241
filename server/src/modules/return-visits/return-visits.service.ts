import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, maskPhone, Page, PageQuery, RequestAction, RequestDetail, RequestStatus, ReturnVisitCallView, ReturnVisitItem } from '@gezhi/shared';
import { In, Repository } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { pageWindow, toPage } from '../../common/http/pagination';
import { ReturnVisitConfig } from './return-visit.config';
import { RoomDirectory } from '../geo/room-directory';
import { formatAddress } from '../geo/room-placement';
import { levelOfRole } from '../requests/access/request-access';
import { Permission } from '@gezhi/shared';
import { requireAccess, requireRole } from '../../access/require-access';
import { Scope } from '../../access/scope';
import { excerpt, formatSerial, reporterNameFor } from '../requests/domain/request-presentation';
import { RequestEntity, TimelineEventEntity } from '../requests/request.entities';
import { RequestTransitionsService } from '../requests/request-transitions.service';
import { RequestViews } from '../requests/request-views.service';
import type { User } from '../users/user.entity';
import { assertReturnVisitDue, ReturnVisitPolicy, returnVisitCutoff, unratedClosesAt } from './domain/return-visit-rules';
import { ReturnVisitRateDto, ReturnVisitUnreachableDto } from './return-visits.dto';

/**
 * 回访: the 待回访 list of a staff member (items of their scope held at their level, resolved at least
 * RETURN_VISIT_AFTER_DAYS ago and not rated), the number to dial, and recording the visit — ratings on the person's
 * behalf or 联系不上 — through RequestTransitionsService (the one writer of requests).
 */
@Injectable()
export class ReturnVisitsService {
  readonly policy: ReturnVisitPolicy;

  constructor(
    config: ReturnVisitConfig,
    @InjectRepository(RequestEntity) private readonly requests: Repository<RequestEntity>,
    @InjectRepository(TimelineEventEntity) private readonly timeline: Repository<TimelineEventEntity>,
    private readonly transitions: RequestTransitionsService,
    private readonly views: RequestViews,
    private readonly rooms: RoomDirectory,
    private readonly clock: Clock,
  ) {
    this.policy = { afterDays: config.afterDays, unratedCloseDays: config.unratedCloseDays };
  }

  /** 待回访, the longest-waiting first (backed by IDX_request_inbox_status: scope, level, status). */
  async list(staff: User, query: PageQuery): Promise<Page<ReturnVisitItem>> {
    requireRole(staff, Permission.ReturnVisit);
    const window = pageWindow(query);
    const scope = Scope.of(staff);
    if (scope.isEmpty) return toPage([], 0, window);
    const due = scope
      .narrow(this.requests.createQueryBuilder('r'), 'r')
      .andWhere('r.level = :level', { level: levelOfRole(staff.role) })
      .andWhere('r.status = :status', { status: RequestStatus.Resolved })
      .andWhere('r.resolvedAt <= :cutoff', { cutoff: returnVisitCutoff(this.clock.now(), this.policy) });
    const [rows, total] = await Promise.all([
      due.clone().orderBy('r.resolvedAt', 'ASC').addOrderBy('r.id', 'ASC').offset(window.skip).limit(window.pageSize).getMany(),
      due.getCount(),
    ]);
    return toPage(await this.items(rows), total, window);
  }

  /** The full number, only to the staff member about to call (never in a list), and only for an item due a visit. */
  async call(staff: User, id: number): Promise<ReturnVisitCallView> {
    const request = await this.views.findVisible(staff, id);
    requireAccess(staff, Permission.ReturnVisit, { action: RequestAction.ReturnVisitRate, request });
    assertReturnVisitDue(request, this.clock.now(), this.policy);
    if (!request.contactPhone) throw new DomainError(ErrorCode.NotFound);
    return { phone: request.contactPhone };
  }

  rate(staff: User, id: number, body: ReturnVisitRateDto): Promise<RequestDetail> {
    return this.transitions.returnVisitRate(staff, id, body, this.policy);
  }

  unreachable(staff: User, id: number, body: ReturnVisitUnreachableDto): Promise<RequestDetail> {
    return this.transitions.returnVisitUnreachable(staff, id, body.note, this.policy);
  }

  private async items(rows: RequestEntity[]): Promise<ReturnVisitItem[]> {
    if (rows.length === 0) return [];
    const [places, attempts] = await Promise.all([
      this.rooms.placementsOf(rows.map((r) => r.roomId)),
      this.timeline.find({
        where: { requestId: In(rows.map((r) => r.id)), action: RequestAction.ReturnVisitUnreachable },
        select: { id: true, requestId: true, createdAt: true },
      }),
    ]);
    return rows.map((r) => {
      const place = places.get(r.roomId);
      const resolvedAt = r.resolvedAt as Date;
      return {
        id: r.id,
        serial: formatSerial(r.id),
        category: r.category,
        subcategory: r.subcategory,
        excerpt: excerpt(r.description),
        channel: r.channel,
        level: r.level,
        gridName: place?.gridName ?? '',
        address: place ? formatAddress(place) : '',
        contactName: reporterNameFor(r.contactName, { viewerIsOwner: false }),
        contactPhoneMasked: r.contactPhone ? maskPhone(r.contactPhone) : null,
        hasPhone: Boolean(r.contactPhone),
        resolvedAt: resolvedAt.toISOString(),
        closesAt: unratedClosesAt(resolvedAt, this.policy).toISOString(),
        // attempts since the latest 办结 (an item reopened and resolved again starts over)
        unreachableAttempts: attempts.filter((a) => a.requestId === r.id && a.createdAt.getTime() >= resolvedAt.getTime()).length,
      };
    });
  }
}
