import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays, ProjectCounts, shanghaiDayOf, shanghaiDayStart } from '@gezhi/shared';
import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';
import { ReviewProjectEntity } from './review.entities';

/** Whose projects: a street's, a community's, or those linking an item of the grids (a grid, a grid leader). */
export type ProjectScope = { streetId: number } | { communityId: number } | { gridIds: readonly number[] };

/**
 * 项目服务清单 in the metrics (MetricsView.projects): for a scope and a period of local days (inclusive),
 * projects opened (created) and closed in it, those closed on or before their deadline day, and the open and
 * overdue ones at its end. Index-backed (review_project by community/street and createdAt/closedAt; the items
 * by grid); projects are few (a handful per community per half-month), so the on-time check runs here.
 */
@Injectable()
export class ProjectCountsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async counts(scope: ProjectScope, from: string, to: string): Promise<ProjectCounts> {
    const start = shanghaiDayStart(from);
    const end = shanghaiDayStart(addDays(to, 1));
    const endDay = shanghaiDayOf(end);
    const [opened, closedRows, openAtEndRows] = await Promise.all([
      this.scoped(scope).andWhere('p.createdAt >= :start AND p.createdAt < :end', { start, end }).getCount(),
      this.scoped(scope)
        .select(['p.id', 'p.deadline', 'p.closedAt'])
        .andWhere('p.closedAt >= :start AND p.closedAt < :end', { start, end })
        .getMany(),
      this.scoped(scope)
        .select(['p.id', 'p.deadline'])
        .andWhere('p.createdAt < :end', { end })
        .andWhere(new Brackets((b) => b.where('p.closedAt IS NULL').orWhere('p.closedAt >= :end', { end })))
        .getMany(),
    ]);
    return {
      opened,
      closed: closedRows.length,
      closedOnTime: closedRows.filter((p) => p.closedAt !== null && shanghaiDayOf(p.closedAt) <= p.deadline).length,
      openAtEnd: openAtEndRows.length,
      overdueAtEnd: openAtEndRows.filter((p) => p.deadline < endDay).length,
    };
  }

  private scoped(scope: ProjectScope): SelectQueryBuilder<ReviewProjectEntity> {
    const q = this.dataSource.getRepository(ReviewProjectEntity).createQueryBuilder('p');
    if ('streetId' in scope) return q.where('p.streetId = :streetId', { streetId: scope.streetId });
    if ('communityId' in scope) return q.where('p.communityId = :communityId', { communityId: scope.communityId });
    if (scope.gridIds.length === 0) return q.where('1 = 0');
    return q.where('p.id IN (SELECT i.projectId FROM review_project_item i WHERE i.gridId IN (:...gridIds))', { gridIds: [...scope.gridIds] });
  }
}
