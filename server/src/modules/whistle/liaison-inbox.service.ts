import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ACTIVE_ASSIGNMENT_STATES, AssignmentState, DeadlineKind, DeadlineUnitType, LiaisonInboxPage } from '@gezhi/shared';
import { In, Repository } from 'typeorm';
import { Permission } from '@gezhi/shared';
import { requireAccess } from '../../access/require-access';
import { pageWindow, toPage } from '../../common/http/pagination';
import { DeadlineService } from '../deadlines/deadline.service';
import { DepartmentsService } from '../departments/departments.service';
import { RequestEntity } from '../requests/request.entities';
import { RequestViews } from '../requests/request-views.service';
import type { User } from '../users/user.entity';
import { assignmentView } from '../requests/assignment-view';
import type { LiaisonInboxQueryDto } from './dto/whistle.dto';
import { WhistleAssignmentEntity } from '../requests/whistle-assignment.entity';

/** The liaison tab: my department's whistled items, the soonest deadline first (no deadline last), with counts. */
@Injectable()
export class LiaisonInboxService {
  constructor(
    @InjectRepository(WhistleAssignmentEntity) private readonly assignments: Repository<WhistleAssignmentEntity>,
    @InjectRepository(RequestEntity) private readonly requests: Repository<RequestEntity>,
    private readonly views: RequestViews,
    private readonly departments: DepartmentsService,
    private readonly deadlines: DeadlineService,
  ) {}

  async inbox(liaison: User, query: LiaisonInboxQueryDto): Promise<LiaisonInboxPage> {
    // a liaison account without a department has no inbox (an account set-up error, not a request out of reach)
    const departmentId = requireAccess(liaison, Permission.LiaisonInbox, { departmentId: liaison.departmentId });
    const states = query.state ? [query.state] : [...ACTIVE_ASSIGNMENT_STATES];
    const window = pageWindow(query);
    const scope = () =>
      this.assignments
        .createQueryBuilder('a')
        .where('a.departmentId = :departmentId', { departmentId })
        .andWhere('a.state IN (:...states)', { states });
    const [rows, total, notified, reported, department] = await Promise.all([
      scope()
        .orderBy('CASE WHEN a.dueAt IS NULL THEN 1 ELSE 0 END', 'ASC')
        .addOrderBy('a.dueAt', 'ASC')
        .addOrderBy('a.id', 'ASC')
        .offset(window.skip)
        .limit(window.pageSize)
        .getMany(),
      scope().getCount(),
      this.countIn(departmentId, AssignmentState.Notified),
      this.countIn(departmentId, AssignmentState.Reported),
      this.departments.findOne(departmentId),
    ]);
    const requestIds = rows.map((r) => r.requestId);
    const [requests, reportClocks] = await Promise.all([
      rows.length ? this.requests.findBy({ id: In(requestIds) }) : Promise.resolve([]),
      this.deadlines.liveOfUnits(requestIds, DeadlineKind.Report, DeadlineUnitType.Department),
    ]);
    const summaries = new Map((await this.views.summaries(liaison, requests)).map((s) => [s.id, s]));
    const items = rows
      .filter((a) => summaries.has(a.requestId))
      .map((a) => ({ assignment: assignmentView(a, department?.name ?? '', reportClocks), request: summaries.get(a.requestId)! }));
    return { ...toPage(items, total, window), counts: { notified, reported } };
  }

  private countIn(departmentId: number, state: AssignmentState): Promise<number> {
    return this.assignments.countBy({ departmentId, state });
  }
}
