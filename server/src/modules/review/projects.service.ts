import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  categoryLabel,
  ErrorCode,
  FieldErrorCode,
  isCalendarDay,
  Page,
  PROJECT_EVENT_LABELS,
  PROJECT_STATUS_LABELS,
  ProjectAction,
  ProjectCloseResponse,
  ProjectDetail,
  ProjectItemCloseOutcome,
  ProjectItemOutcome,
  ProjectEventKind,
  ProjectOwnerOption,
  ProjectStatus,
  ProjectSummary,
  residentStatusLabel,
  Role,
  ROLE_LABELS,
  shanghaiDayOf,
} from '@gezhi/shared';
import { Brackets, DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { pageWindow, toPage } from '../../common/http/pagination';
import { insertRow } from '../../database/insert-row';
import { Community, Grid } from '../geo/geo.entities';
import { RoomDirectory } from '../geo/room-directory';
import { NotificationsService } from '../notifications/notifications.service';
import { excerpt, formatSerial } from '../requests/domain/request-presentation';
import { RequestEntity } from '../requests/request.entities';
import { RequestTransitionsService } from '../requests/request-transitions.service';
import { displayName, User } from '../users/user.entity';
import { closeOutcomeNote, closeOutcomeView, decideItem } from './domain/project-close';
import { projectClosedNotices } from './domain/project-notices';
import { communityIdFor, ProjectFacts, projectActionsFor } from './domain/review-access';
import { Permission } from '@gezhi/shared';
import { requireAccess } from '../../access/require-access';
import { CloseProjectDto, CreateProjectDto, ProjectNoteDto, ProjectQueryDto } from './dto/review.dto';
import { ReviewProjectEntity, ReviewProjectEventEntity, ReviewProjectItemEntity } from './review.entities';
import { ReviewSettingsService } from './review-settings.service';

const OWNER_ROLES = [Role.GridLeader, Role.CommunityOfficer];

/**
 * 项目服务清单: projects made of 问需会 agenda entries — created by the community's officers (or its street's), each
 * with an owner, a deadline day and linked requests; progress notes; closed with a result that notifies the
 * residents of the linked requests in the same transaction. Every change is a conditional
 * `UPDATE … WHERE id = ? AND version = ?` (a stale version → 409 CONCURRENT_MODIFICATION), no row locks.
 */
@Injectable()
export class ProjectsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: ReviewSettingsService,
    private readonly rooms: RoomDirectory,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly transitions: RequestTransitionsService,
  ) {}

  async create(viewer: User, body: CreateProjectDto): Promise<ProjectDetail> {
    const scope = await this.settings.scopeFor(viewer, body.communityId, Permission.ReviewProjectCreate);
    const now = this.clock.now();
    const problems: Record<string, FieldErrorCode> = {};
    if (!isCalendarDay(body.deadline)) problems.deadline = FieldErrorCode.InvalidFormat;
    else if (body.deadline < shanghaiDayOf(now)) problems.deadline = FieldErrorCode.OutOfRange;
    if (body.meetingDate !== undefined && !isCalendarDay(body.meetingDate)) problems.meetingDate = FieldErrorCode.InvalidFormat;
    const requestIds = body.requestIds;
    if (requestIds.length === 0) problems.requestIds = FieldErrorCode.Required;
    else if (new Set(requestIds).size !== requestIds.length) problems.requestIds = FieldErrorCode.Duplicate;
    const [requests, owner] = await Promise.all([
      requestIds.length
        ? this.dataSource.getRepository(RequestEntity).find({ select: { id: true, communityId: true, gridId: true }, where: { id: In([...new Set(requestIds)]) } })
        : Promise.resolve([]),
      this.dataSource.getRepository(User).findOneBy({ id: body.ownerUserId }),
    ]);
    if (!problems.requestIds && (requests.length !== requestIds.length || requests.some((r) => r.communityId !== scope.communityId))) {
      problems.requestIds = FieldErrorCode.UnknownRequest;
    }
    if (!owner || !OWNER_ROLES.includes(owner.role) || owner.communityId !== scope.communityId) problems.ownerUserId = FieldErrorCode.UnknownStaff;
    if (Object.keys(problems).length > 0) throw DomainError.validation(problems);

    const project: Omit<ReviewProjectEntity, 'id'> = {
      communityId: scope.communityId,
      streetId: scope.streetId,
      title: body.title,
      description: body.description || null,
      ownerUserId: body.ownerUserId,
      deadline: body.deadline,
      status: ProjectStatus.Open,
      result: null,
      meetingDate: body.meetingDate ?? null,
      agendaEntryKeys: body.agendaEntryKeys ?? [],
      createdByUserId: viewer.id,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      closedByUserId: null,
      version: 1,
    };
    const id = await this.dataSource.transaction(async (manager) => {
      const projectId = await insertRow(manager, ReviewProjectEntity, project);
      await manager.insert(
        ReviewProjectItemEntity,
        requests.map((r) => ({ projectId, requestId: r.id, gridId: r.gridId })),
      );
      await manager.insert(ReviewProjectEventEntity, { projectId, kind: ProjectEventKind.Created, actorUserId: viewer.id, note: body.description || null, createdAt: now });
      return projectId;
    });
    return this.detail(viewer, id);
  }

  async list(viewer: User, query: ProjectQueryDto): Promise<Page<ProjectSummary>> {
    const q = this.dataSource.getRepository(ReviewProjectEntity).createQueryBuilder('p');
    if (viewer.role === Role.StreetOfficer && query.communityId === undefined) {
      q.where('p.streetId = :streetId', { streetId: viewer.streetId ?? 0 });
    } else {
      const communityId = communityIdFor(viewer, query.communityId);
      const community = await this.dataSource.getRepository(Community).findOneBy({ id: communityId });
      const scope = requireAccess(viewer, Permission.ReviewProjectList, { community });
      q.where('p.communityId = :communityId', { communityId: scope.communityId });
      if (viewer.role === Role.GridLeader) this.onlyGridLeaders(q, viewer);
    }
    const today = shanghaiDayOf(this.clock.now());
    if (query.status) q.andWhere('p.status = :status', { status: query.status });
    if (query.overdue === true) q.andWhere('p.status = :open AND p.deadline < :today', { open: ProjectStatus.Open, today });
    if (query.overdue === false) q.andWhere(new Brackets((b) => b.where('p.status <> :open', { open: ProjectStatus.Open }).orWhere('p.deadline >= :today', { today })));
    const window = pageWindow(query);
    const [rows, total] = await q.orderBy('p.createdAt', 'DESC').addOrderBy('p.id', 'DESC').skip(window.skip).take(window.pageSize).getManyAndCount();
    return toPage(await this.summaries(rows), total, window);
  }

  /** A grid leader's projects: those they own and those linking an item of their grid. */
  private onlyGridLeaders(q: SelectQueryBuilder<ReviewProjectEntity>, viewer: User): void {
    q.andWhere(
      new Brackets((b) =>
        b
          .where('p.ownerUserId = :me', { me: viewer.id })
          .orWhere(`p.id IN (SELECT i.projectId FROM review_project_item i WHERE i.gridId = :gridId)`, { gridId: viewer.gridId ?? 0 }),
      ),
    );
  }

  async detail(viewer: User, id: number): Promise<ProjectDetail> {
    const { project, items } = await this.load(viewer, id);
    const [summary] = await this.summaries([project]);
    const [events, requests] = await Promise.all([
      this.dataSource.getRepository(ReviewProjectEventEntity).find({ where: { projectId: id }, order: { id: 'ASC' } }),
      items.length ? this.dataSource.getRepository(RequestEntity).find({ where: { id: In(items.map((i) => i.requestId)) }, order: { id: 'ASC' } }) : [],
    ]);
    const [places, names] = await Promise.all([this.rooms.placementsOf(requests.map((r) => r.roomId)), this.namesOf(events.map((e) => e.actorUserId))]);
    return {
      ...summary,
      description: project.description,
      result: project.result,
      agendaEntryKeys: project.agendaEntryKeys,
      items: requests.map((r) => ({
        id: r.id,
        serial: formatSerial(r.id),
        category: r.category,
        subcategory: r.subcategory,
        categoryLabel: categoryLabel(r.category, r.subcategory),
        excerpt: excerpt(r.description),
        status: r.status,
        statusLabel: residentStatusLabel(r.status, r.level),
        gridName: places.get(r.roomId)?.gridName ?? '',
        buildingName: places.get(r.roomId)?.buildingName ?? '',
      })),
      events: events.map((e) => ({
        id: e.id,
        kind: e.kind,
        kindLabel: PROJECT_EVENT_LABELS[e.kind],
        actorName: names.get(e.actorUserId) ?? '',
        note: e.note,
        at: e.createdAt.toISOString(),
      })),
      availableActions: projectActionsFor(viewer, factsOf(project, items)),
    };
  }

  /** 更新进展: a note; the project stays open. */
  async addProgress(viewer: User, id: number, body: ProjectNoteDto): Promise<ProjectDetail> {
    return this.change(viewer, id, body.version, ProjectAction.AddProgress, async (manager, project, now) => {
      await manager.insert(ReviewProjectEventEntity, { projectId: project.id, kind: ProjectEventKind.Progress, actorUserId: viewer.id, note: body.note, createdAt: now });
      return {};
    });
  }

  /**
   * 办结: closed with the result, in one transaction with what it does to the linked requests: each one the closer may
   * resolve (处理中 at the level they hold) is resolved with the result as its note — through the requests' own guard
   * and writer (clocks, timeline, metrics), the resident asked to rate; the others stay as they are, and the response
   * (`closeOutcomes`), the project's timeline and each resident's notice say which and why.
   */
  async close(viewer: User, id: number, body: CloseProjectDto): Promise<ProjectCloseResponse> {
    let closeOutcomes: ProjectItemCloseOutcome[] = [];
    const detail = await this.change(viewer, id, body.version, ProjectAction.Close, async (manager, project, now, items) => {
      const linked = items.length
        ? await manager.getRepository(RequestEntity).find({
            select: { id: true, residentUserId: true, category: true, subcategory: true, status: true, level: true, gridId: true, communityId: true, streetId: true },
            where: { id: In(items.map((i) => i.requestId)) },
            order: { id: 'ASC' },
          })
        : [];
      const decided = linked.map((request) => ({ request, decision: decideItem(viewer, request) }));
      closeOutcomes = decided.map(({ request, decision }) => closeOutcomeView(request.id, decision));
      // the timeline: what became of the items, then the close itself (the last event)
      if (closeOutcomes.length > 0) {
        await manager.insert(ReviewProjectEventEntity, { projectId: project.id, kind: ProjectEventKind.Progress, actorUserId: viewer.id, note: closeOutcomeNote(closeOutcomes), createdAt: now });
      }
      await manager.insert(ReviewProjectEventEntity, { projectId: project.id, kind: ProjectEventKind.Closed, actorUserId: viewer.id, note: body.result, createdAt: now });
      const facts = { title: project.title, result: body.result };
      for (const { request, decision } of decided) {
        const notices = projectClosedNotices(facts, [{ ...request, outcome: decision.outcome, reason: decision.reason }]);
        if (decision.outcome === ProjectItemOutcome.Resolved) await this.transitions.resolveForProject(manager, viewer, request.id, body.result, notices);
        else await this.notifications.deliver(manager, notices, now);
      }
      return { status: ProjectStatus.Closed, result: body.result, closedAt: now, closedByUserId: viewer.id };
    });
    return { ...detail, closeOutcomes };
  }

  /** Who may own a project of the community: its grid leaders and community officers. */
  async owners(viewer: User, communityId: number | undefined): Promise<ProjectOwnerOption[]> {
    const scope = await this.settings.scopeFor(viewer, communityId, Permission.ReviewOwners);
    const users = await this.dataSource.getRepository(User).find({
      where: { communityId: scope.communityId, role: In(OWNER_ROLES) },
      order: { role: 'ASC', id: 'ASC' },
    });
    const gridIds = users.map((u) => u.gridId).filter((g): g is number => g !== null);
    const grids = gridIds.length ? await this.dataSource.getRepository(Grid).findBy({ id: In(gridIds) }) : [];
    const gridNames = new Map(grids.map((g) => [g.id, g.name]));
    return users
      .map((u) => ({
        id: u.id,
        name: displayName(u),
        role: u.role,
        roleLabel: ROLE_LABELS[u.role],
        gridName: u.gridId !== null ? (gridNames.get(u.gridId) ?? null) : null,
      }))
      .sort((a, b) => (a.role === b.role ? a.id - b.id : a.role === Role.CommunityOfficer ? -1 : 1));
  }

  private async change(
    viewer: User,
    id: number,
    version: number,
    action: ProjectAction,
    write: (
      manager: EntityManager,
      project: ReviewProjectEntity,
      now: Date,
      items: ReviewProjectItemEntity[],
    ) => Promise<Partial<Pick<ReviewProjectEntity, 'status' | 'result' | 'closedAt' | 'closedByUserId'>>>,
  ): Promise<ProjectDetail> {
    const { project, items } = await this.load(viewer, id);
    requireAccess(viewer, Permission.ReviewProjectAct, { project: { ...factsOf(project, items), id: project.id }, action });
    if (project.version !== version) throw new DomainError(ErrorCode.ConcurrentModification);
    const now = this.clock.now();
    // the request ledger's transaction: re-run on a deadlock, a conflict that outlives it is a 409
    await this.transitions.transaction(async (manager) => {
      // the conditional update first: a concurrent change makes it match no row, and nothing else is written
      const result = await manager
        .createQueryBuilder()
        .update(ReviewProjectEntity)
        .set({ version: version + 1, updatedAt: now })
        .where('id = :id AND version = :version', { id, version })
        .execute();
      if (result.affected !== 1) throw new DomainError(ErrorCode.ConcurrentModification);
      const set = await write(manager, project, now, items);
      if (Object.keys(set).length > 0) await manager.update(ReviewProjectEntity, { id }, set);
    });
    return this.detail(viewer, id);
  }

  /** The project and its links, if the viewer may see it (404 when it does not exist, 403 out of scope). */
  private async load(viewer: User, id: number): Promise<{ project: ReviewProjectEntity; items: ReviewProjectItemEntity[] }> {
    const project = await this.dataSource.getRepository(ReviewProjectEntity).findOneBy({ id });
    if (!project) throw new DomainError(ErrorCode.NotFound);
    const items = await this.dataSource.getRepository(ReviewProjectItemEntity).find({ where: { projectId: id }, order: { requestId: 'ASC' } });
    requireAccess(viewer, Permission.ReviewProjectView, { ...factsOf(project, items), id: project.id });
    return { project, items };
  }

  private async summaries(rows: readonly ReviewProjectEntity[]): Promise<ProjectSummary[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((p) => p.id);
    const [names, communities, counts] = await Promise.all([
      this.namesOf(rows.map((p) => p.ownerUserId)),
      this.dataSource.getRepository(Community).findBy({ id: In([...new Set(rows.map((p) => p.communityId))]) }),
      this.dataSource
        .getRepository(ReviewProjectItemEntity)
        .createQueryBuilder('i')
        .select('i.projectId', 'projectId')
        .addSelect('COUNT(*)', 'items')
        .where('i.projectId IN (:...ids)', { ids })
        .groupBy('i.projectId')
        .getRawMany<{ projectId: number | string; items: number | string }>(),
    ]);
    const communityNames = new Map(communities.map((c) => [c.id, c.name]));
    const itemCounts = new Map(counts.map((c) => [Number(c.projectId), Number(c.items)]));
    const today = shanghaiDayOf(this.clock.now());
    return rows.map((p) => ({
      id: p.id,
      communityId: p.communityId,
      communityName: communityNames.get(p.communityId) ?? '',
      title: p.title,
      ownerUserId: p.ownerUserId,
      ownerName: names.get(p.ownerUserId) ?? '',
      deadline: p.deadline,
      status: p.status,
      statusLabel: PROJECT_STATUS_LABELS[p.status],
      overdue: p.status === ProjectStatus.Open && p.deadline < today,
      itemCount: itemCounts.get(p.id) ?? 0,
      meetingDate: p.meetingDate,
      createdAt: p.createdAt.toISOString(),
      closedAt: p.closedAt ? p.closedAt.toISOString() : null,
      closedOnTime: p.closedAt ? shanghaiDayOf(p.closedAt) <= p.deadline : null,
      version: p.version,
    }));
  }

  private async namesOf(ids: readonly number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const users = await this.dataSource.getRepository(User).find({ select: { id: true, realName: true, nickname: true }, where: { id: In(unique) } });
    return new Map(users.map((u) => [u.id, displayName(u)]));
  }
}

function factsOf(project: ReviewProjectEntity, items: readonly ReviewProjectItemEntity[]): ProjectFacts {
  return {
    communityId: project.communityId,
    streetId: project.streetId,
    ownerUserId: project.ownerUserId,
    status: project.status,
    gridIds: [...new Set(items.map((i) => i.gridId))],
  };
}
