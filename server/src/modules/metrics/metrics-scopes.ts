import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { categoryLabel, ErrorCode, MetricsScopeKind, MetricsScopeView, RequestCategory } from '@gezhi/shared';
import { DataSource, In } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { MetricsConfig } from './metrics.config';
import { DepartmentEntity } from '../departments/department.entities';
import { Community, Grid, Street } from '../geo/geo.entities';
import { displayName, User } from '../users/user.entity';
import type { PlacedScope } from './domain/metrics-access';
import type { RequestFilter } from './metrics-reader';
import { AnswerCache } from './answer-cache';

/** A unit with where it sits, its name, and the roll-up rows it covers. */
export interface ResolvedScope extends PlacedScope {
  name: string;
  /** null for a department */
  filter: RequestFilter | null;
}

export interface UnitRef {
  id: number;
  name: string;
  parentName: string | null;
}

/** Looks up the unit a metrics query names (404 NOT_FOUND when it does not exist) and the units below it. */
@Injectable()
export class MetricsScopes {
  /** units and their children change rarely: looked up once per METRICS_CACHE_MS per instance */
  private readonly cache: AnswerCache;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: MetricsConfig,
  ) {
    this.cache = new AnswerCache(config.cacheMs);
  }

  resolve(kind: MetricsScopeKind, id: number): Promise<ResolvedScope> {
    return this.cache.get(`scope|${kind}|${id}`, () => this.lookUp(kind, id));
  }

  private async lookUp(kind: MetricsScopeKind, id: number): Promise<ResolvedScope> {
    const m = this.dataSource.manager;
    switch (kind) {
      case MetricsScopeKind.Grid: {
        const grid = await m.findOneBy(Grid, { id });
        const community = grid ? await m.findOneBy(Community, { id: grid.communityId }) : null;
        if (!grid || !community) throw new DomainError(ErrorCode.NotFound);
        return { kind, id, name: grid.name, streetId: community.streetId, communityIds: [community.id], gridIds: [grid.id], filter: { gridIds: [grid.id] } };
      }
      case MetricsScopeKind.GridLeader: {
        const leader = await m.findOneBy(User, { id });
        const grids = leader ? await m.find(Grid, { where: { leaderUserId: id }, order: { id: 'ASC' } }) : [];
        if (!leader || grids.length === 0) throw new DomainError(ErrorCode.NotFound);
        const communities = await m.find(Community, { where: { id: In([...new Set(grids.map((g) => g.communityId))]) } });
        return {
          kind,
          id,
          name: `${displayName(leader)}（${grids.map((g) => g.name).join('、')}）`,
          streetId: communities[0].streetId,
          communityIds: [...new Set(grids.map((g) => g.communityId))],
          gridIds: grids.map((g) => g.id),
          filter: { gridIds: grids.map((g) => g.id) },
        };
      }
      case MetricsScopeKind.Community: {
        const community = await m.findOneBy(Community, { id });
        if (!community) throw new DomainError(ErrorCode.NotFound);
        return { kind, id, name: community.name, streetId: community.streetId, communityIds: [id], gridIds: [], filter: { communityId: id } };
      }
      case MetricsScopeKind.Street: {
        const street = await m.findOneBy(Street, { id });
        if (!street) throw new DomainError(ErrorCode.NotFound);
        return { kind, id, name: street.name, streetId: id, communityIds: [], gridIds: [], filter: { streetId: id } };
      }
      case MetricsScopeKind.Department: {
        const department = await m.findOneBy(DepartmentEntity, { id });
        if (!department) throw new DomainError(ErrorCode.NotFound);
        return { kind, id, name: department.name, streetId: department.streetId, communityIds: [], gridIds: [], filter: null };
      }
    }
  }

  view(scope: ResolvedScope, category: RequestCategory | null): MetricsScopeView {
    return { kind: scope.kind, id: scope.id, name: scope.name, category, categoryLabel: category ? categoryLabel(category) : null };
  }

  /** The grids a scope covers, with their community's name, in id order. */
  gridsOf(scope: ResolvedScope): Promise<UnitRef[]> {
    return this.cache.get(`grids|${scope.kind}|${scope.id}`, () => this.gridsBelow(scope));
  }

  private async gridsBelow(scope: ResolvedScope): Promise<UnitRef[]> {
    const m = this.dataSource.manager;
    const where =
      scope.kind === MetricsScopeKind.Street
        ? { communityId: In((await m.find(Community, { where: { streetId: scope.id } })).map((c) => c.id)) }
        : scope.kind === MetricsScopeKind.Community
          ? { communityId: scope.id }
          : { id: In(scope.gridIds) };
    const grids = await m.find(Grid, { where, order: { id: 'ASC' } });
    const communities = new Map((await m.find(Community, { where: { id: In([...new Set(grids.map((g) => g.communityId))]) } })).map((c) => [c.id, c.name]));
    return grids.map((g) => ({ id: g.id, name: g.name, parentName: communities.get(g.communityId) ?? null }));
  }

  async communitiesOf(streetId: number): Promise<UnitRef[]> {
    const communities = await this.dataSource.manager.find(Community, { where: { streetId }, order: { id: 'ASC' } });
    return communities.map((c) => ({ id: c.id, name: c.name, parentName: null }));
  }

  async departmentsOf(streetId: number): Promise<UnitRef[]> {
    const departments = await this.dataSource.manager.find(DepartmentEntity, { where: { streetId }, order: { id: 'ASC' } });
    return departments.map((d) => ({ id: d.id, name: d.name, parentName: null }));
  }
}
