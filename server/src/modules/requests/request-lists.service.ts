import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { InboxCounts, isFinal, Page, PageQuery, RequestStatus, RequestSummary } from '@gezhi/shared';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { pageWindow, toPage } from '../../common/http/pagination';
import type { User } from '../users/user.entity';
import { assertStaff, levelOfRole, scopeOf } from './access/request-access';
import { RequestEntity } from './request.entities';
import { RequestViews } from './request-views.service';

const OPEN_STATUSES = Object.values(RequestStatus).filter((status) => !isFinal(status));

/** Paginated lists, newest first, each backed by an index that starts with its filter columns. */
@Injectable()
export class RequestListsService {
  constructor(
    @InjectRepository(RequestEntity) private readonly requests: Repository<RequestEntity>,
    private readonly views: RequestViews,
  ) {}

  async mine(resident: User, query: PageQuery): Promise<Page<RequestSummary>> {
    return this.page(resident, this.requests.createQueryBuilder('r').where('r.residentUserId = :id', { id: resident.id }), query);
  }

  /**
   * The staff inbox: items in the viewer's scope held at the viewer's level, in one status — or, without
   * a status, every item still open (final ones are history: ask for CLOSED etc. explicitly).
   */
  async inbox(staff: User, query: PageQuery & { status?: RequestStatus }): Promise<Page<RequestSummary>> {
    const statuses = query.status ? [query.status] : OPEN_STATUSES;
    return this.page(staff, this.inboxScope(staff).andWhere('r.status IN (:...statuses)', { statuses }), query);
  }

  async inboxCounts(staff: User): Promise<InboxCounts> {
    const rows = await this.inboxScope(staff)
      .select('r.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .andWhere('r.status IN (:...statuses)', {
        statuses: [RequestStatus.PendingAccept, RequestStatus.InProgress, RequestStatus.Resolved],
      })
      .groupBy('r.status')
      .getRawMany<{ status: RequestStatus; count: string | number }>();
    const count = (status: RequestStatus) => Number(rows.find((row) => row.status === status)?.count ?? 0);
    return {
      pendingAccept: count(RequestStatus.PendingAccept),
      inProgress: count(RequestStatus.InProgress),
      resolved: count(RequestStatus.Resolved),
    };
  }

  private inboxScope(staff: User): SelectQueryBuilder<RequestEntity> {
    assertStaff(staff);
    const scope = scopeOf(staff);
    return this.requests
      .createQueryBuilder('r')
      .where(`r.${scope?.column ?? 'id'} = :scopeId`, { scopeId: scope?.id ?? 0 })
      .andWhere('r.level = :level', { level: levelOfRole(staff.role) });
  }

  private async page(viewer: User, query: SelectQueryBuilder<RequestEntity>, pageQuery: PageQuery): Promise<Page<RequestSummary>> {
    const window = pageWindow(pageQuery);
    const [rows, total] = await Promise.all([
      query.clone().orderBy('r.createdAt', 'DESC').addOrderBy('r.id', 'DESC').offset(window.skip).limit(window.pageSize).getMany(),
      countRows(query),
    ]);
    return toPage(await this.views.summaries(viewer, rows), total, window);
  }
}

/** A plain COUNT(*) (TypeORM's getCount() counts DISTINCT ids, which defeats the covering index). */
async function countRows(query: SelectQueryBuilder<RequestEntity>): Promise<number> {
  const row = await query.clone().select('COUNT(*)', 'total').getRawOne<{ total: string | number }>();
  return Number(row?.total ?? 0);
}
