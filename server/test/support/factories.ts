import {
  CreateRequestBody,
  CreateServiceBody,
  EligibilityMode,
  NotificationView,
  ProviderKind,
  RequestCategory,
  RequestDetail,
  ResidentTag,
  Role,
  ServiceKind,
  Urgency,
} from '@gezhi/shared';
import { DataSource } from 'typeorm';
import { Building, Community, Room } from '../../src/modules/geo/geo.entities';
import { User } from '../../src/modules/users/user.entity';
import type { ApiClient, TestApp } from './test-app';
import { pngBytes } from './images';

/** A valid filing body (a leaking bathroom ceiling, from seed 003); override any field. */
export function requestBody(overrides: Partial<CreateRequestBody> & Record<string, unknown> = {}): CreateRequestBody {
  return {
    category: RequestCategory.Infrastructure,
    subcategory: 'LEAK',
    description: '卫生间吊顶渗水，怀疑是楼上防水层坏了，麻烦尽快协调处理。',
    urgency: Urgency.Normal,
    showNamePublicly: false,
    ...overrides,
  };
}

/** Uploads a freshly generated PNG as `client` and returns its id. */
export async function uploadPhoto(client: ApiClient, rgb: [number, number, number] = [30, 120, 200]): Promise<string> {
  const response = await client.upload(pngBytes({ rgb }), 'evidence.png').expect(201);
  return response.body.id as string;
}

/** Files a request as `client` (expects 201) and returns the detail. */
export async function fileRequest(client: ApiClient, overrides: Parameters<typeof requestBody>[0] = {}): Promise<RequestDetail> {
  const response = await client.post('/api/requests', requestBody(overrides));
  if (response.status !== 201) throw new Error(`filing failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as RequestDetail;
}

/** The caller's in-app notifications, newest first. */
export async function notificationsOf(client: ApiClient): Promise<NotificationView[]> {
  const response = await client.get('/api/notifications?pageSize=50').expect(200);
  return response.body.items as NotificationView[];
}

/**
 * Puts a grid-level request at STREET level through the public API: the grid leader escalates it to the
 * community (上报), the community officer escalates it to the street. Returns the detail at street level.
 */
export async function escalateToStreet(gridLeader: ApiClient, communityOfficer: ApiClient, requestId: number): Promise<RequestDetail> {
  await gridLeader.post(`/api/requests/${requestId}/escalate`, { reason: '需要社区协调处理' }).expect(200);
  const response = await communityOfficer.post(`/api/requests/${requestId}/escalate`, { reason: '需要街道协调相关部门' });
  if (response.status !== 200) throw new Error(`escalation to the street failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as RequestDetail;
}

/** Puts a grid-level request at COMMUNITY level through the public API (the grid leader escalates it). */
export async function escalateToCommunity(gridLeader: ApiClient, requestId: number): Promise<RequestDetail> {
  return (await gridLeader.post(`/api/requests/${requestId}/escalate`, { reason: '需要社区协调处理' }).expect(200)).body as RequestDetail;
}

/**
 * `count` extra resident accounts bound to homes in `communityName` (明日星城社区 by default), written to the
 * database like the demo seed writes its residents, then signed in through the dev login. For load and
 * concurrency tests that need many distinct residents.
 */
export async function createResidents(testApp: TestApp, count: number, options: { communityName?: string; prefix?: string; tags?: ResidentTag[] } = {}): Promise<ApiClient[]> {
  const dataSource = testApp.app.get(DataSource);
  const community = await dataSource.getRepository(Community).findOneByOrFail({ name: options.communityName ?? '明日星城社区' });
  const rooms = await dataSource
    .getRepository(Room)
    .createQueryBuilder('room')
    .innerJoin(Building, 'building', 'building.id = room.buildingId')
    .where('building.communityId = :communityId', { communityId: community.id })
    .orderBy('room.id', 'ASC')
    .limit(count)
    .getMany();
  const prefix = options.prefix ?? `e2e-resident-${Date.now().toString(36)}`;
  const users = Array.from({ length: count }, (_, i) => ({
    openid: null,
    account: `${prefix}-${i}`,
    nickname: `居民${i}`,
    realName: null,
    phone: null,
    role: Role.Resident,
    roomId: rooms[i % rooms.length].id,
    gridId: null,
    communityId: null,
    streetId: null,
    departmentId: null,
    tags: options.tags ?? null,
    createdAt: new Date(),
  }));
  await dataSource.getRepository(User).insert(users);
  const clients: ApiClient[] = [];
  for (let start = 0; start < users.length; start += 25) {
    clients.push(...(await Promise.all(users.slice(start, start + 25).map((u) => testApp.loginAs(u.account)))));
  }
  return clients;
}

/** A valid catalogue entry (the volunteer team's door-to-door haircut); override any field. */
export function serviceBody(overrides: Partial<CreateServiceBody> = {}): CreateServiceBody {
  return {
    name: '上门理发',
    kind: ServiceKind.DoorToDoor,
    description: '志愿者上门理发',
    durationMinutes: 60,
    provider: { kind: ProviderKind.VolunteerTeam, name: '明日星城志愿服务队' },
    eligibility: { mode: EligibilityMode.All, tags: [] },
    ...overrides,
  };
}
