import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DeadlineState, DueFilter, HandlingLevel, InboxCounts, isFinal, Page, PAGE_COUNT_CAP, PageQuery, RequestStatus, RequestSummary } from '@gezhi/shared';
import { In, Repository, SelectQueryBuilder } from 'typeorm';
import { DeadlineService, InboxUnit, SupervisedClocks } from '../deadlines/deadline.service';
import { DepartmentEntity } from '../departments/department.entities';
import { unitOfLevel } from '../deadlines/domain/deadline-units';
import { pageWindow, toPage } from '../../common/http/pagination';
import { countUpToCap } from '../../database/count-up-to-cap';
import type { User } from '../users/user.entity';
import { levelOfRole, scopeOf } from './access/request-access';
import { Permission } from '@gezhi/shared';
import { requireAccess } from '../../access/require-access';
import { Scope } from '../../access/scope';
import { RequestEntity } from './request.entities';
import { RequestViews } from './request-views.service';

const OPEN_STATUSES = Object.values(RequestStatus).filter((status) => !isFinal(status));

/** Paginated lists, newest first, each backed by an index that starts with its filter columns. */
@Injectable()
export class RequestListsService {
  constructor(
    @InjectRepository(RequestEntity) private readonly requests: Repository<RequestEntity>,
    private readonly views: RequestViews,
    private readonly deadlines: DeadlineService,
    @InjectRepository(DepartmentEntity) private readonly departments: Repository<DepartmentEntity>,
  ) {}

  async mine(resident: User, query: PageQuery): Promise<Page<RequestSummary>> {
    return this.page(resident, this.requests.createQueryBuilder('r').where('r.residentUserId = :id', { id: resident.id }), query);
  }

  /**
   * The staff inbox: items in the viewer's scope held at the viewer's level, in one status — or, without
   * a status, every item still open (final ones are history: ask for CLOSED etc. explicitly).
   */
  async inbox(staff: User, query: PageQuery & { status?: RequestStatus; due?: DueFilter }): Promise<Page<RequestSummary>> {
    if (query.due) return this.dueInbox(staff, query.due, query);
    const statuses = query.status ? [query.status] : OPEN_STATUSES;
    return this.page(staff, this.inboxScope(staff).andWhere('r.status IN (:...statuses)', { statuses }), query);
  }

  /** Tab badges; each count is bounded like a list's total (more than PAGE_COUNT_CAP shows as the cap + 1). */
  async inboxCounts(staff: User): Promise<InboxCounts> {
    const count = (status: RequestStatus) => countUpToCap(this.inboxScope(staff).andWhere('r.status = :status', { status }));
    const clocks = await this.supervisedClocks(staff);
    const [pendingAccept, inProgress, resolved, dueSoon, overdue] = await Promise.all([
      count(RequestStatus.PendingAccept),
      count(RequestStatus.InProgress),
      count(RequestStatus.Resolved),
      clocks ? this.deadlines.countDue(clocks, DeadlineState.Yellow, PAGE_COUNT_CAP) : 0,
      clocks ? this.deadlines.countDue(clocks, DeadlineState.Red, PAGE_COUNT_CAP) : 0,
    ]);
    return { pendingAccept, inProgress, resolved, dueSoon, overdue };
  }

  /**
   * 即将超时 / 已超时: items with a clock the viewer supervises in YELLOW / RED — the row's colour (the worst of its
   * running clocks, `supervisionOf`), so an item in 即将超时 has no red clock — earliest due first. Clocks run against
   * the unit of the level that holds the item, so this is the viewer's own queue; it also holds the REPORT clocks of
   * the departments that level whistled (a whistled item stays at the level that whistled it). Index-backed: one range
   * of IDX_request_deadline_unit for the viewer's unit and one per department.
   */
  private async dueInbox(staff: User, due: DueFilter, pageQuery: PageQuery): Promise<Page<RequestSummary>> {
    requireAccess(staff, Permission.StaffInbox);
    const clocks = await this.supervisedClocks(staff);
    const window = pageWindow(pageQuery);
    if (!clocks) return toPage([], 0, window);
    const state = due === 'soon' ? DeadlineState.Yellow : DeadlineState.Red;
    const [ids, counted] = await Promise.all([
      this.deadlines.requestIdsDue(clocks, state, window.skip, window.pageSize),
      this.deadlines.countDue(clocks, state, PAGE_COUNT_CAP),
    ]);
    const rows = ids.length > 0 ? await this.requests.findBy({ id: In(ids) }) : [];
    const ordered = ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is RequestEntity => r !== undefined);
    const page = toPage(await this.views.summaries(staff, ordered), Math.min(counted, PAGE_COUNT_CAP), window);
    return counted > PAGE_COUNT_CAP ? { ...page, totalCapped: true } : page;
  }

  /**
   * The clocks the viewer's due filter shows: their own unit's (grid / community / street) and, where the level can
   * whistle (the street; a community where its street allows it), the REPORT clocks of the street's departments
   * opened at that level — for a community only on its own requests. Departments by IDX on department.streetId.
   */
  private async supervisedClocks(staff: User): Promise<SupervisedClocks | null> {
    const own = this.inboxUnit(staff);
    if (!own) return null;
    const level = levelOfRole(staff.role);
    if (level === HandlingLevel.Grid || level === null || staff.streetId === null) return { own };
    const departments = await this.departments.find({ select: { id: true }, where: { streetId: staff.streetId } });
    const ids = departments.map((d) => d.id);
    return { own, departments: { ids, level, ...(level === HandlingLevel.Community ? { communityId: own.unitId } : {}) } };
  }

  private inboxUnit(staff: User): InboxUnit | null {
    const scope = scopeOf(staff);
    const level = levelOfRole(staff.role);
    return scope && level ? unitOfLevel(level, { gridId: scope.id, communityId: scope.id, streetId: scope.id }) : null;
  }

  private inboxScope(staff: User): SelectQueryBuilder<RequestEntity> {
    requireAccess(staff, Permission.StaffInbox);
    return Scope.of(staff)
      .narrow(this.requests.createQueryBuilder('r'), 'r')
      .andWhere('r.level = :level', { level: levelOfRole(staff.role) });
  }

  private async page(viewer: User, query: SelectQueryBuilder<RequestEntity>, pageQuery: PageQuery): Promise<Page<RequestSummary>> {
    const window = pageWindow(pageQuery);
    const [rows, counted] = await Promise.all([
      query.clone().orderBy('r.createdAt', 'DESC').addOrderBy('r.id', 'DESC').offset(window.skip).limit(window.pageSize).getMany(),
      countUpToCap(query),
    ]);
    const page = toPage(await this.views.summaries(viewer, rows), Math.min(counted, PAGE_COUNT_CAP), window);
    return counted > PAGE_COUNT_CAP ? { ...page, totalCapped: true } : page;
  }
}
