import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  NotificationKind,
  RatingSource,
  ratingReopens,
  RequestAction,
  RequestDetail,
  RequestStatus,
  Transition,
} from '@gezhi/shared';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { Notice, requestNotice } from '../notifications/request-notices';
import { UploadsService } from '../uploads/uploads.service';
import { findLeadToReopen, LeadToReopen, reopenLead } from './whistle-reopen';
import type { User } from '../users/user.entity';
import { mayPerform, SYSTEM } from './domain/transition-guard';
import { Permission } from '@gezhi/shared';
import { requireAccess } from '../../access/require-access';
import { approvedPublicSummary } from '../board/domain/public-summary';
import { NoteDto, RateDto, RejectDto, ResolveDto } from './dto/request.dto';
import { assertReturnVisitDue, closesUnrated, ReturnVisitPolicy, unratedCloseNote, unreachableNote } from '../return-visits/domain/return-visit-rules';
import { EventDraft, LedgerChange, RequestLedger } from './request-ledger';
import { RequestEntity } from './request.entities';
import { RequestViews } from './request-views.service';

/** What one action does to a request, decided before anything is written. */
interface Change extends LedgerChange {
  set: NonNullable<LedgerChange['set']>;
  notices: Notice[];
  /** further writes in the same transaction (e.g. the lead department's assignment reopened) */
  alsoWrite?: (manager: EntityManager) => Promise<void>;
}

/**
 * The holder's and the resident's actions on a request: decided first — checked against the shared transition
 * table (`authorizeTransition`), then planned as a change — and then written by the one writer, RequestLedger
 * (clocks, the conditional `UPDATE … WHERE id = ? AND version = ?` — 0 rows → 409 CONCURRENT_MODIFICATION —,
 * timeline, rating, notices, metrics), all in one transaction. No row locks are taken.
 */
@Injectable()
export class RequestTransitionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly views: RequestViews,
    private readonly uploads: UploadsService,
    private readonly ledger: RequestLedger,
  ) {}

  /** The request ledger's write transaction, for a caller whose own change carries requests' (a 问需会 project closing). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.ledger.transaction(work);
  }

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

  /** 办结: the result with evidence; the resident is asked to rate; the public summary approved for 公示, if any. */
  resolve(actor: User, id: number, body: ResolveDto): Promise<RequestDetail> {
    const photoIds = body.photoIds ?? [];
    return this.perform(actor, id, RequestAction.Resolve, (request, transition, now) => ({
      set: { resolvedAt: now, publicSummary: approvedPublicSummary(body.publicSummary, request) },
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
    return this.perform(actor, id, RequestAction.Rate, (request, transition, now) =>
      ratingChange({ actor, request, transition, now, body, lead, source: RatingSource.Self }),
    );
  }

  /**
   * 电话回访评价: staff of the item's level record the three ratings the person gave on the phone, once the item has
   * waited `policy.afterDays` for the resident's own rating. Same outcome as 评价 (effect ≤ 2 reopens it); the rating
   * is stored with source RETURN_VISIT and the recording staff as rater.
   */
  async returnVisitRate(actor: User, id: number, body: RateDto, policy: ReturnVisitPolicy): Promise<RequestDetail> {
    const lead = ratingReopens(body.effect) ? await findLeadToReopen(this.dataSource.manager, id) : null;
    return this.perform(actor, id, RequestAction.ReturnVisitRate, (request, transition, now) => {
      assertReturnVisitDue(request, now, policy);
      return ratingChange({ actor, request, transition, now, body, lead, source: RatingSource.ReturnVisit });
    });
  }

  /** 回访联系不上: an attempt that reached nobody, on the timeline; the status stays (the 未评价 close comes later). */
  returnVisitUnreachable(actor: User, id: number, note: string | undefined, policy: ReturnVisitPolicy): Promise<RequestDetail> {
    return this.perform(actor, id, RequestAction.ReturnVisitUnreachable, (request, transition, now) => {
      assertReturnVisitDue(request, now, policy);
      return { set: {}, status: request.status, events: [event(actor, request, transition, unreachableNote(note))], notices: [] };
    });
  }

  /**
   * 未评价办结 by the system (the return-visit sweeper): CLOSED without a rating, through the same write as every
   * action. The write is the claim — `UPDATE request … WHERE id = ? AND version = ?` of the version read with the
   * candidate: true when this call closed it; false when anyone changed it first (a rating, a return visit, another
   * instance's sweep), and then nothing was written.
   */
  async closeUnrated(request: RequestEntity, policy: ReturnVisitPolicy, now: Date): Promise<boolean> {
    const transition = mayPerform(RequestAction.CloseUnrated, request, SYSTEM);
    if (!transition || !closesUnrated(request, now, policy)) return false;
    const change: Change = {
      set: { closedAt: now },
      status: transition.to as RequestStatus,
      events: [
        { action: transition.action, fromStatus: request.status, toStatus: transition.to as RequestStatus, actorUserId: null, actorRole: 'SYSTEM', note: unratedCloseNote(policy), photoIds: [] },
      ],
      notices: [],
    };
    try {
      await this.write(request, change, now);
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.ConcurrentModification) return false;
      throw error;
    }
  }

  /**
   * 随项目办结: a 问需会 project closed with a result resolves a linked item the closer may resolve (处理中 at the level
   * they hold — the same guard as 办结), with the result as the note, written by the same writer as every action
   * (clocks, timeline, metrics) but `within` the project's transaction. The resident's notice is the project's
   * (review/domain/project-notices.ts): it asks them to rate, as 办结 does.
   */
  async resolveForProject(within: EntityManager, actor: User, id: number, result: string, residentNotices: readonly Notice[]): Promise<RequestEntity> {
    const request = await this.views.findVisible(actor, id);
    const { transition } = requireAccess(actor, Permission.RequestTransition, { action: RequestAction.Resolve, request });
    const now = this.ledger.now();
    const change: Change = {
      // no summary was approved for 公示 (a project's result is about the project): category, status and time only
      set: { resolvedAt: now, publicSummary: null },
      status: transition.to as RequestStatus,
      events: [event(actor, request, transition, result)],
      notices: [...residentNotices],
    };
    return this.write(request, change, now, within);
  }

  private async perform(
    actor: User,
    id: number,
    action: RequestAction,
    plan: (request: RequestEntity, transition: Transition, now: Date) => Change,
    attachedPhotoIds: readonly string[] = [],
  ): Promise<RequestDetail> {
    const request = await this.views.findVisible(actor, id);
    const { transition } = requireAccess(actor, Permission.RequestTransition, { action, request });
    await this.uploads.ownPhotos(actor.id, attachedPhotoIds);
    // time from the injected Clock, like the deadline clocks (tests move it; the numbers count by it)
    const now = this.ledger.now();
    const change = plan(request, transition, now);
    const updated = await this.write(request, change, now);
    return this.views.detail(actor, updated);
  }

  /** A decided change, through the ledger: in its own transaction, or `within` a caller's (a project closing its items). */
  private async write(request: RequestEntity, change: Change, now: Date, within?: EntityManager): Promise<RequestEntity> {
    return this.ledger.transaction(async (manager) => {
      const updated = await this.ledger.apply(manager, request, change, now);
      if (change.alsoWrite) await change.alsoWrite(manager);
      return updated;
    }, within);
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

function ratingNote(body: RateDto, source: RatingSource = RatingSource.Self): string {
  const scores = `办理速度 ${body.speed} 分，解决效果 ${body.effect} 分，服务态度 ${body.attitude} 分`;
  const text = body.comment ? `${scores}。${body.comment}` : scores;
  return source === RatingSource.ReturnVisit ? `电话回访，居民评价：${text}` : text;
}

/**
 * What a rating does (评价 by the resident, 电话回访评价 by staff): effect ≥ 3 closes it; effect ≤ 2 reopens it (重办) —
 * back to the holder, or to the lead department that resolved a whistled item.
 */
function ratingChange(input: {
  actor: User;
  request: RequestEntity;
  transition: Transition;
  now: Date;
  body: RateDto;
  lead: LeadToReopen | null;
  source: RatingSource;
}): Change {
  const { actor, request, transition, now, body, lead, source } = input;
  const rating = {
    requestId: request.id,
    round: request.reopenCount,
    raterUserId: actor.id,
    speed: body.speed,
    effect: body.effect,
    attitude: body.attitude,
    comment: body.comment || null,
    source,
  };
  const note = ratingNote(body, source);
  const who = source === RatingSource.ReturnVisit ? '电话回访中居民' : '居民';
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
  if (lead) {
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
          note: `${who}对解决效果不满意，已退回主办部门重办`,
          photoIds: [],
          departmentId: lead.assignment.departmentId,
        },
      ],
      notices: lead.liaisonUserIds.map((userId) => requestNotice(userId, NotificationKind.WhistleReopened, request, note)),
      rating,
      alsoWrite: (manager) => reopenLead(manager, lead.assignment),
    };
  }
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
        note: `${who}对解决效果不满意，已退回原处理人重办`,
        photoIds: [],
      },
    ],
    notices: holderNotices(NotificationKind.RequestReopened),
    rating,
  };
}
