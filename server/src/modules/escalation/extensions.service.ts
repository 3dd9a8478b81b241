import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEADLINE_KIND_LABELS,
  DeadlineKind,
  DeadlineState,
  ErrorCode,
  ExtensionState,
  ExtensionView,
  FieldErrorCode,
  LIVE_DEADLINE_STATES,
  NotificationKind,
  RequestAction,
} from '@gezhi/shared';
import { DataSource, In } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { insertRow } from '../../database/insert-row';
import { DeadlineRules } from '../deadlines/deadline-rules.service';
import { RequestDeadlineEntity } from '../deadlines/deadline.entities';
import { addDeadlineTime } from '../deadlines/domain/work-calendar';
import { requestNotice } from '../notifications/request-notices';
import { Permission } from '@gezhi/shared';
import { requireAccess } from '../../access/require-access';
import { EventDraft, RequestLedger } from '../requests/request-ledger';
import { RequestEntity } from '../requests/request.entities';
import { RequestViews } from '../requests/request-views.service';
import { UsersService } from '../users/users.service';
import type { User } from '../users/user.entity';
import { EscalationLadder } from './domain/escalation-ladder';
import { ExtensionDecisionDto, ExtensionRequestDto } from './escalation.dto';
import { DeadlineExtensionEntity } from './extension.entity';
import { LevelHolders } from '../geo/level-holders';

/**
 * 延期: the holder asks for more time on a running clock with a reason; an officer of the level above (the
 * community for a grid, the street for a community) approves — the clock's due and warn times move by the
 * minutes, on the same calendar (wall clock for 紧急) — or refuses. Decisions are conditional updates.
 */
@Injectable()
export class ExtensionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly views: RequestViews,
    private readonly rules: DeadlineRules,
    private readonly ledger: RequestLedger,
    private readonly holders: LevelHolders,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async ask(actor: User, requestId: number, body: ExtensionRequestDto): Promise<ExtensionView> {
    const request = await this.views.findVisible(actor, requestId);
    // the holder, while the item is open (the shared table)
    requireAccess(actor, Permission.ExtensionAsk, { action: RequestAction.RequestExtension, request });
    const approverLevel = EscalationLadder.supervisorOf(request.level);
    if (!approverLevel) throw new DomainError(ErrorCode.EscalationTopReached);
    const kind = body.kind ?? DeadlineKind.Resolve;
    const deadline = await this.dataSource.getRepository(RequestDeadlineEntity).findOne({
      where: { requestId, kind, level: request.level, state: In([...LIVE_DEADLINE_STATES]) },
      order: { id: 'DESC' },
    });
    if (!deadline) throw DomainError.validation({ kind: FieldErrorCode.InvalidEnum });
    const pending = await this.dataSource.getRepository(DeadlineExtensionEntity).countBy({ deadlineId: deadline.id, state: 'PENDING' });
    if (pending > 0) throw new DomainError(ErrorCode.IllegalTransition);
    const now = this.clock.now();
    const extension: DeadlineExtensionEntity = {
      id: 0,
      requestId,
      deadlineId: deadline.id,
      kind,
      level: request.level,
      minutes: body.minutes,
      reason: body.reason,
      state: 'PENDING',
      requestedByUserId: actor.id,
      decidedByUserId: null,
      decisionNote: null,
      dueAtBefore: deadline.dueAt,
      dueAtAfter: null,
      createdAt: now,
      decidedAt: null,
    };
    const approver = await this.holders.holderAt(approverLevel, request);
    const note = `申请${DEADLINE_KIND_LABELS[kind]}时限延期 ${body.minutes} 分钟：${body.reason}`;
    const notices = approver === null ? [] : [requestNotice(approver, NotificationKind.ExtensionRequested, request, `申请延期 ${body.minutes} 分钟：${body.reason}`)];
    await this.ledger.transaction(async (manager) => {
      extension.id = await insertRow(manager, DeadlineExtensionEntity, extension);
      // the item itself does not change (its version stays): its timeline event and the approver's notice
      await this.ledger.apply(manager, request, { status: request.status, versioned: false, events: [timelineEvent(actor, request, RequestAction.RequestExtension, note)], notices }, now);
    });
    return this.view(extension);
  }

  approve(actor: User, id: number, body: ExtensionDecisionDto): Promise<ExtensionView> {
    return this.decide(actor, id, 'APPROVED', body.note ?? null);
  }

  reject(actor: User, id: number, body: ExtensionDecisionDto): Promise<ExtensionView> {
    if (!body.note) throw DomainError.validation({ note: FieldErrorCode.Required });
    return this.decide(actor, id, 'REJECTED', body.note);
  }

  async listFor(actor: User, requestId: number): Promise<ExtensionView[]> {
    await this.views.findVisible(actor, requestId);
    const rows = await this.dataSource.getRepository(DeadlineExtensionEntity).find({ where: { requestId }, order: { id: 'ASC' } });
    return Promise.all(rows.map((r) => this.view(r)));
  }

  private async decide(actor: User, id: number, state: Exclude<ExtensionState, 'PENDING'>, note: string | null): Promise<ExtensionView> {
    const extension = await this.dataSource.getRepository(DeadlineExtensionEntity).findOneBy({ id });
    if (!extension) throw new DomainError(ErrorCode.NotFound);
    const request = await this.dataSource.getRepository(RequestEntity).findOneByOrFail({ id: extension.requestId });
    // outside the decider's area: the scope refusal, worded for them; then the shared table's `supervisor` of the
    // level it was asked at — one level up (the shared ladder's rule; the mini-program shows 批准/不同意 by it) — while the item is open
    requireAccess(actor, Permission.ExtensionDecide, { action: RequestAction.DecideExtension, request: { ...request, level: extension.level } });
    if (extension.state !== 'PENDING') throw new DomainError(ErrorCode.IllegalTransition);
    const now = this.clock.now();
    const deadlines = this.dataSource.getRepository(RequestDeadlineEntity);
    const deadline = await deadlines.findOneByOrFail({ id: extension.deadlineId });
    const decided: DeadlineExtensionEntity = { ...extension, state, decidedByUserId: actor.id, decisionNote: note, decidedAt: now };
    await this.ledger.transaction(async (manager) => {
      if (state === 'APPROVED') {
        if (!LIVE_DEADLINE_STATES.includes(deadline.state)) throw new DomainError(ErrorCode.IllegalTransition);
        const { calendar } = await this.rules.current();
        const dueAt = addDeadlineTime(calendar, deadline.dueAt, extension.minutes, deadline.wallClock);
        const warnAt = addDeadlineTime(calendar, deadline.warnAt, extension.minutes, deadline.wallClock);
        // a missed clock that gets more time runs again (the miss stays recorded); a red one stays red until then
        const next = now >= dueAt ? deadline.state : now >= warnAt ? DeadlineState.Yellow : DeadlineState.Open;
        const moved = await manager
          .createQueryBuilder()
          .update(RequestDeadlineEntity)
          .set({ dueAt, warnAt, state: next, version: deadline.version + 1 })
          .where('id = :id AND version = :version', { id: deadline.id, version: deadline.version })
          .execute();
        if (moved.affected !== 1) throw new DomainError(ErrorCode.ConcurrentModification);
        decided.dueAtAfter = dueAt;
      }
      const result = await manager
        .createQueryBuilder()
        .update(DeadlineExtensionEntity)
        .set({ state, decidedByUserId: actor.id, decisionNote: note, decidedAt: now, dueAtAfter: decided.dueAtAfter })
        .where("id = :id AND state = 'PENDING'", { id })
        .execute();
      if (result.affected !== 1) throw new DomainError(ErrorCode.ConcurrentModification);
      const verdict = state === 'APPROVED' ? `同意延期 ${extension.minutes} 分钟` : `不同意延期：${note}`;
      const verdictNote = state === 'APPROVED' && note ? `${verdict}：${note}` : verdict;
      const notices = [requestNotice(extension.requestedByUserId, NotificationKind.ExtensionDecided, request, verdict)];
      await this.ledger.apply(manager, request, { status: request.status, versioned: false, events: [timelineEvent(actor, request, RequestAction.DecideExtension, verdictNote)], notices }, now);
    });
    return this.view(decided);
  }

  private async view(e: DeadlineExtensionEntity): Promise<ExtensionView> {
    const names = await this.users.namesOf([e.requestedByUserId, ...(e.decidedByUserId ? [e.decidedByUserId] : [])]);
    return {
      id: e.id,
      requestId: e.requestId,
      kind: e.kind,
      level: e.level,
      minutes: e.minutes,
      reason: e.reason,
      state: e.state,
      requestedByName: names.get(e.requestedByUserId) ?? '',
      decidedByName: e.decidedByUserId ? (names.get(e.decidedByUserId) ?? null) : null,
      decisionNote: e.decisionNote,
      dueAtBefore: e.dueAtBefore.toISOString(),
      dueAtAfter: e.dueAtAfter ? e.dueAtAfter.toISOString() : null,
      createdAt: e.createdAt.toISOString(),
      decidedAt: e.decidedAt ? e.decidedAt.toISOString() : null,
    };
  }
}

/** 延期's timeline event: the status stays. */
function timelineEvent(actor: User, request: RequestEntity, action: RequestAction, note: string): EventDraft {
  return { action, fromStatus: request.status, toStatus: request.status, actorUserId: actor.id, actorRole: actor.role, note, photoIds: [], departmentId: null };
}
