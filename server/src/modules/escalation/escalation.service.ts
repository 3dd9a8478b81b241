import { Injectable } from '@nestjs/common';
import { ErrorCode, NotificationKind, RequestAction, RequestDetail, RequestStatus } from '@gezhi/shared';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { requestNotice } from '../notifications/request-notices';
import { mayPerform, SYSTEM } from '../requests/domain/transition-guard';
import { Permission } from '@gezhi/shared';
import { requireAccess } from '../../access/require-access';
import { LedgerChange, RequestLedger } from '../requests/request-ledger';
import { RequestEntity } from '../requests/request.entities';
import { RequestViews } from '../requests/request-views.service';
import type { User } from '../users/user.entity';
import { EscalationLadder } from './domain/escalation-ladder';
import { LevelHolders } from '../geo/level-holders';

/** One escalation by the system (the deadline sweeper): the request as it was read (its version decides), and why. */
export interface EscalationOrder {
  request: RequestEntity;
  reason: string;
}

/**
 * 上报: moves items one level up the ladder (grid → community → street) to PENDING_ACCEPT for the next level's
 * officer, with a timeline event, a notification and new clocks at the new level; the old level's clocks stop.
 * Decided here (`authorizeTransition` / `mayPerform` against the shared table, the next level's holder); written by
 * the request ledger — the holder's button one at a time, the deadline sweeper's batch with `applyEach`.
 */
@Injectable()
export class EscalationService {
  constructor(
    private readonly views: RequestViews,
    private readonly ledger: RequestLedger,
    private readonly holders: LevelHolders,
    private readonly clock: Clock,
  ) {}

  /** The holder escalates (grid leader at GRID, community officer at COMMUNITY). */
  async escalate(actor: User, id: number, reason: string): Promise<RequestDetail> {
    const request = await this.views.findVisible(actor, id);
    requireAccess(actor, Permission.RequestEscalate, { action: RequestAction.Escalate, request });
    const now = this.clock.now();
    const escalated = await this.ledger.transaction(async (manager) =>
      this.ledger.apply(manager, request, await this.change(manager, request, reason, actor), now),
    );
    return this.views.detail(actor, escalated);
  }

  /**
   * The system escalates each order the shared table still lets it (ESCALATE by `system`, below the street) and
   * whose request is still exactly as read (`UPDATE … WHERE id = ? AND version = ?`, in id order), inside the
   * caller's transaction; the others are skipped. Returns the requests as escalated.
   */
  async escalateWithin(manager: EntityManager, orders: readonly EscalationOrder[], now: Date): Promise<RequestEntity[]> {
    const entries: { before: RequestEntity; change: LedgerChange }[] = [];
    for (const { request, reason } of orders) {
      if (!mayPerform(RequestAction.Escalate, request, SYSTEM)) continue;
      entries.push({ before: request, change: await this.change(manager, request, reason, null) });
    }
    return this.ledger.applyEach(manager, entries, now);
  }

  /** One level up, PENDING_ACCEPT for the next level's holder (looked up now), who is told. */
  private async change(manager: EntityManager, request: RequestEntity, reason: string, actor: Pick<User, 'id' | 'role'> | null): Promise<LedgerChange> {
    const level = EscalationLadder.next(request.level);
    if (!level) throw new DomainError(ErrorCode.EscalationTopReached);
    const holderUserId = await this.holders.holderAt(level, request, manager);
    return {
      status: RequestStatus.PendingAccept,
      set: { level, holderUserId },
      events: [
        {
          action: RequestAction.Escalate,
          fromStatus: request.status,
          toStatus: RequestStatus.PendingAccept,
          actorUserId: actor?.id ?? null,
          actorRole: actor?.role ?? 'SYSTEM',
          note: reason,
          photoIds: [],
        },
      ],
      notices: holderUserId === null ? [] : [requestNotice(holderUserId, NotificationKind.RequestEscalated, request, reason)],
    };
  }
}
