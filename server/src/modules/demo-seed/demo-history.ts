import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addDays,
  CATEGORIES,
  Channel,
  DeadlineKind,
  HandlingLevel,
  isoWeekdayOf,
  monthStartOf,
  RequestCategory,
  Role,
  shanghaiDayOf,
  shanghaiDayStart,
  Urgency,
} from '@gezhi/shared';
import { DataSource, In } from 'typeorm';
import { ManualClock } from '../../common/clock';
import { RequestDeadlineEntity } from '../deadlines/deadline.entities';
import { DepartmentEntity, RoutingRuleEntity } from '../departments/department.entities';
import { DeadlineSweeper } from '../escalation/deadline-sweeper';
import { EscalationService } from '../escalation/escalation.service';
import { Building, Grid, Room } from '../geo/geo.entities';
import { MetricsRecompute } from '../metrics/metrics-recompute';
import { RequestFilingService } from '../requests/request-filing.service';
import { RequestEntity } from '../requests/request.entities';
import { RequestTransitionsService } from '../requests/request-transitions.service';
import { WhistleAssignmentEntity } from '../requests/whistle-assignment.entity';
import { ReturnVisitsService } from '../return-visits/return-visits.service';
import { User } from '../users/user.entity';
import { WhistleService } from '../whistle/whistle.service';

const HOUR = 3600_000;
const MINUTE = 60_000;

type Fate = 'REJECTED' | 'WITHDRAWN' | 'LATE_ACCEPT' | 'LATE_RESOLVE' | 'WHISTLED' | 'ON_TIME';

interface Plan {
  created: Date;
  leader: User;
  communityOfficer: User | null;
  streetOfficer: User | null;
  category: RequestCategory;
  subcategory: string;
  label: string;
  roomId: number;
  fate: Fate;
}

/**
 * 数据 in the demo: a few months of closed history for every grid (so the 数据 page, the trend and the red/black lists
 * are not empty on a fresh demo), filed and handled through the real services — filing, transitions, 上报, 吹哨 and
 * 报到, 电话回访 — on the manual clock of the short-lived seeding context (demo-seed-boot.ts), stepped from event to
 * event. Late items are left to pass their due time and the deadline sweeper of that context (whose loop is off) is
 * run once at that instant: the misses, the system's 上报 and the notices are the product's own. Deterministic
 * (seeded). Never under NODE_ENV=test (tests count their own items).
 */
@Injectable()
export class DemoHistory {
  private readonly logger = new Logger(DemoHistory.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly filing: RequestFilingService,
    private readonly transitions: RequestTransitionsService,
    private readonly escalation: EscalationService,
    private readonly sweeper: DeadlineSweeper,
    private readonly whistles: WhistleService,
    private readonly returnVisits: ReturnVisitsService,
    private readonly recompute: MetricsRecompute,
  ) {}

  /** Files the history on `clock` (set back to `now`'s months before) and returns how many items and when it ended. */
  async load(clock: ManualClock, now: Date, months = 4): Promise<{ items: number; from: string; end: Date }> {
    const today = shanghaiDayOf(now);
    const from = monthStartOf(addDays(`${today.slice(0, 8)}01`, -1 - 31 * (months - 1)));
    // the last items are filed two weeks back: rated (电话回访 after 3 days, 重办) and closed well before today
    const plans = await this.plan(from, addDays(today, -14));
    let end = shanghaiDayStart(from);
    for (const plan of plans) {
      clock.set(plan.created);
      await this.play(clock, plan);
      if (clock.now() > end) end = clock.now();
    }
    if (end.getTime() >= now.getTime()) throw new Error('demo history ran past the present');
    await this.recompute.rebuild();
    this.logger.log(`demo history: ${plans.length} closed items from ${from}, metrics rebuilt`);
    return { items: plans.length, from, end };
  }

  private async plan(from: string, to: string): Promise<Plan[]> {
    const random = mulberry32(20261122);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const users = this.dataSource.getRepository(User);
    const grids = await this.dataSource.getRepository(Grid).find({ order: { id: 'ASC' } });
    const officers = await users.find({ where: { role: In([Role.CommunityOfficer, Role.StreetOfficer]) }, order: { id: 'ASC' } });
    const buildings = await this.dataSource.getRepository(Building).find();
    const rooms = await this.dataSource.getRepository(Room).find({ where: { buildingId: In(buildings.map((b) => b.id)) }, order: { id: 'ASC' } });
    const plans: Plan[] = [];
    for (const grid of grids) {
      if (grid.leaderUserId === null) continue;
      const leader = await users.findOneByOrFail({ id: grid.leaderUserId });
      const communityOfficer = officers.find((o) => o.role === Role.CommunityOfficer && o.communityId === grid.communityId) ?? null;
      const streetOfficer = officers.find((o) => o.role === Role.StreetOfficer && o.streetId === leader.streetId) ?? null;
      const gridRooms = rooms.filter((r) => buildings.find((b) => b.id === r.buildingId)?.gridId === grid.id);
      if (gridRooms.length === 0) continue;
      // a grid's own pace: some grids are busier or slower than others (so the ranking has a spread)
      const pace = (0.35 + random() * 0.5) * 0.2;
      const diligence = 0.75 + random() * 0.25;
      for (let day = from; day <= to; day = addDays(day, 1)) {
        if (isoWeekdayOf(day) >= 6 || random() > pace) continue;
        const created = new Date(shanghaiDayStart(day).getTime() + (8.5 + random() * 7) * HOUR);
        const category = pick(CATEGORIES);
        const sub = pick(category.subcategories);
        const room = pick(gridRooms);
        const roll = random();
        const fate: Fate =
          roll < 0.05 ? 'REJECTED' : roll < 0.09 ? 'WITHDRAWN' : roll < 0.09 + (1 - diligence) * 0.8 ? 'LATE_ACCEPT' : roll < 0.24 ? 'LATE_RESOLVE' : roll < 0.38 ? 'WHISTLED' : 'ON_TIME';
        const needsOfficers = fate === 'LATE_ACCEPT' || fate === 'LATE_RESOLVE' || fate === 'WHISTLED';
        plans.push({
          created,
          leader,
          communityOfficer,
          streetOfficer,
          category: category.code,
          subcategory: sub.code,
          label: sub.label,
          roomId: room.id,
          fate: needsOfficers && (!communityOfficer || !streetOfficer) ? 'ON_TIME' : fate,
        });
      }
    }
    // one item at a time, in filing order: the sweeper only ever sees the clocks of the item being played
    return plans.sort((a, b) => a.created.getTime() - b.created.getTime());
  }

  private async play(clock: ManualClock, p: Plan): Promise<void> {
    const random = mulberry32(p.created.getTime() % 2147483647);
    const step = (minHours: number, maxHours: number) => clock.advance((minHours + random() * (maxHours - minHours)) * HOUR);
    const filed = await this.filing.file(
      p.leader,
      {
        category: p.category,
        subcategory: p.subcategory,
        description: `${p.label}：${pickText(random)}`,
        urgency: Urgency.Normal,
        showNamePublicly: false,
        roomId: p.roomId,
        channel: pickChannel(random),
        contactName: pickName(random),
      },
      { metered: false },
    );
    const id = filed.id;
    // the history's items have no resident account: the staff holding the item phone and record the rating (电话回访)
    const rateAndMaybeRework = async (handler: User, rater: User, poorChance: number) => {
      step(3 * 24 + 1, 3 * 24 + 20);
      if (random() < poorChance) {
        await this.returnVisits.rate(rater, id, { speed: 3, effect: 2, attitude: 3, comment: '问题没有彻底解决' });
        step(4, 30);
        await this.transitions.resolve(handler, id, { note: '已返工处理，请再次评价' });
        step(3 * 24 + 1, 3 * 24 + 20);
      }
      await this.returnVisits.rate(rater, id, pickRating(random));
    };
    const passDue = async (kind: DeadlineKind) => {
      const deadline = await this.dataSource.getRepository(RequestDeadlineEntity).findOneOrFail({ where: { requestId: id, kind }, order: { id: 'DESC' } });
      clock.set(new Date(deadline.dueAt.getTime() + MINUTE));
      await this.sweeper.sweepOnce();
    };
    const atCommunity = async () => {
      const request = await this.dataSource.getRepository(RequestEntity).findOneByOrFail({ id });
      if (request.level !== HandlingLevel.Community) throw new Error(`demo history: item ${id} was not escalated by the sweeper`);
    };

    if (p.fate === 'WITHDRAWN') {
      // 撤回 is the resident's own button: the person phoned back, the grid leader closes it (驳回 with the reason)
      clock.advance((5 + random() * 20) * MINUTE);
      await this.transitions.reject(p.leader, id, { reason: '居民来电撤回，问题已自行解决' });
    } else if (p.fate === 'REJECTED') {
      clock.advance((10 + random() * 60) * MINUTE);
      await this.transitions.reject(p.leader, id, { reason: '不属于社区受理范围，已告知居民相关渠道' });
    } else if (p.fate === 'LATE_ACCEPT') {
      await passDue(DeadlineKind.Accept);
      await atCommunity();
      const officer = p.communityOfficer as User;
      step(0.5, 3);
      await this.transitions.accept(officer, id);
      step(3, 30);
      await this.transitions.resolve(officer, id, { note: '已处理完毕，请评价' });
      await rateAndMaybeRework(officer, officer, 0.08);
    } else if (p.fate === 'LATE_RESOLVE') {
      clock.advance((10 + random() * 80) * MINUTE);
      await this.transitions.accept(p.leader, id);
      await passDue(DeadlineKind.Resolve);
      await atCommunity();
      const officer = p.communityOfficer as User;
      step(0.5, 2);
      await this.transitions.accept(officer, id);
      step(4, 30);
      await this.transitions.resolve(officer, id, { note: '已处理完毕，请评价' });
      await rateAndMaybeRework(officer, officer, 0.08);
    } else if (p.fate === 'WHISTLED') {
      const lead = await this.leadDepartment(p, random);
      clock.advance((10 + random() * 60) * MINUTE);
      await this.escalation.escalate(p.leader, id, '需要社区协调处理');
      step(0.2, 2);
      await this.escalation.escalate(p.communityOfficer as User, id, '需要街道协调相关部门');
      step(0.5, 4);
      await this.whistles.whistle(p.streetOfficer as User, id, { leadDepartmentId: lead.id, note: '请尽快处置' });
      const assignment = await this.dataSource.getRepository(WhistleAssignmentEntity).findOneByOrFail({ requestId: id, departmentId: lead.id });
      const liaison = await this.dataSource.getRepository(User).findOneByOrFail({ role: Role.Liaison, departmentId: lead.id });
      if (random() < 0.25) {
        await passDue(DeadlineKind.Report);
        step(0.3, 4);
      } else step(0.2, 1.8);
      await this.whistles.report(liaison, assignment.id, { plan: '已报到，马上安排人员处置' });
      step(3, 30);
      await this.whistles.resolve(liaison, assignment.id, { note: '已处理完毕，请评价' });
      await rateAndMaybeRework(liaison, p.streetOfficer as User, 0);
    } else {
      clock.advance((5 + random() * 90) * MINUTE);
      await this.transitions.accept(p.leader, id);
      if (random() < 0.5) {
        step(0.2, 2);
        await this.transitions.addProgress(p.leader, id, { note: '已联系居民，正在处理' });
      }
      step(0.3, random() < 0.7 ? 6 : 30);
      await this.transitions.resolve(p.leader, id, { note: '已处理完毕，请评价' });
      await rateAndMaybeRework(p.leader, p.leader, 0.08);
    }
  }

  private async leadDepartment(p: Plan, random: () => number): Promise<DepartmentEntity> {
    const rules = await this.dataSource.getRepository(RoutingRuleEntity).find();
    const departments = await this.dataSource.getRepository(DepartmentEntity).find({ order: { id: 'ASC' } });
    const rule = rules.find((r) => r.category === p.category && r.subcategory === p.subcategory) ?? rules.find((r) => r.category === p.category && r.subcategory === null);
    return departments.find((d) => d.id === rule?.leadDepartmentId) ?? departments[Math.floor(random() * departments.length)];
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

function pickRating(random: () => number): { speed: number; effect: number; attitude: number } {
  const options = [
    [5, 5, 5],
    [5, 5, 5],
    [4, 5, 5],
    [5, 4, 5],
    [4, 4, 4],
    [3, 4, 4],
    [4, 3, 5],
  ];
  const [speed, effect, attitude] = options[Math.floor(random() * options.length)];
  return { speed, effect, attitude };
}

function pickText(random: () => number): string {
  const texts = ['居民反映情况，请网格员上门查看处理。', '已持续几天，影响日常生活，希望尽快解决。', '邻居们都很关心，麻烦协调一下。', '电话反映，情况属实，请跟进。'];
  return texts[Math.floor(random() * texts.length)];
}

function pickChannel(random: () => number): Channel {
  const channels = [Channel.Phone, Channel.WalkIn, Channel.Patrol, Channel.SuggestionBox];
  return channels[Math.floor(random() * channels.length)];
}

function pickName(random: () => number): string {
  const names = ['王桂兰', '李建华', '刘秀英', '陈国强', '杨淑珍', '赵德明', '黄丽华', '周志刚'];
  return names[Math.floor(random() * names.length)];
}
