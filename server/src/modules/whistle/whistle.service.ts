import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AssignmentAction,
  AssignmentState,
  ErrorCode,
  nextAssignmentState,
  NotificationKind,
  RequestAction,
  RequestDetail,
  RequestStatus,
  Role,
  WHISTLE_ROLE_LABELS,
  WhistleProposal,
  WhistleRole,
} from '@gezhi/shared';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { DepartmentEntity } from '../departments/department.entities';
import { departmentView, DepartmentsService, routingRuleView } from '../departments/departments.service';
import { proposeDepartments, validateWhistleDepartments } from '../departments/domain/routing-table';
import { MetricsRecorder } from '../metrics/metrics-recorder';
import { NotificationsService } from '../notifications/notifications.service';
import { Notice, requestNotice } from '../notifications/request-notices';
import { Permission } from '@gezhi/shared';
import { requireAccess } from '../../access/require-access';
import { requestActionOf } from '../requests/domain/transition-guard';
import { RequestLedger } from '../requests/request-ledger';
import { RequestEntity } from '../requests/request.entities';
import { RequestViews } from '../requests/request-views.service';
import { UploadsService } from '../uploads/uploads.service';
import { liaisonsOf } from '../users/liaisons';
import { User } from '../users/user.entity';
import type { NoteDto, ResolveDto } from '../requests/dto/request.dto';
import { approvedPublicSummary } from '../board/domain/public-summary';
import type { ReportDto, ReturnDto, WhistleDto } from './dto/whistle.dto';
import { WhistleAssignmentEntity } from '../requests/whistle-assignment.entity';
import { WhistleDeadlines } from './whistle-deadlines';

type RequestWithAssignments = RequestEntity & { assignments: WhistleAssignmentEntity[] };

/** What one department step does, decided before anything is written. */
interface StepPlan {
  assignment: Partial<WhistleAssignmentEntity>;
  /** the request's new status and columns when it changes (lead return, resolve) */
  request?: { status: RequestStatus; set: Partial<Pick<RequestEntity, 'resolvedAt' | 'publicSummary'>> };
  /** the other active assignments of the round end (lead return → RECALLED; lead resolve → DONE / RECALLED) */
  endRound?: boolean;
  note: string;
  photoIds: string[];
  notices: (request: RequestEntity) => Promise<Notice[]>;
}

/**
 * 街道吹哨、部门报到: the street (or, where allowed, a community) whistles a lead and assisting departments; each
 * department reports in, records progress, or returns it; the lead resolves. Every step is decided here
 * (`authorizeTransition`, the assignment's own state machine) and written in ONE transaction: the conditional
 * UPDATE of the assignment's version, the departments' clocks, then the request ledger (the request's clocks, its
 * conditional UPDATE when the status changes, a timeline event naming the department, notices, metrics). A lost
 * race → 409 CONCURRENT_MODIFICATION.
 */
@Injectable()
export class WhistleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly views: RequestViews,
    private readonly departments: DepartmentsService,
    private readonly uploads: UploadsService,
    private readonly notifications: NotificationsService,
    private readonly deadlines: WhistleDeadlines,
    private readonly ledger: RequestLedger,
    private readonly metrics: MetricsRecorder,
  ) {}

  /** 派单建议 from the street's routing table, plus every department of the street for picking by hand. */
  async proposal(actor: User, requestId: number): Promise<WhistleProposal> {
    requireAccess(actor, Permission.WhistlePropose, { id: requestId });
    const request = await this.views.findVisible(actor, requestId);
    const [rules, departments] = await Promise.all([this.departments.rulesOf(request.streetId), this.departments.forStreet(request.streetId)]);
    const rule = proposeDepartments(rules, request);
    const byId = new Map(departments.map((d) => [d.id, d]));
    const pick = (id: number) => byId.get(id);
    return {
      rule: rule ? routingRuleView(rule) : null,
      lead: rule && pick(rule.leadDepartmentId) ? departmentView(pick(rule.leadDepartmentId) as DepartmentEntity) : null,
      assists: (rule?.assistDepartmentIds ?? []).map(pick).filter((d): d is DepartmentEntity => !!d).map(departmentView),
      departments: departments.map(departmentView),
    };
  }

  /** 吹哨: WHISTLED, one NOTIFIED assignment per department (a new round), every liaison of them notified. */
  async whistle(actor: User, requestId: number, body: WhistleDto): Promise<RequestDetail> {
    const found = await this.views.findVisible(actor, requestId);
    const request = { ...found, communityMayWhistle: await this.departments.communityMayWhistle(found.streetId) };
    const { transition } = requireAccess(actor, Permission.Whistle, { action: RequestAction.Whistle, request });
    const assistIds = body.assistDepartmentIds ?? [];
    const streetDepartments = await this.departments.forStreet(request.streetId);
    const errors = validateWhistleDepartments(body, new Set(streetDepartments.map((d) => d.id)));
    if (Object.keys(errors).length > 0) throw DomainError.validation(errors);
    const names = new Map(streetDepartments.map((d) => [d.id, d.name]));
    const now = this.deadlines.now();
    const previous = await this.views.assignmentsOf(request.id);
    const round = previous.reduce((max, a) => Math.max(max, a.round), 0) + 1;
    // one REPORT clock per department; the assignment's reportDueAt is that clock's due time
    const clocks = await this.deadlines.reportDrafts(found, [body.leadDepartmentId, ...assistIds], now);
    const reportDueAt = (departmentId: number) => clocks.find((c) => c.unitId === departmentId)?.dueAt ?? null;
    const drafts = [
      { departmentId: body.leadDepartmentId, role: WhistleRole.Lead },
      ...assistIds.map((departmentId) => ({ departmentId, role: WhistleRole.Assist })),
    ].map((d) => ({
      requestId: request.id,
      round,
      ...d,
      state: AssignmentState.Notified,
      note: body.note,
      plan: null,
      returnedReason: null,
      whistledByUserId: actor.id,
      notifiedAt: now,
      reportedAt: null,
      finishedAt: null,
      reportDueAt: reportDueAt(d.departmentId),
      dueAt: reportDueAt(d.departmentId),
      version: 1,
    }));
    const summary = [`主办：${names.get(body.leadDepartmentId)}`, assistIds.length ? `协办：${assistIds.map((id) => names.get(id)).join('、')}` : null]
      .filter(Boolean)
      .join('；');
    const liaisons = await liaisonsOf(this.dataSource.manager, [body.leadDepartmentId, ...assistIds]);
    const notices = liaisons.map((l) => requestNotice(l.id, NotificationKind.WhistleAssigned, request, `${WHISTLE_ROLE_LABELS[roleOf(drafts, l)]}。${body.note}`));
    const updated = await this.ledger.transaction(async (manager) => {
      // the departments' REPORT clocks start; the ledger moves the street's (ACCEPT, FIRST_RESPONSE met) and writes the rest
      await this.deadlines.openReports(manager, clocks);
      const after = await this.ledger.apply(
        manager,
        found,
        {
          status: transition.to as RequestStatus,
          set: { holderUserId: actor.id },
          events: [
            {
              action: RequestAction.Whistle,
              fromStatus: request.status,
              toStatus: transition.to as RequestStatus,
              actorUserId: actor.id,
              actorRole: actor.role,
              note: `${summary}。${body.note}`,
              photoIds: [],
              departmentId: null,
            },
          ],
          notices,
        },
        now,
      );
      const saved = manager.create(WhistleAssignmentEntity, drafts);
      await manager.save(saved);
      // 数据: each assignment counts for its department (the whistle's response to the item came with its event)
      await this.metrics.assigned(manager, found, saved);
      return after;
    });
    return this.views.detail(actor, updated);
  }

  /** 报到: the department acknowledges with its plan (within the report deadline); the street officer is told. */
  report(actor: User, assignmentId: number, body: ReportDto): Promise<RequestDetail> {
    return this.step(actor, assignmentId, AssignmentAction.Report, (request, _assignment, now, name) => ({
      assignment: { reportedAt: now, plan: body.plan, dueAt: null },
      note: body.plan,
      photoIds: [],
      notices: async () => holderNotices(request, NotificationKind.WhistleReported, `${name}已报到：${body.plan}`),
    }));
  }

  /** 进展: a note with photos from a department that reported in; the resident follows it in the timeline. */
  progress(actor: User, assignmentId: number, body: NoteDto): Promise<RequestDetail> {
    const photoIds = body.photoIds ?? [];
    return this.step(
      actor,
      assignmentId,
      AssignmentAction.Progress,
      (request) => ({
        assignment: {},
        note: body.note,
        photoIds,
        notices: async () => residentNotices(request, NotificationKind.RequestProgress, body.note),
      }),
      photoIds,
    );
  }

  /** 退回: the lead hands the item back to the street (IN_PROGRESS, the round ends); an assisting department just leaves. */
  return(actor: User, assignmentId: number, body: ReturnDto): Promise<RequestDetail> {
    return this.step(actor, assignmentId, AssignmentAction.Return, (request, assignment, now, name) => {
      const isLead = assignment.role === WhistleRole.Lead;
      return {
        assignment: { returnedReason: body.reason, finishedAt: now, dueAt: null },
        request: isLead ? { status: RequestStatus.InProgress, set: {} } : undefined,
        endRound: isLead,
        note: body.reason,
        photoIds: [],
        notices: async () => holderNotices(request, NotificationKind.WhistleReturned, `${name}退回：${body.reason}`),
      };
    });
  }

  /** 办结: only the lead; the resident is asked to rate; assisting departments that reported in are done too. */
  resolve(actor: User, assignmentId: number, body: ResolveDto): Promise<RequestDetail> {
    const photoIds = body.photoIds ?? [];
    return this.step(
      actor,
      assignmentId,
      AssignmentAction.Resolve,
      (request, _assignment, now) => ({
        assignment: { finishedAt: now, dueAt: null },
        request: { status: RequestStatus.Resolved, set: { resolvedAt: now, publicSummary: approvedPublicSummary(body.publicSummary, request) } },
        endRound: true,
        note: body.note,
        photoIds,
        notices: async () => residentNotices(request, NotificationKind.RequestResolved, body.note),
      }),
      photoIds,
    );
  }

  private async step(
    actor: User,
    assignmentId: number,
    action: AssignmentAction,
    plan: (request: RequestWithAssignments, assignment: WhistleAssignmentEntity, now: Date, departmentName: string) => StepPlan,
    attachedPhotoIds: readonly string[] = [],
  ): Promise<RequestDetail> {
    const assignment = await this.dataSource.getRepository(WhistleAssignmentEntity).findOneBy({ id: assignmentId });
    if (!assignment) throw new DomainError(ErrorCode.NotFound);
    requireAccess(actor, Permission.WhistleAssignmentAct, assignment);
    const nextState = nextAssignmentState(assignment.state, action, assignment.role);
    if (!nextState) throw new DomainError(ErrorCode.IllegalTransition);
    const request = (await this.views.findVisible(actor, assignment.requestId)) as RequestWithAssignments;
    const requestAction = requestActionOf(action, assignment.role);
    const { transition } = requireAccess(actor, Permission.RequestTransition, { action: requestAction, request });
    await this.uploads.ownPhotos(actor.id, attachedPhotoIds);
    const department = await this.departments.findOne(assignment.departmentId);
    const now = this.deadlines.now();
    const decided = plan(request, assignment, now, department?.name ?? '');
    const toStatus = decided.request?.status ?? request.status;
    if (decided.request && transition.to !== toStatus) throw new Error(`${requestAction} leads to ${transition.to}, not ${toStatus}`);
    const notices = await decided.notices(request);
    const updated = await this.ledger.transaction(async (manager) => {
      const changed = await manager
        .createQueryBuilder()
        .update(WhistleAssignmentEntity)
        .set({ ...decided.assignment, state: nextState, version: assignment.version + 1 })
        .where('id = :id AND version = :version', { id: assignment.id, version: assignment.version })
        .execute();
      if (changed.affected !== 1) throw new DomainError(ErrorCode.ConcurrentModification);
      const ended = decided.endRound ? await endRound(manager, assignment, action, now) : [];
      // the departments' clocks before the request's (the sweeper's order): this one's REPORT clock, the ended ones
      if (action === AssignmentAction.Report) await this.deadlines.reported(manager, assignment, now);
      if (action === AssignmentAction.Return) await this.deadlines.stopped(manager, [assignment], now);
      await this.deadlines.stopped(manager, ended, now);
      // the request: its clocks, and (when its status changes: lead return, resolve) its conditional update; the event names the department
      const after = await this.ledger.apply(
        manager,
        request,
        {
          status: toStatus,
          set: decided.request?.set ?? {},
          versioned: decided.request !== undefined,
          events: [
            {
              action: requestAction,
              fromStatus: request.status,
              toStatus,
              actorUserId: actor.id,
              actorRole: actor.role,
              note: decided.note,
              photoIds: decided.photoIds,
              departmentId: assignment.departmentId,
            },
          ],
          notices,
        },
        now,
      );
      // 数据: 报到 / 退回 / 办结 of the department (and the end of the round for the others)
      await this.metrics.departmentStep(manager, assignment, action, now);
      return after;
    });
    return this.views.detail(actor, updated);
  }
}

/**
 * The round ends with the lead's return or resolution: the other departments still at work are RECALLED — except,
 * on resolution, those that reported in, which are DONE. State-conditional UPDATEs, so a department reporting in
 * at the same moment either lands first (and is then ended) or loses its own version check.
 */
async function endRound(
  manager: EntityManager,
  lead: WhistleAssignmentEntity,
  action: AssignmentAction,
  now: Date,
): Promise<Pick<WhistleAssignmentEntity, 'requestId' | 'departmentId'>[]> {
  const stillNotified = (
    await manager.find(WhistleAssignmentEntity, { where: { requestId: lead.requestId, round: lead.round, state: AssignmentState.Notified } })
  ).filter((a) => a.id !== lead.id);
  const end = async (from: AssignmentState, to: AssignmentState) =>
    manager
      .createQueryBuilder()
      .update(WhistleAssignmentEntity)
      .set({ state: to, finishedAt: now, dueAt: null, version: () => 'version + 1' })
      .where('requestId = :requestId AND round = :round AND id <> :id AND state = :from', {
        requestId: lead.requestId,
        round: lead.round,
        id: lead.id,
        from,
      })
      .execute();
  await end(AssignmentState.Reported, action === AssignmentAction.Resolve ? AssignmentState.Done : AssignmentState.Recalled);
  await end(AssignmentState.Notified, AssignmentState.Recalled);
  return stillNotified.map((a) => ({ requestId: a.requestId, departmentId: a.departmentId }));
}

function roleOf(drafts: { departmentId: number; role: WhistleRole }[], liaison: User): WhistleRole {
  return drafts.find((d) => d.departmentId === liaison.departmentId)?.role ?? WhistleRole.Assist;
}

function holderNotices(request: RequestEntity, kind: NotificationKind, detail: string): Notice[] {
  return request.holderUserId === null ? [] : [requestNotice(request.holderUserId, kind, request, detail)];
}

function residentNotices(request: RequestEntity, kind: NotificationKind, detail: string): Notice[] {
  return request.residentUserId === null ? [] : [requestNotice(request.residentUserId, kind, request, detail)];
}
