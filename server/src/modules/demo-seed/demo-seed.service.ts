import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role, shanghaiDayOf } from '@gezhi/shared';
import { DataSource, EntityManager, IsNull, LessThanOrEqual } from 'typeorm';
import { PasswordConfig } from '../auth/passwords/password.config';
import { DemoSeedConfig } from './demo-seed.config';
import { refuseDemoPasswords, seedDemoPasswords } from '../auth/passwords/demo-passwords';
import { DepartmentEntity, RoutingRuleEntity } from '../departments/department.entities';
import { Building, Community, Grid, Room, Street } from '../geo/geo.entities';
import { RequestFilingService } from '../requests/request-filing.service';
import { RequestTransitionsService } from '../requests/request-transitions.service';
import { User } from '../users/user.entity';
import {
  DEMO_COMMUNITIES,
  DEMO_DEPARTMENTS,
  DEMO_ROUTING_RULES,
  DEMO_FLOORS,
  DEMO_OFFICERS,
  DEMO_REQUESTS,
  DEMO_RESIDENTS,
  DEMO_ROOMS_PER_FLOOR,
  DEMO_SERVICES,
  DEMO_STREET,
  DEMO_UNITS,
  DemoPerson,
  DemoRequest,
  DemoResident,
} from './demo-data';
import { ServiceCatalogueService } from '../services/service-catalogue.service';
import { ServiceSlotsService } from '../services/service-slots.service';
import { ProjectsService } from '../review/projects.service';
import { Clock, ManualClock } from '../../common/clock';
import { DemoHistory } from './demo-history';
import { Notification } from '../notifications/notification.entity';
import { CalendarDayEntity } from '../deadlines/deadline.entities';
import { DeadlineRules } from '../deadlines/deadline-rules.service';
import { DEMO_CALENDAR } from './demo-calendar';
import { DEMO_PROJECT, DEMO_REVIEW_REQUESTS } from './demo-data';

type RoomKey = string;
const roomKey = (building: string, unit: string, room: string): RoomKey => `${building}/${unit}/${room}`;

/**
 * Loads the demo data (demo-data.ts) into an empty database at boot when SEED_DEMO is on. Idempotent:
 * does nothing once any street exists. Example requests go through the real filing and transition services,
 * so their timelines and notifications are exactly what the product would have written.
 */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    private readonly config: DemoSeedConfig,
    private readonly passwords: PasswordConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly filing: RequestFilingService,
    private readonly transitions: RequestTransitionsService,
    private readonly catalogue: ServiceCatalogueService,
    private readonly slots: ServiceSlotsService,
    private readonly projects: ProjectsService,
    private readonly clock: Clock,
    private readonly history: DemoHistory,
    private readonly deadlineRules: DeadlineRules,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.isProduction) await refuseDemoPasswords(this.dataSource);
    if (!this.config.seedDemo) return;
    const summary = await this.seed(null);
    if (summary) this.logger.log(summary);
  }

  /**
   * The whole demo with its 数据 history, in the short-lived seeding context of demo-seed-boot.ts whose Clock is
   * `clock` (this service's own) and whose background loops are off: the history is filed months back, then the
   * clock is set to the present (`present`'s reading: the app's own clock) for the example requests. Returns the
   * "Demo data loaded" line, or null when the database is not empty.
   */
  seedWithHistory(clock: ManualClock, present: Clock): Promise<string | null> {
    return this.seed({ clock, present });
  }

  private async seed(history: { clock: ManualClock; present: Clock } | null): Promise<string | null> {
    if ((await this.dataSource.getRepository(Street).count()) > 0) return null;
    const rooms = await this.dataSource.transaction((manager) => this.loadPlacesAndPeople(manager));
    // the holidays first, so every demo clock below counts working time on the real calendar
    await this.dataSource.getRepository(CalendarDayEntity).insert(DEMO_CALENDAR.map((day) => ({ ...day })));
    await this.deadlineRules.refresh();
    // 数据: a few months of closed history so the numbers are not empty (not in tests: they count their own items)
    if (history) await this.loadHistory(history.clock, history.present);
    for (const request of DEMO_REQUESTS) await this.playRequest(request, rooms);
    await this.loadServices();
    await this.loadReview(rooms);
    // last, so staff and liaison accounts created above all get the demo password
    await seedDemoPasswords(this.dataSource, { ln: this.passwords.scryptCost, r: 8, p: 1 }, new Date());
    return `Demo data loaded: ${DEMO_STREET}, ${DEMO_COMMUNITIES.length} communities, ${rooms.size} rooms, ${DEMO_REQUESTS.length} requests, ${DEMO_SERVICES.length} services`;
  }

  /** The history on the manual clock, then back to the present; its notices (消息) are old news: marked read. */
  private async loadHistory(clock: ManualClock, present: Clock): Promise<void> {
    const { end } = await this.history.load(clock, present.now());
    clock.set(present.now());
    const notices = this.dataSource.getRepository(Notification);
    const createdAt = this.dataSource.driver.escape(notices.metadata.findColumnWithPropertyName('createdAt')?.databaseName ?? 'createdAt');
    await notices.createQueryBuilder().update().set({ readAt: () => createdAt }).where({ readAt: IsNull(), createdAt: LessThanOrEqual(end) }).execute();
  }

  private async loadPlacesAndPeople(manager: EntityManager): Promise<Map<RoomKey, number>> {
    const rooms = new Map<RoomKey, number>();
    const street = await manager.save(manager.create(Street, { name: DEMO_STREET }));
    for (const demoCommunity of DEMO_COMMUNITIES) {
      const community = await manager.save(manager.create(Community, { streetId: street.id, name: demoCommunity.name }));
      for (const demoGrid of demoCommunity.grids) {
        const grid = await manager.save(manager.create(Grid, { communityId: community.id, name: demoGrid.name, leaderUserId: null }));
        const leader = await this.createUser(manager, demoGrid.leader, Role.GridLeader, {
          gridId: grid.id,
          communityId: community.id,
          streetId: street.id,
        });
        await manager.update(Grid, { id: grid.id }, { leaderUserId: leader.id });
        for (const buildingName of demoGrid.buildings) {
          const building = await manager.save(manager.create(Building, { communityId: community.id, gridId: grid.id, name: buildingName }));
          const rows = DEMO_UNITS.flatMap((unitName) =>
            DEMO_FLOORS.flatMap((floor) =>
              Array.from({ length: DEMO_ROOMS_PER_FLOOR }, (_, i) => ({
                buildingId: building.id,
                unitName,
                roomNumber: `${floor}${String(i + 1).padStart(2, '0')}`,
              })),
            ),
          );
          const saved = await manager.save(rows.map((row) => manager.create(Room, row)));
          for (const room of saved) rooms.set(roomKey(buildingName, room.unitName, room.roomNumber), room.id);
        }
      }
      for (const officer of DEMO_OFFICERS.filter((o) => o.community === demoCommunity.name)) {
        await this.createUser(manager, officer, officer.role, { gridId: null, communityId: community.id, streetId: street.id });
      }
    }
    for (const officer of DEMO_OFFICERS.filter((o) => !o.community)) {
      await this.createUser(manager, officer, officer.role, { gridId: null, communityId: null, streetId: street.id });
    }
    await this.loadDepartments(manager, street.id);
    for (const resident of DEMO_RESIDENTS) {
      const roomId = resident.home ? rooms.get(roomKey(resident.home.building, resident.home.unit, resident.home.room)) : null;
      await this.createUser(manager, resident, Role.Resident, { gridId: null, communityId: null, streetId: null }, roomId ?? null);
    }
    return rooms;
  }

  /** 团结街道's departments with one liaison each, and its routing table. */
  private async loadDepartments(manager: EntityManager, streetId: number): Promise<void> {
    const ids = new Map<string, number>();
    for (const demo of DEMO_DEPARTMENTS) {
      let pairedGridId: number | null = null;
      if (demo.pairedGrid) {
        const community = await manager.findOneByOrFail(Community, { streetId, name: demo.pairedGrid.community });
        pairedGridId = (await manager.findOneByOrFail(Grid, { communityId: community.id, name: demo.pairedGrid.grid })).id;
      }
      const department = await manager.save(manager.create(DepartmentEntity, { name: demo.name, kind: demo.kind, streetId, pairedGridId }));
      ids.set(demo.name, department.id);
      await this.createUser(manager, demo.liaison, Role.Liaison, { gridId: null, communityId: null, streetId: null, departmentId: department.id });
    }
    const idOf = (name: string) => ids.get(name) as number;
    await manager.insert(
      RoutingRuleEntity,
      DEMO_ROUTING_RULES.map((r) => ({
        streetId,
        category: r.category,
        subcategory: r.subcategory,
        leadDepartmentId: idOf(r.lead),
        assistDepartmentIds: r.assists.map(idOf),
        updatedAt: new Date(),
      })),
    );
  }

  private createUser(
    manager: EntityManager,
    person: DemoPerson,
    role: Role,
    scope: Pick<User, 'gridId' | 'communityId' | 'streetId'> & { departmentId?: number | null },
    roomId: number | null = null,
  ): Promise<User> {
    return manager.save(
      manager.create(User, {
        openid: null,
        account: person.account,
        nickname: person.realName,
        realName: person.realName,
        phone: person.phone,
        role,
        roomId,
        // the demo's residents are known to their grid workers (住户核实 done); new WeChat users start unverified
        homeVerifiedAt: roomId === null ? null : new Date(),
        tags: (person as Partial<DemoResident>).tags ?? null,
        ...scope,
        createdAt: new Date(),
      }),
    );
  }

  /** 明日星城社区's service catalogue and its recurring slots, created as its community officer would. */
  private async loadServices(): Promise<void> {
    const officer = await this.dataSource.getRepository(User).findOneByOrFail({ account: 'community1' });
    for (const demo of DEMO_SERVICES) {
      const coordinatorUserId = demo.coordinator ? (await this.dataSource.getRepository(User).findOneByOrFail({ account: demo.coordinator })).id : null;
      const service = await this.catalogue.create(officer, { ...demo.body, provider: { ...demo.body.provider, coordinatorUserId } });
      for (const rule of demo.rules) await this.slots.createRule(officer, service.id, rule);
    }
  }

  /** 居民问需会: agenda-worthy items in grid 4, and the project the meeting made of the recurring elevator problem. */
  private async loadReview(rooms: Map<RoomKey, number>): Promise<void> {
    const users = this.dataSource.getRepository(User);
    const ids: number[] = [];
    for (const demo of DEMO_REVIEW_REQUESTS) {
      const filer = await users.findOneByOrFail({ account: demo.filedBy });
      const place = demo.onBehalf as NonNullable<DemoRequest['onBehalf']>;
      const filed = await this.filing.file(filer, {
        category: demo.category,
        subcategory: demo.subcategory,
        description: demo.description,
        urgency: demo.urgency,
        showNamePublicly: demo.showNamePublicly,
        roomId: rooms.get(roomKey(place.room.building, place.room.unit, place.room.room)),
        channel: place.channel,
        contactName: place.contactName,
        contactPhone: place.contactPhone,
      }, { metered: false });
      ids.push(filed.id);
    }
    const [officer, owner] = await Promise.all([users.findOneByOrFail({ account: DEMO_PROJECT.createdBy }), users.findOneByOrFail({ account: DEMO_PROJECT.owner })]);
    const project = await this.projects.create(officer, {
      title: DEMO_PROJECT.title,
      description: DEMO_PROJECT.description,
      ownerUserId: owner.id,
      deadline: shanghaiDayOf(new Date(this.clock.now().getTime() + DEMO_PROJECT.deadlineInDays * 24 * 3600_000)),
      requestIds: DEMO_PROJECT.requests.map((i) => ids[i]),
    });
    await this.projects.addProgress(owner, project.id, { note: DEMO_PROJECT.progressNote, version: project.version });
  }

  private async playRequest(demo: DemoRequest, rooms: Map<RoomKey, number>): Promise<void> {
    const users = this.dataSource.getRepository(User);
    const filer = await users.findOneByOrFail({ account: demo.filedBy });
    const onBehalf = demo.onBehalf
      ? {
          roomId: rooms.get(roomKey(demo.onBehalf.room.building, demo.onBehalf.room.unit, demo.onBehalf.room.room)),
          channel: demo.onBehalf.channel,
          contactName: demo.onBehalf.contactName,
          contactPhone: demo.onBehalf.contactPhone,
        }
      : {};
    const filed = await this.filing.file(filer, {
      category: demo.category,
      subcategory: demo.subcategory,
      description: demo.description,
      urgency: demo.urgency,
      showNamePublicly: demo.showNamePublicly,
      ...onBehalf,
    }, { metered: false });
    const progress = demo.progress;
    if (progress.stage === 'pending') return;
    const leader = await users.findOneByOrFail({ role: Role.GridLeader, gridId: filed.gridId });
    await this.transitions.accept(leader, filed.id);
    if (progress.stage === 'in-progress') {
      await this.transitions.addProgress(leader, filed.id, { note: progress.progressNote });
      return;
    }
    await this.transitions.resolve(leader, filed.id, { note: progress.resolution });
    if (progress.stage === 'closed') await this.transitions.rate(filer, filed.id, progress.rating);
  }
}
