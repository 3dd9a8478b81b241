import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CoordinatorOption, ErrorCode, isEligible, Role, ServiceOfferingView } from '@gezhi/shared';
import { DataSource, In } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { Clock } from '../../common/clock';
import { TtlCache } from '../../common/ttl-cache';
import { insertRow } from '../../database/insert-row';
import { Grid } from '../geo/geo.entities';
import { RoomDirectory } from '../geo/room-directory';
import { displayName, tagsOf, User } from '../users/user.entity';
import { Permission } from '@gezhi/shared';
import { requireAccess } from '../../access/require-access';
import { ComponentCandidate, CoordinatorCandidate, normalisedEligibility, offeringFieldErrors } from './domain/offering-rules';
import { CreateServiceDto, UpdateServiceDto } from './dto/service.dto';
import { ServiceOfferingEntity } from './service.entities';
import { offeringView } from './service-views';

/** how long an instance answers reads from a community's catalogue as it read it (its own changes show at once) */
const SNAPSHOT_TTL_MS = 10_000;

/** A community's whole catalogue as read once: the rows, by id, and their views (without `eligibleForMe`). */
interface CatalogueSnapshot {
  byId: Map<number, ServiceOfferingEntity>;
  views: ServiceOfferingView[];
  viewById: Map<number, ServiceOfferingView>;
  /** residents' lists (active entries with `eligibleForMe`) by their sorted tags: a handful of combinations */
  residentViews: Map<string, ServiceOfferingView[]>;
}

/**
 * The service catalogue (服务清单) of a community: residents read it, its community officers maintain it.
 * Reads (the list, a detail, the slot list's visibility check) come from a per-instance snapshot of the community's
 * catalogue, refreshed every SNAPSHOT_TTL_MS and dropped on this instance's own changes; a change made on another
 * instance shows within that time. Writes (booking, maintenance) always read the row from the database.
 */
@Injectable()
export class ServiceCatalogueService {
  private readonly snapshots = new TtlCache<number, Promise<CatalogueSnapshot>>(SNAPSHOT_TTL_MS, 2_000);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rooms: RoomDirectory,
    private readonly clock: Clock,
  ) {}

  /** The community of `user`'s catalogue (their bound home's for a resident). */
  async communityOf(user: User): Promise<number> {
    const place = user.role === Role.Resident && user.roomId ? await this.rooms.placementOf(user.roomId) : null;
    return requireAccess(user, Permission.CatalogueView, { homeCommunityId: place?.communityId ?? null });
  }

  /** Residents see the active services of their home's community; staff also the inactive ones. */
  async list(user: User): Promise<ServiceOfferingView[]> {
    const snapshot = await this.snapshot(await this.communityOf(user));
    if (user.role !== Role.Resident) return snapshot.views;
    const tags = tagsOf(user);
    const key = [...tags].sort().join(',');
    let views = snapshot.residentViews.get(key);
    if (!views) {
      views = snapshot.views.filter((v) => v.active).map((v) => ({ ...v, eligibleForMe: isEligible(v.eligibility, tags) }));
      snapshot.residentViews.set(key, views);
    }
    return views;
  }

  async detail(user: User, id: number): Promise<ServiceOfferingView> {
    const row = await this.readVisible(user, id);
    const resident = user.role === Role.Resident;
    const known = (await this.snapshot(row.communityId)).viewById.get(id);
    if (known) return resident ? { ...known, eligibleForMe: isEligible(known.eligibility, tagsOf(user)) } : known;
    return offeringView(row, resident ? tagsOf(user) : null, await this.coordinatorNames([row]));
  }

  /**
   * As findVisible, from the community's snapshot (see the class comment): for reads that change nothing. A service
   * the snapshot does not know yet is looked up in the database.
   */
  async readVisible(user: User, id: number): Promise<ServiceOfferingEntity> {
    const communityId = await this.communityOf(user);
    const row = (await this.snapshot(communityId)).byId.get(id);
    if (!row) return this.findVisible(user, id);
    if (user.role === Role.Resident && !row.active) throw new DomainError(ErrorCode.NotFound);
    return row;
  }

  private snapshot(communityId: number): Promise<CatalogueSnapshot> {
    const cached = this.snapshots.get(communityId);
    if (cached) return cached;
    const loading = this.loadSnapshot(communityId);
    this.snapshots.set(communityId, loading);
    loading.catch(() => this.snapshots.delete(communityId));
    return loading;
  }

  private async loadSnapshot(communityId: number): Promise<CatalogueSnapshot> {
    const rows = await this.dataSource.getRepository(ServiceOfferingEntity).find({ where: { communityId }, order: { id: 'ASC' } });
    const names = await this.coordinatorNames(rows);
    const views = rows.map((row) => offeringView(row, null, names));
    return { byId: new Map(rows.map((r) => [r.id, r])), views, viewById: new Map(views.map((v) => [v.id, v])), residentViews: new Map() };
  }

  /**
   * Who a community officer may name as coordinator of a volunteer / partner service: the grid leaders (by grid)
   * and community officers of their community (403 FORBIDDEN for anyone else).
   */
  async coordinators(officer: User): Promise<CoordinatorOption[]> {
    const communityId = requireAccess(officer, Permission.CatalogueMaintain, {});
    const [staff, grids] = await Promise.all([
      this.dataSource.getRepository(User).find({
        select: { id: true, role: true, gridId: true, realName: true, nickname: true },
        where: [
          { communityId, role: Role.GridLeader },
          { communityId, role: Role.CommunityOfficer },
        ],
        order: { id: 'ASC' },
      }),
      this.dataSource.getRepository(Grid).find({ select: { id: true, name: true }, where: { communityId }, order: { id: 'ASC' } }),
    ]);
    const gridOrder = new Map(grids.map((g, i) => [g.id, i]));
    const gridName = new Map(grids.map((g) => [g.id, g.name]));
    const rank = (u: User) => (u.role === Role.GridLeader ? (gridOrder.get(u.gridId ?? -1) ?? grids.length) : grids.length + 1);
    return [...staff]
      .sort((a, b) => rank(a) - rank(b) || a.id - b.id)
      .map((u) => ({
        id: u.id,
        name: displayName(u),
        label: u.role === Role.GridLeader ? `网格长 · ${gridName.get(u.gridId ?? -1) ?? '网格'}` : '社区工作人员',
      }));
  }

  /** A service `user` may see (404 NOT_FOUND otherwise, also for a resident's inactive one). */
  async findVisible(user: User, id: number): Promise<ServiceOfferingEntity> {
    return this.assertVisible(user, await this.dataSource.getRepository(ServiceOfferingEntity).findOneBy({ id }));
  }

  /** `row` when `user` may see it (404 NOT_FOUND otherwise, also for a resident's inactive one), for a row already read. */
  async assertVisible(user: User, row: ServiceOfferingEntity | null): Promise<ServiceOfferingEntity> {
    const communityId = await this.communityOf(user);
    if (!row || row.communityId !== communityId || (user.role === Role.Resident && !row.active)) throw new DomainError(ErrorCode.NotFound);
    return row;
  }

  /** A service `user` maintains: 404 when not in their community, 403 when they may read but not maintain it. */
  async findMaintained(user: User, id: number): Promise<ServiceOfferingEntity> {
    const row = await this.findVisible(user, id);
    requireAccess(user, Permission.CatalogueMaintain, { communityId: row.communityId });
    return row;
  }

  async create(officer: User, body: CreateServiceDto): Promise<ServiceOfferingView> {
    const communityId = requireAccess(officer, Permission.CatalogueMaintain, {});
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
      coordinatorUserId: body.provider.coordinatorUserId ?? null,
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
    this.snapshots.delete(communityId);
    return offeringView(row, null, await this.coordinatorNames([row]));
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
      // the provider is replaced as a whole: a provider without a coordinator clears it
      coordinatorUserId: body.provider ? (body.provider.coordinatorUserId ?? null) : before.coordinatorUserId,
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
    this.snapshots.delete(before.communityId);
    return offeringView(after, null, await this.coordinatorNames([after]));
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
    const coordinator: CoordinatorCandidate | null =
      row.coordinatorUserId === null
        ? null
        : await this.dataSource.getRepository(User).findOne({ select: { id: true, role: true, communityId: true }, where: { id: row.coordinatorUserId } });
    const errors = offeringFieldErrors(
      {
        kind: row.kind,
        eligibility,
        requiredDocuments: row.requiredDocuments,
        bundleServiceIds: row.bundleServiceIds,
        providerKind: row.providerKind,
        coordinatorUserId: row.coordinatorUserId,
      },
      row.communityId,
      components,
      row.id || null,
      coordinator,
    );
    if (Object.keys(errors).length > 0) throw DomainError.validation(errors);
  }

  /** Display names of the coordinators of `rows` (one query for a whole list). */
  private async coordinatorNames(rows: readonly ServiceOfferingEntity[]): Promise<Map<number, string>> {
    const ids = [...new Set(rows.map((r) => r.coordinatorUserId).filter((id): id is number => id !== null))];
    if (ids.length === 0) return new Map();
    const users = await this.dataSource.getRepository(User).find({ select: { id: true, realName: true, nickname: true }, where: { id: In(ids) } });
    return new Map(users.map((u) => [u.id, displayName(u)]));
  }
}
