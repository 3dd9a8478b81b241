import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DeadlineKind, ErrorCode, RequestAction, RequestStatus } from '@gezhi/shared';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { isLockConflict } from '../../database/lock-conflicts';
import { insertRow } from '../../database/insert-row';
import { writeTransaction } from '../../database/write-transaction';
import { DeadlineDraft, DeadlineService } from '../deadlines/deadline.service';
import { clockStepsFor } from '../deadlines/domain/clock-steps';
import { MetricsRecorder } from '../metrics/metrics-recorder';
import { NotificationsService } from '../notifications/notifications.service';
import type { Notice } from '../notifications/request-notices';
import { RatingEntity, RequestEntity, TimelineEventEntity } from './request.entities';

/** One timeline event as a writer decides it (the ledger adds the request and the time). */
export type EventDraft = Pick<TimelineEventEntity, 'action' | 'fromStatus' | 'toStatus' | 'actorUserId' | 'actorRole' | 'note' | 'photoIds'> & {
  /** the department the step was taken for (whistle chain), else null */
  departmentId?: number | null;
};

/** The request's columns a change may set besides status, version and updatedAt. */
export type RequestColumns = Partial<Pick<RequestEntity, 'level' | 'holderUserId' | 'reopenCount' | 'resolvedAt' | 'closedAt' | 'publicSummary'>>;

/** What one decided change does to a request: everything the ledger writes for it. */
export interface LedgerChange {
  /** the status after the change (the same as before when it stays) */
  status: RequestStatus;
  set?: RequestColumns;
  /**
   * false: the request row is not written and its version stays (a department reporting in, an extension asked
   * for or decided: the item itself did not change); the events and notices are still appended
   */
  versioned?: boolean;
  /** the timeline events, in order; the deadline clocks and the metrics follow from them */
  events: readonly EventDraft[];
  rating?: Omit<RatingEntity, 'id' | 'createdAt'>;
  notices: readonly Notice[];
}

/**
 * THE writer of a request's state (docs/architecture.md, "The request write path"). 提交 is written by `file`;
 * every change of a filed request — the holder's and resident's actions, escalation (by hand and by the deadline
 * sweeper), the whistle chain's steps, extensions, 重办, a 问需会 project resolving its items, the return-visit
 * sweeper's 未评价办结 — is decided by its service (after `authorizeTransition`, or `mayPerform` as `SYSTEM`) and
 * then written by `apply` / `applyEach`, inside one transaction, always in this order:
 *
 * 1. the deadline clocks, from the events (`clockStepsFor` of each event; an ESCALATE event closes the old level's
 *    clocks and opens 签收/办结 at the new one) — clocks before the request, the sweeper's order;
 * 2. the conditional `UPDATE request … WHERE id = ? AND version = ?` (0 rows → 409 CONCURRENT_MODIFICATION);
 * 3. the timeline events, then the rating;
 * 4. the notices;
 * 5. the metrics (`MetricsRecorder.appended`), from the same events — so the live numbers are the replayed ones.
 *
 * `transaction` is the one mapping of a lost lock race to 409. Pure decisions stay in the services' domain files.
 */
@Injectable()
export class RequestLedger {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deadlines: DeadlineService,
    private readonly notifications: NotificationsService,
    private readonly metrics: MetricsRecorder,
  ) {}

  /** The injected clock's time (tests move it; the clocks and numbers count by it). */
  now(): Date {
    return this.deadlines.now();
  }

  /**
   * A write transaction (re-run whole on a deadlock / certification conflict), or `within` a caller's (which maps
   * its own conflicts). A conflict that outlives the retries is a 409, not a 500.
   */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>, within?: EntityManager): Promise<T> {
    if (within) return work(within);
    try {
      return await writeTransaction(this.dataSource, work);
    } catch (error) {
      if (isLockConflict(error)) throw new DomainError(ErrorCode.ConcurrentModification);
      throw error;
    }
  }

  /**
   * 提交: a new request — its row, its SUBMIT event, its first clocks (签收 and 办结 at the level it was routed to),
   * the notices (made once the id is known) and the roll-up (one upsert, last: its row lock is held only until the
   * commit). Sets `request.id` and `submitted.id`; returns the clocks as opened.
   */
  async file(
    manager: EntityManager,
    request: RequestEntity,
    submitted: TimelineEventEntity,
    notices: (filed: RequestEntity) => readonly Notice[],
    now: Date,
  ): Promise<DeadlineDraft[]> {
    request.id = await insertRow(manager, RequestEntity, request);
    submitted.requestId = request.id;
    submitted.id = await insertRow(manager, TimelineEventEntity, submitted);
    const clocks = await this.deadlines.openFor(manager, request, [DeadlineKind.Accept, DeadlineKind.Resolve], now);
    for (const notice of notices(request)) await this.notifications.deliver(manager, [notice], now);
    await this.metrics.filed(manager, request);
    return clocks;
  }

  /** Writes one decided change of `before` (read earlier, its version decides); returns the request as written. */
  async apply(manager: EntityManager, before: RequestEntity, change: LedgerChange, now: Date): Promise<RequestEntity> {
    const after = afterOf(before, change, now);
    await this.clocks(manager, [{ before, after, change }], now);
    if (change.versioned !== false && !(await this.conditionalUpdate(manager, before, after))) {
      throw new DomainError(ErrorCode.ConcurrentModification);
    }
    await this.append(manager, [{ before, after, change }], now);
    return after;
  }

  /**
   * A batch (the deadline sweeper's escalations): each change is written only if its request is still exactly as
   * read, in id order; the others are skipped, untouched. Here the update comes first and the clocks of the
   * written ones after (clocks closed for a request that was not written would lose its deadlines); the sweeper
   * has claimed those clocks in the same transaction already. Returns the requests as written.
   */
  async applyEach(manager: EntityManager, entries: readonly { before: RequestEntity; change: LedgerChange }[], now: Date): Promise<RequestEntity[]> {
    const written: Written[] = [];
    for (const { before, change } of [...entries].sort((a, b) => a.before.id - b.before.id)) {
      const after = afterOf(before, change, now);
      if (change.versioned === false || (await this.conditionalUpdate(manager, before, after))) written.push({ before, after, change });
    }
    if (written.length === 0) return [];
    await this.clocks(manager, written, now);
    await this.append(manager, written, now);
    return written.map((w) => w.after);
  }

  /** Step 1: what the events do to the clocks. */
  private async clocks(manager: EntityManager, written: readonly Written[], now: Date): Promise<void> {
    const escalated: Written[] = [];
    for (const w of written) {
      for (const event of w.change.events) {
        if (event.action === RequestAction.Escalate) {
          escalated.push(w);
          continue;
        }
        const steps = clockStepsFor(event.action, event.toStatus);
        if (steps.cancelAll) await this.deadlines.cancelAll(manager, w.before.id, now);
        if (steps.meet.length > 0) await this.deadlines.meet(manager, w.before.id, steps.meet, now);
        if (steps.open.length > 0) await this.deadlines.openFor(manager, w.before, steps.open, now);
      }
    }
    if (escalated.length === 0) return;
    // 上报: the old level's clocks stop (ESCALATED); 签收 and 办结 start at the new level
    await this.deadlines.closeForEscalation(manager, escalated.map((w) => w.after.id), now);
    const drafts = [];
    for (const { after } of escalated) drafts.push(...(await this.deadlines.draftsFor(after, [DeadlineKind.Accept, DeadlineKind.Resolve], now)));
    await this.deadlines.open(manager, drafts);
  }

  /** Steps 3–5: timeline, rating, notices, metrics. */
  private async append(manager: EntityManager, written: readonly Written[], now: Date): Promise<void> {
    const events = written.flatMap(({ before, change }) => change.events.map((e) => ({ departmentId: null, ...e, requestId: before.id, createdAt: now })));
    if (written.length === 1) await manager.insert(TimelineEventEntity, events);
    else {
      for (let i = 0; i < events.length; i += 500) {
        await manager.createQueryBuilder().insert().into(TimelineEventEntity).values(events.slice(i, i + 500)).updateEntity(false).execute();
      }
    }
    const ratings = written.flatMap(({ change }) => (change.rating ? [{ ...change.rating, createdAt: now }] : []));
    if (ratings.length > 0) await manager.insert(RatingEntity, ratings);
    await this.notifications.deliver(
      manager,
      written.flatMap((w) => w.change.notices),
      now,
    );
    for (const { before, change } of written) await this.metrics.appended(manager, before, change.events, now, change.rating);
  }

  /** Step 2, the optimistic-concurrency write: true when nobody changed the request since it was read. */
  private async conditionalUpdate(manager: EntityManager, before: RequestEntity, after: RequestEntity): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(RequestEntity)
      .set({
        status: after.status,
        level: after.level,
        holderUserId: after.holderUserId,
        reopenCount: after.reopenCount,
        resolvedAt: after.resolvedAt,
        closedAt: after.closedAt,
        publicSummary: after.publicSummary,
        version: after.version,
        updatedAt: after.updatedAt,
      })
      .where('id = :id AND version = :version', { id: before.id, version: before.version })
      .execute();
    return result.affected === 1;
  }
}

interface Written {
  before: RequestEntity;
  after: RequestEntity;
  change: LedgerChange;
}

function afterOf(before: RequestEntity, change: LedgerChange, now: Date): RequestEntity {
  if (change.versioned === false) return before;
  return { ...before, ...change.set, status: change.status, version: before.version + 1, updatedAt: now };
}
