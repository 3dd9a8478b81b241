import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, Role, ServiceOfferingView } from '@gezhi/shared';
import { DataSource, In } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { Clock } from '../../common/clock';
import { insertRow } from '../../database/insert-row';
import { RoomDirectory } from '../geo/room-directory';
import { tagsOf, User } from '../users/user.entity';
import { canMaintainCatalogue, catalogueCommunityOf, maintainedCommunityOf } from './domain/catalogue-access';
import { ComponentCandidate, normalisedEligibility, offeringFieldErrors } from './domain/offering-rules';
import { CreateServiceDto, UpdateServiceDto } from './dto/service.dto';
import { ServiceOfferingEntity } from './service.entities';
import { offeringView } from './service-views';

/** The service catalogue (服务清单) of a community: residents read it, its community officers maintain it. */
@Injectable()
export class ServiceCatalogueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rooms: RoomDirectory,
    private readonly clock: Clock,
  ) {}

  /** The community of `user`'s catalogue (their bound home's for a resident). */
  async communityOf(user: User): Promise<number> {
    const place = user.role === Role.Resident && user.roomId ? await this.rooms.placementOf(user.roomId) : null;
    return catalogueCommunityOf(user, place?.communityId ?? null);
  }

  /** Residents see the active services of their home's community; staff also the inactive ones. */
  async list(user: User): Promise<ServiceOfferingView[]> {
    const communityId = await this.communityOf(user);
    const resident = user.role === Role.Resident;
    const rows = await this.dataSource.getRepository(ServiceOfferingEntity).find({
      where: resident ? { communityId, active: true } : { communityId },
      order: { id: 'ASC' },
    });
    return rows.map((row) => offeringView(row, resident ? tagsOf(user) : null));
  }

  async detail(user: User, id: number): Promise<ServiceOfferingView> {
    return offeringView(await this.findVisible(user, id), user.role === Role.Resident ? tagsOf(user) : null);
  }

  /** A service `user` may see (404 NOT_FOUND otherwise, also for a resident's inactive one). */
  async findVisible(user: User, id: number): Promise<ServiceOfferingEntity> {
    const communityId = await this.communityOf(user);
    const row = await this.dataSource.getRepository(ServiceOfferingEntity).findOneBy({ id });
    if (!row || row.communityId !== communityId || (user.role === Role.Resident && !row.active)) throw new DomainError(ErrorCode.NotFound);
    return row;
  }

  /** A service `user` maintains: 404 when not in their community, 403 when they may read but not maintain it. */
  async findMaintained(user: User, id: number): Promise<ServiceOfferingEntity> {
    const row = await this.findVisible(user, id);
    if (!canMaintainCatalogue(user, row.communityId)) throw new DomainError(ErrorCode.Forbidden);
    return row;
  }

  async create(officer: User, body: CreateServiceDto): Promise<ServiceOfferingView> {
    const communityId = maintainedCommunityOf(officer);
    const now = this.clock.now();
    const row: ServiceOfferingEntity = {
      id: 0,
      communityId,
      name: body.name,
      kind: body.kind,
      description: body.description,
      durationMinutes: body.durationMinutes,
      providerKind: body.provider.kind,
      providerName: body.provider.name,
      eligibilityMode: body.eligibility.mode,
      eligibilityTags: body.eligibility.tags,
      requiredDocuments: body.requiredDocuments ?? [],
      bundleServiceIds: body.bundleServiceIds ?? [],
      active: true,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await this.check(row);
    row.id = await insertRow(this.dataSource.manager, ServiceOfferingEntity, row);
    return offeringView(row);
  }

  /** Changes the given fields; a conditional update on the version read (409 CONCURRENT_MODIFICATION). */
  async update(officer: User, id: number, body: UpdateServiceDto): Promise<ServiceOfferingView> {
    const before = await this.findMaintained(officer, id);
    if (before.version !== body.version) throw new DomainError(ErrorCode.ConcurrentModification);
    const after: ServiceOfferingEntity = {
      ...before,
      name: body.name ?? before.name,
      kind: body.kind ?? before.kind,
      description: body.description ?? before.description,
      durationMinutes: body.durationMinutes ?? before.durationMinutes,
      providerKind: body.provider?.kind ?? before.providerKind,
      providerName: body.provider?.name ?? before.providerName,
      eligibilityMode: body.eligibility?.mode ?? before.eligibilityMode,
      eligibilityTags: body.eligibility?.tags ?? before.eligibilityTags,
      requiredDocuments: body.requiredDocuments ?? before.requiredDocuments,
      bundleServiceIds: body.bundleServiceIds ?? before.bundleServiceIds,
      active: body.active ?? before.active,
      version: before.version + 1,
      updatedAt: this.clock.now(),
    };
    await this.check(after);
    const { id: _id, communityId: _community, createdAt: _created, ...columns } = after;
    const result = await this.dataSource
      .createQueryBuilder()
      .update(ServiceOfferingEntity)
      .set(columns)
      .where('id = :id AND version = :version', { id, version: before.version })
      .execute();
    if (result.affected !== 1) throw new DomainError(ErrorCode.ConcurrentModification);
    return offeringView(after);
  }

  /** Kind-specific rules (documents for proxy errands, components of a bundle); normalises eligibility in place. */
  private async check(row: ServiceOfferingEntity): Promise<void> {
    const eligibility = normalisedEligibility({ mode: row.eligibilityMode, tags: row.eligibilityTags });
    row.eligibilityTags = eligibility.tags;
    const candidates = row.bundleServiceIds.length
      ? await this.dataSource.getRepository(ServiceOfferingEntity).find({
          select: { id: true, kind: true, communityId: true },
          where: { id: In(row.bundleServiceIds) },
        })
      : [];
    const components = new Map<number, ComponentCandidate>(candidates.map((c) => [c.id, c]));
    const errors = offeringFieldErrors(
      { kind: row.kind, eligibility, requiredDocuments: row.requiredDocuments, bundleServiceIds: row.bundleServiceIds },
      row.communityId,
      components,
      row.id || null,
    );
    if (Object.keys(errors).length > 0) throw DomainError.validation(errors);
  }
}
