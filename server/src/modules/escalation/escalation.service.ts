import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DeadlineKind, ErrorCode, NotificationKind, RequestAction, RequestDetail, RequestStatus } from '@gezhi/shared';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { isLockConflict } from '../../database/lock-conflicts';
import { DeadlineDraft, DeadlineService } from '../deadlines/deadline.service';
import { NotificationsService } from '../notifications/notifications.service';
import { Notice, requestNotice } from '../notifications/request-notices';
import { authorizeTransition } from '../requests/domain/transition-guard';
import { RequestEntity, TimelineEventEntity } from '../requests/request.entities';
import { RequestViews } from '../requests/request-views.service';
import type { User } from '../users/user.entity';
import { EscalationLadder } from './domain/escalation-ladder';
import { LevelHolders } from './level-holders';

/** One escalation to perform: the request as it was read (its version decides), why, and by whom (null: the system). */
export interface EscalationOrder {
  request: RequestEntity;
  reason: string;
  actor: Pick<User, 'id' | 'role'> | null;
}

const ESCALATABLE: readonly RequestStatus[] = [RequestStatus.PendingAccept, RequestStatus.InProgress];

/**
 * 上报: moves items one level up the ladder (grid → community → street) to PENDING_ACCEPT for the next level's
 * officer, with a timeline event, a notification and new clocks at the new level; the old level's clocks stop.
 * The holder's button and the deadline sweeper go through the same `escalateWithin`.
 */
@Injectable()
export class EscalationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly views: RequestViews,
    private readonly deadlines: DeadlineService,
    private readonly notifications: NotificationsService,
    private readonly holders: LevelHolders,
    private readonly clock: Clock,
  ) {}

  /** The holder escalates (grid leader at GRID, community officer at COMMUNITY). */
  async escalate(actor: User, id: number, reason: string): Promise<RequestDetail> {
    const request = await this.views.findVisible(actor, id);
    authorizeTransition(RequestAction.Escalate, request, actor);
    if (!EscalationLadder.canEscalate(request.level)) throw new DomainError(ErrorCode.EscalationTopReached);
    let escalated: RequestEntity[] = [];
    try {
      escalated = await this.dataSource.transaction((manager) => this.escalateWithin(manager, [{ request, reason, actor }], this.clock.now()));
    } catch (error) {
      if (isLockConflict(error)) throw new DomainError(ErrorCode.ConcurrentModification);
      throw error;
    }
    if (escalated.length !== 1) throw new DomainError(ErrorCode.ConcurrentModification);
    return this.views.detail(actor, escalated[0]);
  }

  /**
   * Escalates each order whose request is still exactly as read (`UPDATE … WHERE id = ? AND version = ?`, in id
   * order), inside the caller's transaction; orders whose request changed meanwhile are skipped. Returns the
   * requests as escalated.
   */
  async escalateWithin(manager: EntityManager, orders: readonly EscalationOrder[], now: Date): Promise<RequestEntity[]> {
    const done: { order: EscalationOrder; after: RequestEntity }[] = [];
    for (const order of [...orders].sort((a, b) => a.request.id - b.request.id)) {
      const { request } = order;
      const next = EscalationLadder.next(request.level);
      if (!next || !ESCALATABLE.includes(request.status)) continue;
      const holderUserId = await this.holders.holderAt(next, request, manager);
      const after: RequestEntity = {
        ...request,
        level: next,
        status: RequestStatus.PendingAccept,
        holderUserId,
        version: request.version + 1,
        updatedAt: now,
      };
      const result = await manager
        .createQueryBuilder()
        .update(RequestEntity)
        .set({ level: after.level, status: after.status, holderUserId: after.holderUserId, version: after.version, updatedAt: now })
        .where('id = :id AND version = :version', { id: request.id, version: request.version })
        .execute();
      if (result.affected === 1) done.push({ order, after });
    }
    if (done.length === 0) return [];

    await this.deadlines.closeForEscalation(manager, done.map((d) => d.after.id), now);
    const drafts: DeadlineDraft[] = [];
    for (const { after } of done) drafts.push(...(await this.deadlines.draftsFor(after, [DeadlineKind.Accept, DeadlineKind.Resolve], now)));
    await this.deadlines.open(manager, drafts);

    const events = done.map(({ order, after }) => ({
      requestId: after.id,
      action: RequestAction.Escalate,
      fromStatus: order.request.status,
      toStatus: after.status,
      actorUserId: order.actor?.id ?? null,
      actorRole: order.actor?.role ?? ('SYSTEM' as const),
      note: order.reason,
      photoIds: [] as string[],
      createdAt: now,
    }));
    for (let i = 0; i < events.length; i += 500) {
      await manager.createQueryBuilder().insert().into(TimelineEventEntity).values(events.slice(i, i + 500)).updateEntity(false).execute();
    }
    const notices: Notice[] = done
      .filter(({ after }) => after.holderUserId !== null)
      .map(({ order, after }) => requestNotice(after.holderUserId as number, NotificationKind.RequestEscalated, after, order.reason));
    await this.notifications.deliver(manager, notices, now);
    return done.map((d) => d.after);
  }
}
