import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DeadlineState,
  ErrorCode,
  FieldErrorCode,
  HandlingLevel,
  isCalendarDay,
  Permission,
  RequestAction,
  RequestStatus,
  ReviewAgenda,
  shanghaiDayOf,
  shanghaiDayStart,
  Urgency,
} from '@gezhi/shared';
import { Brackets, DataSource, In } from 'typeorm';
import { Clock } from '../../common/clock';
import { ReviewConfig } from './review.config';
import { DomainError } from '../../common/errors/domain-error';
import { RequestDeadlineEntity } from '../deadlines/deadline.entities';
import { RoomDirectory } from '../geo/room-directory';
import { RequestEntity, TimelineEventEntity } from '../requests/request.entities';
import type { User } from '../users/user.entity';
import { AgendaCandidate, buildAgenda, capAgenda, groupByCategory } from './domain/agenda';
import { agendaAsOf, reviewPeriodFor } from './domain/review-period';
import { AgendaQueryDto } from './dto/review.dto';
import { ReviewProjectItemEntity } from './review.entities';
import { ReviewSettingsService } from './review-settings.service';

const UNRESOLVED = [RequestStatus.PendingAccept, RequestStatus.InProgress, RequestStatus.Whistled];
const LEVELS = Object.values(HandlingLevel);
const LIVE = [DeadlineState.Open, DeadlineState.Yellow, DeadlineState.Red];
const REOPENS = [RequestAction.Reopen, RequestAction.ReopenToDepartment];
const DAY_MS = 24 * 3600_000;
/** IN (…) lists are sent in chunks of this many ids (SQLite's and MySQL's statement limits) */
const CHUNK = 500;

/**
 * Prepares the 问需会 agenda of a community (or a grid leader's part of it): loads the facts about the candidate
 * requests with a few index-backed queries, then lets domain/agenda.ts decide what goes on it.
 */
@Injectable()
export class AgendaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: ReviewSettingsService,
    private readonly rooms: RoomDirectory,
    private readonly clock: Clock,
    private readonly config: ReviewConfig,
  ) {}

  async agenda(viewer: User, query: AgendaQueryDto): Promise<ReviewAgenda> {
    if (query.period !== undefined && !isCalendarDay(query.period)) throw DomainError.validation({ period: FieldErrorCode.InvalidFormat });
    const scope = await this.settings.scopeFor(viewer, query.communityId, Permission.ReviewAgenda);
    const settings = await this.settings.settingsOf(scope.communityId);
    const now = this.clock.now();
    const period = reviewPeriodFor(query.period ?? shanghaiDayOf(now), settings.meetingDays);
    const window = {
      from: shanghaiDayStart(period.from),
      asOf: agendaAsOf(period, now),
      recurrenceMinCount: settings.recurrenceMinCount,
      recurrenceWindowDays: settings.recurrenceWindowDays,
    };
    const candidates = await this.candidates(scope.communityId, scope.gridId, window);
    const links = await this.projectLinks(candidates.map((c) => c.id));
    const { entries, counts } = buildAgenda(candidates, window, (id) => links.get(id) ?? []);
    const entryLimit = this.config.agendaLimit;
    const { shown, rest, restLabel } = capAgenda(entries, entryLimit);
    const all = query.all === true;
    return {
      communityId: scope.communityId,
      communityName: scope.communityName,
      period,
      asOf: window.asOf.toISOString(),
      recurrenceMinCount: settings.recurrenceMinCount,
      recurrenceWindowDays: settings.recurrenceWindowDays,
      entryLimit,
      totalEntries: entries.length,
      counts,
      groups: groupByCategory(shown),
      rest: { count: rest.length, label: restLabel, groups: all ? groupByCategory(rest) : [], expanded: all },
      readOnly: scope.readOnly,
      gridId: scope.gridId,
    };
  }

  /**
   * Every request that could be on the agenda: unresolved ones (IDX_request_community), those filed within the
   * recurrence window or the period (IDX_request_community_created), and those changed since the period began
   * after a reopen (their reopen events are then checked).
   */
  private async candidates(communityId: number, gridId: number | null, window: { from: Date; asOf: Date; recurrenceWindowDays: number }): Promise<AgendaCandidate[]> {
    const recentFrom = new Date(Math.min(window.asOf.getTime() - window.recurrenceWindowDays * DAY_MS, window.from.getTime()));
    const base = () => {
      const q = this.dataSource.getRepository(RequestEntity).createQueryBuilder('r').where('r.communityId = :communityId', { communityId });
      if (gridId !== null) q.andWhere('r.gridId = :gridId', { gridId });
      return q.andWhere('r.createdAt < :asOf', { asOf: window.asOf });
    };
    const [unresolved, recent, reopened] = await Promise.all([
      base().andWhere('r.level IN (:...levels)', { levels: LEVELS }).andWhere('r.status IN (:...open)', { open: UNRESOLVED }).getMany(),
      base().andWhere('r.createdAt >= :recentFrom', { recentFrom }).getMany(),
      base()
        .andWhere(new Brackets((q) => q.where('r.reopenCount > 0').andWhere('r.updatedAt >= :from', { from: window.from })))
        .getMany(),
    ]);
    const requests = new Map<number, RequestEntity>();
    for (const r of [...unresolved, ...recent, ...reopened]) requests.set(r.id, r);
    const all = [...requests.values()];
    const [places, reopenedIds, pastDueIds] = await Promise.all([
      this.rooms.placementsOf(all.map((r) => r.roomId)),
      this.reopenedBetween(all.filter((r) => r.reopenCount > 0).map((r) => r.id), window.from, window.asOf),
      this.pastDue(all.filter((r) => UNRESOLVED.includes(r.status)).map((r) => r.id), window.asOf),
    ]);
    return all.flatMap((r) => {
      const place = places.get(r.roomId);
      if (!place) return [];
      return [
        {
          id: r.id,
          category: r.category,
          subcategory: r.subcategory,
          description: r.description,
          status: r.status,
          level: r.level,
          channel: r.channel,
          urgent: r.urgency === Urgency.Urgent,
          buildingId: place.buildingId,
          buildingName: place.buildingName,
          gridId: r.gridId,
          gridName: place.gridName,
          createdAt: r.createdAt,
          reopenCount: r.reopenCount,
          reopenedInPeriod: reopenedIds.has(r.id),
          pastDue: pastDueIds.has(r.id),
        },
      ];
    });
  }

  /** Requests among `ids` with a reopen (重办) event in [from, to). */
  private async reopenedBetween(ids: readonly number[], from: Date, to: Date): Promise<Set<number>> {
    const found = new Set<number>();
    for (const chunk of chunks(ids)) {
      const rows = await this.dataSource.getRepository(TimelineEventEntity).find({
        select: { requestId: true, createdAt: true },
        where: { requestId: In(chunk), action: In(REOPENS) },
      });
      for (const row of rows) if (row.createdAt >= from && row.createdAt < to) found.add(row.requestId);
    }
    return found;
  }

  /** Requests among `ids` with a running clock (时限) due at or before `at`. */
  private async pastDue(ids: readonly number[], at: Date): Promise<Set<number>> {
    const found = new Set<number>();
    for (const chunk of chunks(ids)) {
      const rows = await this.dataSource
        .getRepository(RequestDeadlineEntity)
        .createQueryBuilder('d')
        .select('DISTINCT d.requestId', 'requestId')
        .where('d.requestId IN (:...ids)', { ids: chunk })
        .andWhere('d.state IN (:...live)', { live: LIVE })
        .andWhere('d.dueAt <= :at', { at })
        .getRawMany<{ requestId: number | string }>();
      for (const row of rows) found.add(Number(row.requestId));
    }
    return found;
  }

  /** request id → ids of the projects linking it */
  private async projectLinks(ids: readonly number[]): Promise<Map<number, number[]>> {
    const links = new Map<number, number[]>();
    for (const chunk of chunks(ids)) {
      const rows = await this.dataSource.getRepository(ReviewProjectItemEntity).find({ where: { requestId: In(chunk) } });
      for (const row of rows) links.set(row.requestId, [...(links.get(row.requestId) ?? []), row.projectId]);
    }
    return links;
  }
}

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
