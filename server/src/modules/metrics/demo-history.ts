import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addDays,
  AssignmentState,
  CATEGORIES,
  Channel,
  DeadlineKind,
  DeadlineState,
  DeadlineUnitType,
  HandlingLevel,
  isoWeekdayOf,
  monthStartOf,
  RatingSource,
  RequestAction,
  RequestCategory,
  RequestStatus,
  Role,
  shanghaiDayOf,
  shanghaiDayStart,
  Urgency,
  WhistleRole,
} from '@gezhi/shared';
import { DataSource, EntityManager, In } from 'typeorm';
import { Clock } from '../../common/clock';
import { DeadlineMissEntity, RequestDeadlineEntity } from '../deadlines/deadline.entities';
import { DepartmentEntity, RoutingRuleEntity } from '../departments/department.entities';
import { Building, Community, Grid, Room } from '../geo/geo.entities';
import { ActorRole, RatingEntity, RequestEntity, TimelineEventEntity } from '../requests/request.entities';
import { User } from '../users/user.entity';
import { WhistleAssignmentEntity } from '../requests/whistle-assignment.entity';
import { MetricsRecompute } from './metrics-recompute';

const HOUR = 3600_000;
const MINUTE = 60_000;

/**
 * 数据 in the demo: a few months of closed history for every grid (so the 数据 page, the trend and the red/black lists
 * are not empty on a fresh demo), written straight into the raw tables with plausible timelines — accepted and
 * resolved on time, late 签收 escalated by the system, late 办结, 重办 after a poor rating, rejections, withdrawals,
 * and whistles to departments with on-time and late report-ins — then the roll-ups are rebuilt from the raw tables by
 * MetricsRecompute. Deterministic (seeded). Called once by the demo seed on an empty database, not under NODE_ENV=test.
 */
@Injectable()
export class DemoHistory {
  private readonly logger = new Logger(DemoHistory.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recompute: MetricsRecompute,
    private readonly clock: Clock,
  ) {}

  async load(months = 4): Promise<number> {
    const today = shanghaiDayOf(this.clock.now());
    const first = monthStartOf(addDays(`${today.slice(0, 8)}01`, -1 - 31 * (months - 1)));
    const written = await this.dataSource.transaction((manager) => this.write(manager, first, addDays(today, -1)));
    await this.recompute.rebuild();
    this.logger.log(`demo history: ${written} closed items from ${first}, metrics rebuilt`);
    return written;
  }

  private async write(manager: EntityManager, from: string, to: string): Promise<number> {
    const random = mulberry32(20261122);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const grids = await manager.find(Grid, { order: { id: 'ASC' } });
    const communities = new Map((await manager.find(Community)).map((c) => [c.id, c]));
    const officers = await manager.find(User, { where: { role: In([Role.CommunityOfficer, Role.StreetOfficer]) } });
    const departments = await manager.find(DepartmentEntity, { order: { id: 'ASC' } });
    const rules = await manager.find(RoutingRuleEntity);
    const buildings = await manager.find(Building);
    const rooms = await manager.find(Room, { where: { buildingId: In(buildings.map((b) => b.id)) }, order: { id: 'ASC' } });
    const liaisons = await manager.find(User, { where: { role: Role.Liaison } });
    let written = 0;

    for (const grid of grids) {
      const community = communities.get(grid.communityId);
      if (!community || grid.leaderUserId === null) continue;
      const leader = grid.leaderUserId;
      const communityOfficer = officers.find((o) => o.role === Role.CommunityOfficer && o.communityId === community.id)?.id ?? null;
      const streetOfficer = officers.find((o) => o.role === Role.StreetOfficer && o.streetId === community.streetId)?.id ?? null;
      const gridRooms = rooms.filter((r) => buildings.find((b) => b.id === r.buildingId)?.gridId === grid.id);
      if (gridRooms.length === 0) continue;
      // a grid's own pace: some grids are busier or slower than others (so the ranking has a spread)
      const pace = 0.35 + random() * 0.5;
      const diligence = 0.75 + random() * 0.25;

      for (let day = from; day <= to; day = addDays(day, 1)) {
        if (isoWeekdayOf(day) >= 6 || random() > pace) continue;
        const created = new Date(shanghaiDayStart(day).getTime() + (8.5 + random() * 8) * HOUR);
        const category = pick(CATEGORIES);
        const sub = pick(category.subcategories);
        const room = pick(gridRooms);
        const roll = random();
        const fate =
          roll < 0.04 ? 'REJECTED' : roll < 0.07 ? 'CANCELLED' : roll < 0.07 + (1 - diligence) * 0.6 ? 'LATE_ACCEPT' : roll < 0.2 ? 'LATE_RESOLVE' : roll < 0.34 ? 'WHISTLED' : 'ON_TIME';
        const plan = { grid, community, leader, communityOfficer, streetOfficer, created, category: category.code, subcategory: sub.code, label: sub.label, roomId: room.id };
        const effectiveFate = (fate === 'LATE_ACCEPT' || fate === 'LATE_RESOLVE' || fate === 'WHISTLED') && (!communityOfficer || !streetOfficer) ? 'ON_TIME' : fate;
        await this.writeItem(manager, plan, effectiveFate, random, { departments, rules, liaisons });
        written++;
      }
    }
    return written;
  }

  private async writeItem(
    manager: EntityManager,
    p: {
      grid: Grid;
      community: Community;
      leader: number;
      communityOfficer: number | null;
      streetOfficer: number | null;
      created: Date;
      category: RequestCategory;
      subcategory: string;
      label: string;
      roomId: number;
    },
    fate: 'REJECTED' | 'CANCELLED' | 'LATE_ACCEPT' | 'LATE_RESOLVE' | 'WHISTLED' | 'ON_TIME',
    random: () => number,
    refs: { departments: DepartmentEntity[]; rules: RoutingRuleEntity[]; liaisons: User[] },
  ): Promise<void> {
    const events: Omit<TimelineEventEntity, 'id' | 'requestId'>[] = [];
    const misses: { kind: DeadlineKind; level: HandlingLevel; unitType: DeadlineUnitType; unitId: number; startedAt: Date; dueAt: Date }[] = [];
    const ratings: Omit<RatingEntity, 'id' | 'requestId'>[] = [];
    const assignments: Omit<WhistleAssignmentEntity, 'id' | 'requestId'>[] = [];
    const ev = (action: RequestAction, at: Date, from: RequestStatus | null, to: RequestStatus, actor: number | null, role: ActorRole, note: string | null = null, departmentId: number | null = null) =>
      events.push({ action, fromStatus: from, toStatus: to, actorUserId: actor, actorRole: role, note, photoIds: [], createdAt: at, departmentId });
    const later = (at: Date, minHours: number, maxHours: number) => new Date(at.getTime() + (minHours + random() * (maxHours - minHours)) * HOUR);
    const S = RequestStatus;
    let t = p.created;
    let level = HandlingLevel.Grid;
    let holder: number | null = p.leader;
    let status: RequestStatus = S.PendingAccept;
    let reopenCount = 0;
    let resolvedAt: Date | null = null;
    let closedAt: Date | null = null;
    ev(RequestAction.Submit, t, null, S.PendingAccept, p.leader, Role.GridLeader, null);

    const rate = (at: Date, poor: boolean) => {
      const r = poor
        ? { speed: 3, effect: 2, attitude: 3 + Math.floor(random() * 2) }
        : pick3(random, [
            [5, 5, 5],
            [5, 5, 5],
            [4, 5, 5],
            [5, 4, 5],
            [4, 4, 4],
            [3, 4, 4],
            [4, 3, 5],
          ]);
      ratings.push({ round: reopenCount, raterUserId: p.leader, speed: r.speed, effect: r.effect, attitude: r.attitude, comment: poor ? '问题没有彻底解决' : null, source: RatingSource.ReturnVisit, createdAt: at });
      // the history's items have no resident account: the grid leader phoned and recorded the rating (电话回访)
      ev(RequestAction.ReturnVisitRate, at, S.Resolved, poor ? S.Resolved : S.Closed, p.leader, Role.GridLeader, `电话回访：办理速度 ${r.speed} 分，解决效果 ${r.effect} 分，服务态度 ${r.attitude} 分`);
    };
    const resolveBy = (at: Date, actor: number | null, role: ActorRole, departmentId: number | null = null) => {
      ev(RequestAction.Resolve, at, status, S.Resolved, actor, role, '已处理完毕，请评价', departmentId);
      status = S.Resolved;
      resolvedAt = at;
    };
    const rateAndMaybeRework = (after: Date, worker: () => void) => {
      let at = later(after, 1, 20);
      if (random() < 0.08) {
        rate(at, true);
        ev(RequestAction.Reopen, at, S.Resolved, S.InProgress, null, 'SYSTEM', '居民对解决效果不满意，已退回原处理人重办');
        reopenCount++;
        status = S.InProgress;
        at = later(at, 4, 30);
        worker();
        resolveBy(at, holder, level === HandlingLevel.Grid ? Role.GridLeader : Role.CommunityOfficer);
        at = later(at, 1, 20);
      }
      rate(at, false);
      status = S.Closed;
      closedAt = at;
    };

    if (fate === 'CANCELLED') {
      t = new Date(t.getTime() + (5 + random() * 20) * MINUTE);
      ev(RequestAction.Cancel, t, S.PendingAccept, S.Cancelled, p.leader, Role.GridLeader, '居民来电撤回');
      status = S.Cancelled;
      closedAt = t;
    } else if (fate === 'REJECTED') {
      t = new Date(t.getTime() + (10 + random() * 60) * MINUTE);
      ev(RequestAction.Reject, t, S.PendingAccept, S.Rejected, p.leader, Role.GridLeader, '不属于社区受理范围，已告知居民相关渠道');
      status = S.Rejected;
      closedAt = t;
    } else if (fate === 'LATE_ACCEPT') {
      const due = new Date(t.getTime() + 2 * HOUR);
      misses.push({ kind: DeadlineKind.Accept, level: HandlingLevel.Grid, unitType: DeadlineUnitType.Grid, unitId: p.grid.id, startedAt: t, dueAt: due });
      t = new Date(due.getTime() + MINUTE);
      ev(RequestAction.Escalate, t, S.PendingAccept, S.PendingAccept, null, 'SYSTEM', '超时未签收，系统自动上报');
      level = HandlingLevel.Community;
      holder = p.communityOfficer;
      t = later(t, 0.5, 3);
      ev(RequestAction.Accept, t, S.PendingAccept, S.InProgress, holder, Role.CommunityOfficer);
      status = S.InProgress;
      t = later(t, 3, 40);
      resolveBy(t, holder, Role.CommunityOfficer);
      rateAndMaybeRework(t, () => undefined);
    } else if (fate === 'LATE_RESOLVE') {
      t = new Date(t.getTime() + (10 + random() * 80) * MINUTE);
      ev(RequestAction.Accept, t, S.PendingAccept, S.InProgress, p.leader, Role.GridLeader);
      status = S.InProgress;
      const due = new Date(p.created.getTime() + 72 * HOUR);
      misses.push({ kind: DeadlineKind.Resolve, level: HandlingLevel.Grid, unitType: DeadlineUnitType.Grid, unitId: p.grid.id, startedAt: p.created, dueAt: due });
      t = new Date(due.getTime() + MINUTE);
      ev(RequestAction.Escalate, t, S.InProgress, S.PendingAccept, null, 'SYSTEM', '超时未办结，系统自动上报');
      level = HandlingLevel.Community;
      holder = p.communityOfficer;
      status = S.PendingAccept;
      t = later(t, 0.5, 2);
      ev(RequestAction.Accept, t, S.PendingAccept, S.InProgress, holder, Role.CommunityOfficer);
      status = S.InProgress;
      t = later(t, 4, 30);
      resolveBy(t, holder, Role.CommunityOfficer);
      rateAndMaybeRework(t, () => undefined);
    } else if (fate === 'WHISTLED') {
      const rule = refs.rules.find((r) => r.category === p.category && r.subcategory === p.subcategory) ?? refs.rules.find((r) => r.category === p.category && r.subcategory === null);
      const lead = refs.departments.find((d) => d.id === rule?.leadDepartmentId) ?? refs.departments[Math.floor(random() * refs.departments.length)];
      t = new Date(t.getTime() + (10 + random() * 60) * MINUTE);
      ev(RequestAction.Escalate, t, S.PendingAccept, S.PendingAccept, p.leader, Role.GridLeader, '需要社区协调处理');
      t = later(t, 0.2, 2);
      ev(RequestAction.Escalate, t, S.PendingAccept, S.PendingAccept, p.communityOfficer, Role.CommunityOfficer, '需要街道协调相关部门');
      level = HandlingLevel.Street;
      holder = p.streetOfficer;
      t = later(t, 0.5, 4);
      ev(RequestAction.Whistle, t, S.PendingAccept, S.Whistled, holder, Role.StreetOfficer, `主办：${lead.name}。请尽快处置`);
      status = S.Whistled;
      const notifiedAt = t;
      const reportDueAt = new Date(t.getTime() + 2 * HOUR);
      const late = random() < 0.25;
      const reportedAt = late ? later(reportDueAt, 0.3, 4) : later(t, 0.2, 1.8);
      if (late) misses.push({ kind: DeadlineKind.Report, level: HandlingLevel.Street, unitType: DeadlineUnitType.Department, unitId: lead.id, startedAt: notifiedAt, dueAt: reportDueAt });
      const liaison = refs.liaisons.find((l) => l.departmentId === lead.id)?.id ?? null;
      ev(RequestAction.Report, reportedAt, S.Whistled, S.Whistled, liaison, Role.Liaison, '已报到，马上安排人员处置', lead.id);
      t = later(reportedAt, 3, 40);
      resolveBy(t, liaison, Role.Liaison, lead.id);
      assignments.push({
        round: 1,
        departmentId: lead.id,
        role: WhistleRole.Lead,
        state: AssignmentState.Done,
        note: '请尽快处置',
        plan: '已报到，马上安排人员处置',
        returnedReason: null,
        whistledByUserId: holder as number,
        notifiedAt,
        reportedAt,
        finishedAt: t,
        reportDueAt,
        dueAt: null,
        version: 3,
      });
      const at = later(t, 1, 20);
      rate(at, false);
      status = S.Closed;
      closedAt = at;
    } else {
      t = new Date(t.getTime() + (5 + random() * 100) * MINUTE);
      ev(RequestAction.Accept, t, S.PendingAccept, S.InProgress, p.leader, Role.GridLeader);
      status = S.InProgress;
      if (random() < 0.5) {
        t = later(t, 0.2, 2);
        ev(RequestAction.AddProgress, t, S.InProgress, S.InProgress, p.leader, Role.GridLeader, '已联系居民，正在处理');
      }
      t = later(t, 0.3, random() < 0.7 ? 8 : 48);
      resolveBy(t, p.leader, Role.GridLeader);
      rateAndMaybeRework(t, () => undefined);
    }

    const request: Omit<RequestEntity, 'id'> = {
      residentUserId: null,
      creatorUserId: p.leader,
      roomId: p.roomId,
      gridId: p.grid.id,
      communityId: p.community.id,
      streetId: p.community.streetId,
      category: p.category,
      subcategory: p.subcategory,
      description: `${p.label}：${pick3Text(random)}`,
      urgency: Urgency.Normal,
      channel: pick3Channel(random),
      showNamePublicly: false,
      contactName: pickName(random),
      contactPhone: null,
      status,
      level,
      holderUserId: holder,
      photoIds: [],
      reopenCount,
      version: events.length,
      createdAt: p.created,
      updatedAt: events[events.length - 1].createdAt,
      resolvedAt: status === S.Closed ? resolvedAt : null,
      closedAt,
      // history from before 公示 summaries: the board shows category, status and time only
      publicSummary: null,
      fromUnverifiedHome: false,
    };
    const { identifiers } = await manager.insert(RequestEntity, request);
    const requestId = Number(identifiers[0].id);
    await manager.insert(TimelineEventEntity, events.map((e) => ({ ...e, requestId })));
    if (ratings.length > 0) await manager.insert(RatingEntity, ratings.map((r) => ({ ...r, requestId })));
    if (assignments.length > 0) await manager.insert(WhistleAssignmentEntity, assignments.map((a) => ({ ...a, requestId })));
    for (const miss of misses) {
      const clock = await manager.insert(RequestDeadlineEntity, {
        requestId,
        kind: miss.kind,
        level: miss.level,
        unitType: miss.unitType,
        unitId: miss.unitId,
        wallClock: false,
        startedAt: miss.startedAt,
        warnAt: new Date(miss.startedAt.getTime() + (miss.dueAt.getTime() - miss.startedAt.getTime()) * 0.75),
        dueAt: miss.dueAt,
        state: miss.kind === DeadlineKind.Report ? DeadlineState.Met : DeadlineState.Escalated,
        version: 3,
        metAt: null,
        claimToken: null,
      });
      await manager.insert(DeadlineMissEntity, {
        deadlineId: Number(clock.identifiers[0].id),
        requestId,
        kind: miss.kind,
        unitType: miss.unitType,
        unitId: miss.unitId,
        level: miss.level,
        dueAt: miss.dueAt,
        detectedAt: new Date(miss.dueAt.getTime() + 15_000),
      });
    }
  }
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick3(random: () => number, options: number[][]): { speed: number; effect: number; attitude: number } {
  const [speed, effect, attitude] = options[Math.floor(random() * options.length)];
  return { speed, effect, attitude };
}

function pick3Text(random: () => number): string {
  const texts = ['居民反映情况，请网格员上门查看处理。', '已持续几天，影响日常生活，希望尽快解决。', '邻居们都很关心，麻烦协调一下。', '电话反映，情况属实，请跟进。'];
  return texts[Math.floor(random() * texts.length)];
}

function pick3Channel(random: () => number): Channel {
  const channels = [Channel.Phone, Channel.WalkIn, Channel.Patrol, Channel.SuggestionBox];
  return channels[Math.floor(random() * channels.length)];
}

function pickName(random: () => number): string {
  const names = ['王桂兰', '李建华', '刘秀英', '陈国强', '杨淑珍', '赵德明', '黄丽华', '周志刚'];
  return names[Math.floor(random() * names.length)];
}
