import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  NotificationKind,
  ratingReopens,
  RequestAction,
  RequestDetail,
  RequestStatus,
  Transition,
} from '@gezhi/shared';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { isLockConflict } from '../../database/lock-conflicts';
import { DeadlineService } from '../deadlines/deadline.service';
import { MetricsRecorder } from '../metrics/metrics-recorder';
import { NotificationsService } from '../notifications/notifications.service';
import { Notice, requestNotice } from '../notifications/request-notices';
import { UploadsService } from '../uploads/uploads.service';
import { findLeadToReopen, LeadToReopen, reopenLead } from '../whistle/whistle-reopen';
import type { User } from '../users/user.entity';
import { authorizeTransition } from './domain/transition-guard';
import { NoteDto, RateDto, RejectDto } from './dto/request.dto';
import { RatingEntity, RequestEntity, TimelineEventEntity } from './request.entities';
import { RequestViews } from './request-views.service';

type EventDraft = Pick<TimelineEventEntity, 'action' | 'fromStatus' | 'toStatus' | 'actorUserId' | 'actorRole' | 'note' | 'photoIds' | 'departmentId'>;

/** What one action does to a request, decided before anything is written. */
interface Change {
  /** columns to update besides status/version/updatedAt */
  set: Partial<Pick<RequestEntity, 'holderUserId' | 'reopenCount' | 'resolvedAt' | 'closedAt'>>;
  status: RequestStatus;
  events: EventDraft[];
  notices: Notice[];
  rating?: Omit<RatingEntity, 'id' | 'createdAt'>;
  /** further writes in the same transaction (e.g. the lead department's assignment reopened) */
  alsoWrite?: (manager: EntityManager) => Promise<void>;
}

/**
 * Every state change of a request: checked against the shared transition table, then written as
 * a conditional `UPDATE … WHERE id = ? AND version = ?` (0 rows → 409 CONCURRENT_MODIFICATION) plus timeline
 * events and notifications, all in one transaction. No row locks are taken.
 */
@Injectable()
export class RequestTransitionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly views: RequestViews,
    private readonly uploads: UploadsService,
    private readonly notifications: NotificationsService,
    private readonly deadlines: DeadlineService,
    private readonly metrics: MetricsRecorder,
  ) {}

  /** 签收: the accepting grid leader becomes the holder; the resident is told. */
  accept(actor: User, id: number): Promise<RequestDetail> {
    return this.perform(actor, id, RequestAction.Accept, (request, transition) => ({
      set: { holderUserId: actor.id },
      status: transition.to as RequestStatus,
      events: [event(actor, request, transition, null)],
      notices: residentNotices(request, NotificationKind.RequestAccepted),
    }));
  }

  /** 进展: a note with photos; the status stays. */
  async addProgress(actor: User, id: number, body: NoteDto): Promise<RequestDetail> {
    const photoIds = body.photoIds ?? [];
    return this.perform(actor, id, RequestAction.AddProgress, (request, transition) => ({
      set: {},
      status: request.status,
      events: [event(actor, request, transition, body.note, photoIds)],
      notices: residentNotices(request, NotificationKind.RequestProgress, body.note),
    }), photoIds);
  }

  /** 办结: the result with evidence; the resident is asked to rate. */
  resolve(actor: User, id: number, body: NoteDto): Promise<RequestDetail> {
    const photoIds = body.photoIds ?? [];
    return this.perform(actor, id, RequestAction.Resolve, (request, transition, now) => ({
      set: { resolvedAt: now },
      status: transition.to as RequestStatus,
      events: [event(actor, request, transition, body.note, photoIds)],
      notices: residentNotices(request, NotificationKind.RequestResolved, body.note),
    }), photoIds);
  }

  /** 驳回: final, with a reason the resident sees in the timeline. */
  reject(actor: User, id: number, body: RejectDto): Promise<RequestDetail> {
    return this.perform(actor, id, RequestAction.Reject, (request, transition, now) => ({
      set: { closedAt: now },
      status: transition.to as RequestStatus,
      events: [event(actor, request, transition, body.reason)],
      notices: residentNotices(request, NotificationKind.RequestRejected, body.reason),
    }));
  }

  /** 撤回: the resident withdraws before anyone accepted it. */
  cancel(actor: User, id: number): Promise<RequestDetail> {
    return this.perform(actor, id, RequestAction.Cancel, (request, transition, now) => ({
      set: { closedAt: now },
      status: transition.to as RequestStatus,
      events: [event(actor, request, transition, null)],
      notices: [],
    }));
  }

  /** 评价: effect ≥ 3 closes it; effect ≤ 2 sends it back to the same holder (重办), reopenCount + 1. */
  async rate(actor: User, id: number, body: RateDto): Promise<RequestDetail> {
    // a whistled item the lead department resolved goes back to that department (whistle/whistle-reopen.ts)
    const lead = ratingReopens(body.effect) ? await findLeadToReopen(this.dataSource.manager, id) : null;
    return this.perform(actor, id, RequestAction.Rate, (request, transition, now) => {
      const rating = {
        requestId: request.id,
        round: request.reopenCount,
        raterUserId: actor.id,
        speed: body.speed,
        effect: body.effect,
        attitude: body.attitude,
        comment: body.comment || null,
      };
      const note = ratingNote(body);
      const holderNotices = (kind: NotificationKind) =>
        request.holderUserId === null ? [] : [requestNotice(request.holderUserId, kind, request, note)];
      if (!ratingReopens(body.effect)) {
        return {
          set: { closedAt: now },
          status: transition.to as RequestStatus,
          events: [event(actor, request, transition, note)],
          notices: holderNotices(NotificationKind.RequestRated),
          rating,
        };
      }
      if (lead) return reopenToLead(lead);
      return {
        set: { reopenCount: request.reopenCount + 1, resolvedAt: null },
        status: RequestStatus.InProgress,
        events: [
          { ...event(actor, request, transition, note), toStatus: request.status },
          {
            action: RequestAction.Reopen,
            fromStatus: request.status,
            toStatus: RequestStatus.InProgress,
            actorUserId: null,
            actorRole: 'SYSTEM',
            note: '居民对解决效果不满意，已退回原处理人重办',
            photoIds: [],
          },
        ],
        notices: holderNotices(NotificationKind.RequestReopened),
        rating,
      };
      function reopenToLead(found: LeadToReopen): Change {
        return {
          set: { reopenCount: request.reopenCount + 1, resolvedAt: null },
          status: RequestStatus.Whistled,
          events: [
            { ...event(actor, request, transition, note), toStatus: request.status },
            {
              action: RequestAction.ReopenToDepartment,
              fromStatus: request.status,
              toStatus: RequestStatus.Whistled,
              actorUserId: null,
              actorRole: 'SYSTEM',
              note: '居民对解决效果不满意，已退回主办部门重办',
              photoIds: [],
              departmentId: found.assignment.departmentId,
            },
          ],
          notices: found.liaisonUserIds.map((userId) => requestNotice(userId, NotificationKind.WhistleReopened, request, note)),
          rating,
          alsoWrite: (manager) => reopenLead(manager, found.assignment),
        };
      }
    });
  }

  private async perform(
    actor: User,
    id: number,
    action: RequestAction,
    plan: (request: RequestEntity, transition: Transition, now: Date) => Change,
    attachedPhotoIds: readonly string[] = [],
  ): Promise<RequestDetail> {
    const request = await this.views.findVisible(actor, id);
    const { transition } = authorizeTransition(action, request, actor);
    await this.uploads.ownPhotos(actor.id, attachedPhotoIds);
    // time from the injected Clock, like the deadline clocks (tests move it; the numbers count by it)
    const now = this.deadlines.now();
    const change = plan(request, transition, now);
    const updated: RequestEntity = { ...request, ...change.set, status: change.status, version: request.version + 1, updatedAt: now };
    await this.inTransaction(async (manager) => {
      // clocks first, then the request: the deadline sweeper takes the same order (no deadlock between them)
      await this.deadlines.applyTransition(manager, request, action, change.status);
      await this.conditionalUpdate(manager, request, updated);
      await manager.insert(
        TimelineEventEntity,
        change.events.map((e) => ({ ...e, requestId: request.id, createdAt: now })),
      );
      if (change.rating) await manager.insert(RatingEntity, { ...change.rating, createdAt: now });
      if (change.alsoWrite) await change.alsoWrite(manager);
      await this.notifications.deliver(manager, change.notices, now);
      // 数据: the roll-ups of what this action decided (响应, 办结, 评价 …), last in the transaction
      await this.metrics.requestAction(manager, request, action, now, change.rating);
    });
    return this.views.detail(actor, updated);
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

  /** The optimistic-concurrency write: succeeds only if nobody changed the request since it was read. */
  private async conditionalUpdate(manager: EntityManager, before: RequestEntity, after: RequestEntity): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .update(RequestEntity)
      .set({
        status: after.status,
        holderUserId: after.holderUserId,
        reopenCount: after.reopenCount,
        resolvedAt: after.resolvedAt,
        closedAt: after.closedAt,
        version: after.version,
        updatedAt: after.updatedAt,
      })
      .where('id = :id AND version = :version', { id: before.id, version: before.version })
      .execute();
    if (result.affected !== 1) throw new DomainError(ErrorCode.ConcurrentModification);
  }
}

function event(actor: User, request: RequestEntity, transition: Transition, note: string | null, photoIds: string[] = []): EventDraft {
  return {
    action: transition.action,
    fromStatus: request.status,
    toStatus: transition.to ?? request.status,
    actorUserId: actor.id,
    actorRole: actor.role,
    note,
    photoIds,
  };
}

function residentNotices(request: RequestEntity, kind: NotificationKind, detail?: string): Notice[] {
  return request.residentUserId === null ? [] : [requestNotice(request.residentUserId, kind, request, detail)];
}

function ratingNote(body: RateDto): string {
  const scores = `办理速度 ${body.speed} 分，解决效果 ${body.effect} 分，服务态度 ${body.attitude} 分`;
  return body.comment ? `${scores}。${body.comment}` : scores;
}
