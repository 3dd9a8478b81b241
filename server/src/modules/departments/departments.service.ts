import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DepartmentView, ErrorCode, Role, RoutingRuleView, WhistleSettings } from '@gezhi/shared';
import { DataSource, In, Repository } from 'typeorm';
import { Permission } from '@gezhi/shared';
import { requireAccess } from '../../access/require-access';
import { DomainError } from '../../common/errors/domain-error';
import { Street } from '../geo/geo.entities';
import type { User } from '../users/user.entity';
import { DepartmentEntity, RoutingRuleEntity } from './department.entities';
import { validateRoutingTable } from './domain/routing-table';
import type { PutRoutingRulesDto } from './dto/departments.dto';

/** Departments (职能部门 / 共建单位 / 包联单位), each street's routing table, and its whistle settings. */
@Injectable()
export class DepartmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(DepartmentEntity) private readonly departments: Repository<DepartmentEntity>,
    @InjectRepository(RoutingRuleEntity) private readonly rules: Repository<RoutingRuleEntity>,
    @InjectRepository(Street) private readonly streets: Repository<Street>,
  ) {}

  /** The departments of the caller's street (a liaison: their department's street). */
  async listFor(user: User): Promise<DepartmentView[]> {
    return (await this.forStreet(await this.streetOf(user))).map(departmentView);
  }

  forStreet(streetId: number): Promise<DepartmentEntity[]> {
    return this.departments.find({ where: { streetId }, order: { id: 'ASC' } });
  }

  async byIds(ids: readonly number[]): Promise<Map<number, DepartmentEntity>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.departments.findBy({ id: In(unique) });
    return new Map(rows.map((d) => [d.id, d]));
  }

  findOne(id: number): Promise<DepartmentEntity | null> {
    return this.departments.findOneBy({ id });
  }

  rulesOf(streetId: number): Promise<RoutingRuleEntity[]> {
    return this.rules.find({ where: { streetId }, order: { id: 'ASC' } });
  }

  async routingRules(officer: User): Promise<RoutingRuleView[]> {
    return (await this.rulesOf(officerStreet(officer))).map(routingRuleView);
  }

  /** Replaces the officer's street's whole routing table (validated first; one transaction). */
  async replaceRoutingRules(officer: User, body: PutRoutingRulesDto): Promise<RoutingRuleView[]> {
    const streetId = officerStreet(officer);
    const departmentIds = new Set((await this.forStreet(streetId)).map((d) => d.id));
    const errors = validateRoutingTable(body.rules, departmentIds);
    if (Object.keys(errors).length > 0) throw DomainError.validation(errors);
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(RoutingRuleEntity, { streetId });
      if (body.rules.length === 0) return;
      await manager.insert(
        RoutingRuleEntity,
        body.rules.map((r) => ({
          streetId,
          category: r.category,
          subcategory: r.subcategory ?? null,
          leadDepartmentId: r.leadDepartmentId,
          assistDepartmentIds: r.assistDepartmentIds ?? [],
          updatedAt: now,
        })),
      );
    });
    return this.routingRules(officer);
  }

  async whistleSettings(officer: User): Promise<WhistleSettings> {
    const street = await this.streets.findOneBy({ id: officerStreet(officer) });
    if (!street) throw new DomainError(ErrorCode.NotFound);
    return { communityMayWhistle: street.communityMayWhistle };
  }

  async updateWhistleSettings(officer: User, body: WhistleSettings): Promise<WhistleSettings> {
    await this.streets.update({ id: officerStreet(officer) }, { communityMayWhistle: body.communityMayWhistle });
    return this.whistleSettings(officer);
  }

  async communityMayWhistle(streetId: number): Promise<boolean> {
    return (await this.streets.findOneBy({ id: streetId }))?.communityMayWhistle ?? false;
  }

  /** The street whose departments `user` sees: a liaison's department's, a staff member's own (none: 403 FORBIDDEN). */
  private async streetOf(user: User): Promise<number> {
    const department = user.role === Role.Liaison && user.departmentId ? await this.findOne(user.departmentId) : null;
    const streetId = user.role === Role.Liaison ? (department?.streetId ?? null) : user.streetId;
    return requireAccess(user, Permission.DepartmentList, { streetId });
  }
}

/** The street an officer administers (an officer without a street: 403 FORBIDDEN). */
function officerStreet(officer: User): number {
  return requireAccess(officer, Permission.StreetAdmin, { streetId: officer.streetId });
}

export function departmentView(d: DepartmentEntity): DepartmentView {
  return { id: d.id, name: d.name, kind: d.kind, streetId: d.streetId, pairedGridId: d.pairedGridId };
}

export function routingRuleView(r: RoutingRuleEntity): RoutingRuleView {
  return {
    id: r.id,
    streetId: r.streetId,
    category: r.category,
    subcategory: r.subcategory,
    leadDepartmentId: r.leadDepartmentId,
    assistDepartmentIds: r.assistDepartmentIds,
  };
}
