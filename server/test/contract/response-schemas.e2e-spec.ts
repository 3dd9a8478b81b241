import {
  addDays,
  API_ROUTES,
  EligibilityMode,
  ProviderKind,
  RequestCategory,
  routePath,
  shanghaiDayOf,
  ServiceKind,
  type AnyApiRoute,
  type BookingView,
  type DepartmentView,
  type RequestDetail,
  type RouteName,
  type RouteResponse,
  type ServiceOfferingView,
  type SlotView,
  type WhistleProposal,
} from '@gezhi/shared';
import Ajv, { type ValidateFunction } from 'ajv';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ManualClock } from '../../src/common/clock';
import { documentPathOf } from '../../src/openapi/response-schemas';
import { escalateToStreet, requestBody, serviceBody } from '../support/factories';
import { pngBytes } from '../support/images';
import { WEEKDAY_MORNING } from '../support/instants';
import { ApiClient, bootTestApp, TestApp } from '../support/test-app';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { generate } = require('../../scripts/write-response-schemas.js') as { generate: () => unknown };

type Operation = { responses: Record<string, { content?: Record<string, { schema: object }> }> };
type Document = { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, object> } };

/**
 * The contract: the shared route table (shared/src/routes.ts), the OpenAPI document the server serves and the
 * server's real answers agree. Every answer of a walk through filing, detail, lists, whistle, booking and metrics is
 * checked against the response schema the document carries for its route (generated from the shared types, no
 * additional properties), so a field whose type drifts on the server fails here.
 */
describe('the API contract: route table, OpenAPI response schemas and the real answers', () => {
  let t: TestApp;
  let document: Document;
  const ajv = new Ajv({ strict: false, allErrors: true });
  const validators = new Map<RouteName, ValidateFunction>();
  const checked = new Set<RouteName>();
  let clock: ManualClock;

  beforeAll(async () => {
    // the walk's slots and deadlines are days after a named instant, never after the wall clock
    clock = new ManualClock(WEEKDAY_MORNING);
    t = await bootTestApp({}, { clock });
    document = (await t.anonymous.get('/docs/json').expect(200)).body as Document;
    // the schemas refer to each other as #/components/schemas/X: one schema holding them all, routes refer into it
    ajv.addSchema({ $id: 'openapi', components: document.components }, 'openapi');
  });

  afterAll(() => t.close());

  const entries = () => Object.entries(API_ROUTES) as [RouteName, AnyApiRoute][];
  const responseSchemaOf = (route: AnyApiRoute) => {
    const responses = document.paths[documentPathOf(route)]?.[route.method.toLowerCase()]?.responses ?? {};
    const ok = Object.entries(responses).find(([code]) => /^2\d\d$/.test(code))?.[1];
    return ok?.content?.['application/json']?.schema;
  };

  function validatorOf(name: RouteName): ValidateFunction {
    let validate = validators.get(name);
    if (!validate) {
      const schema = responseSchemaOf(API_ROUTES[name]);
      if (!schema) throw new Error(`the OpenAPI document has no response schema for ${name}`);
      // refs of the route's schema resolve inside the document schema added above
      validate = ajv.compile({ $id: `route-${name}`, ...JSON.parse(JSON.stringify(schema).replace(/"#\/components/g, '"openapi#/components')) });
      validators.set(name, validate);
    }
    return validate;
  }

  /** Fails with the answer's mismatches against the route's response schema. */
  function expectContract(name: RouteName, body: unknown): void {
    const validate = validatorOf(name);
    if (!validate(body)) {
      const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
      throw new Error(`${name}: the answer does not match its response schema:\n  ${problems.join('\n  ')}`);
    }
    checked.add(name);
  }

  /** Calls a route of the table as `client`, expects a 2xx answer and checks it against the route's schema. */
  async function call<N extends RouteName>(
    client: ApiClient,
    name: N,
    options: { params?: Record<string, string | number>; body?: object; query?: Record<string, string | number | boolean> } = {},
  ): Promise<RouteResponse<(typeof API_ROUTES)[N]>> {
    const route: AnyApiRoute = API_ROUTES[name];
    const query = new URLSearchParams(Object.entries(options.query ?? {}).map(([k, v]) => [k, String(v)] as [string, string])).toString();
    const url = `${route.underApi === false ? '' : '/api'}${routePath(route.path, options.params)}${query ? `?${query}` : ''}`;
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    const response = method === 'get' || method === 'delete' ? await client[method](url) : await client[method](url, options.body ?? {});
    if (response.status < 200 || response.status > 299) throw new Error(`${name} ${url}: ${response.status} ${JSON.stringify(response.body)}`);
    expectContract(name, response.body);
    return response.body;
  }

  it('has the same routes in the shared table as the server has in its OpenAPI document', () => {
    const inTable = entries().map(([, r]) => `${r.method} ${documentPathOf(r)}`).sort();
    const served = Object.entries(document.paths)
      .flatMap(([p, operations]) => Object.keys(operations).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    expect(inTable).toEqual(served);
  });

  it('documents a response schema for every JSON route that answers a body', () => {
    const without = entries()
      .filter(([, r]) => !r.file && !responseSchemaOf(r))
      .map(([name]) => name);
    // the three that answer 204 No Content
    expect(without.sort()).toEqual(['changePassword', 'confirmHomeBinding', 'rejectHomeBinding']);
    expect(document.openapi).toBe('3.1.0');
  });

  it('carries the schemas generated from the current shared types (regenerate: node server/scripts/write-response-schemas.js)', () => {
    const committed = JSON.parse(fs.readFileSync(path.join(__dirname, '../../src/openapi/response-schemas.json'), 'utf8'));
    expect(committed).toEqual(generate());
  });

  it('answers a walk through filing, detail, lists, whistle, booking, metrics, projects and settings as its response schemas say', async () => {
    // ---- sign-in and the resident's side ----
    await call(t.anonymous, 'getAuthOptions');
    await call(t.anonymous, 'health');
    await call(t.anonymous, 'healthLive');
    const login = await call(t.anonymous, 'loginWithDemoAccount', { body: { account: 'resident1' } });
    const resident = t.clientFor(login);
    await call(resident, 'getMe');
    const streets = await call(resident, 'listStreets');
    const communities = await call(resident, 'listCommunities', { query: { streetId: streets[0].id } });
    const buildings = await call(resident, 'listBuildings', { query: { communityId: communities[0].id } });
    await call(resident, 'listRooms', { query: { buildingId: buildings[0].id } });
    const upload = await resident.upload(pngBytes({ rgb: [30, 120, 200] }), 'evidence.png').expect(201);
    expectContract('uploadPhoto', upload.body);

    // ---- filing, detail, lists ----
    const filed = await call(resident, 'createRequest', {
      body: requestBody({ category: RequestCategory.Environment, subcategory: 'PARKING', description: '小区巷道里每天晚上都有车辆乱停乱放，消防车进不来。', photoIds: [upload.body.id] }),
    });
    await call(resident, 'getRequest', { params: { id: filed.id } });
    await call(resident, 'listMyRequests', { query: { page: 1, pageSize: 10 } });
    await call(resident, 'listNotifications', { query: { pageSize: 10 } });
    await call(resident, 'getUnreadCount');
    await call(resident, 'getSubscriptions');
    await call(resident, 'getBoard', { query: { page: 1 } });

    const [leader, community, street, cityManagement] = await Promise.all(['gridleader1', 'community1', 'street1', 'liaison3'].map((a) => t.loginAs(a)));
    await call(leader, 'listInbox', { query: { pageSize: 10 } });
    await call(leader, 'getInboxCounts');
    await call(leader, 'getRequest', { params: { id: filed.id } });
    await call(leader, 'listRoomsInScope');
    await call(leader, 'listUnverifiedHomes');
    await call(leader, 'listReturnVisits', { query: { pageSize: 10 } });
    await call(leader, 'listExtensions', { params: { id: filed.id } });
    const notices = await call(leader, 'listNotifications', { query: { pageSize: 10 } });
    if (notices.items[0]) await call(leader, 'markNotificationRead', { params: { id: notices.items[0].id } });

    // ---- escalation and the whistle chain ----
    const atStreet: RequestDetail = await escalateToStreet(leader, community, filed.id);
    expectContract('escalateRequest', atStreet);
    await call(street, 'listDepartments');
    const proposal: WhistleProposal = await call(street, 'getWhistleProposal', { params: { id: filed.id } });
    const whistled = await call(street, 'whistleRequest', {
      params: { id: filed.id },
      body: { leadDepartmentId: proposal.lead!.id, assistDepartmentIds: proposal.assists.map((d: DepartmentView) => d.id), note: '请城管牵头整治' },
    });
    const lead = whistled.whistle!.find((a) => a.departmentName === '城管执法中队')!;
    await call(cityManagement, 'listLiaisonInbox', {});
    await call(cityManagement, 'reportAssignment', { params: { assignmentId: lead.id }, body: { plan: '安排执法队员巡查' } });
    await call(cityManagement, 'progressAssignment', { params: { assignmentId: lead.id }, body: { note: '已巡查两次' } });
    await call(cityManagement, 'resolveAssignment', { params: { assignmentId: lead.id }, body: { note: '已清理违停', publicSummary: '巷道违停已整治' } });
    await call(resident, 'rateRequest', { params: { id: filed.id }, body: { speed: 5, effect: 4, attitude: 5 } });
    await call(resident, 'getRequest', { params: { id: filed.id } });

    // ---- a grid-level item: accept, progress, resolve ----
    const second = await call(resident, 'createRequest', { body: requestBody() });
    await call(leader, 'acceptRequest', { params: { id: second.id } });
    await call(leader, 'addProgress', { params: { id: second.id }, body: { note: '已联系物业' } });
    await call(leader, 'resolveRequest', { params: { id: second.id }, body: { note: '已修好' } });

    // ---- the catalogue and booking ----
    const service: ServiceOfferingView = await call(community, 'createService', {
      body: serviceBody(),
    });
    await call(community, 'listCoordinators');
    const slot: SlotView = await call(community, 'createSlot', {
      params: { id: service.id },
      body: { startsAt: new Date(clock.now().getTime() + 3 * 24 * 3600_000).toISOString(), capacity: 3 },
    });
    await call(community, 'listRecurrences', { params: { id: service.id } });
    await call(resident, 'listServices');
    await call(resident, 'getService', { params: { id: service.id } });
    await call(resident, 'listSlots', { params: { id: service.id } });
    const booking: BookingView = await call(resident, 'bookSlot', { body: { slotId: slot.id, note: '家里有轮椅' } });
    await call(resident, 'getBooking', { params: { id: booking.id } });
    await call(resident, 'listMyBookings', { query: { pageSize: 10 } });
    await call(leader, 'listProviderVisits', {});
    await call(resident, 'cancelBooking', { params: { id: booking.id } });

    // ---- metrics, 问需会, administration ----
    await call(street, 'getMetrics', {});
    await call(street, 'getMetricsTrend', { query: { weeks: 4 } });
    await call(street, 'getMetricsBreakdown', { query: { by: 'grid' } });
    await call(street, 'getMetricsRankings', { query: { kind: 'GRID' } });
    await call(street, 'listMetricsItems', { query: { count: 'received' } });
    await call(community, 'getReviewAgenda', {});
    await call(community, 'getReviewSettings', {});
    await call(community, 'listProjectOwners', {});
    await call(community, 'listProjects', { query: { pageSize: 10 } });
    await call(street, 'getRoutingRules');
    await call(street, 'getWhistleSettings');
    await call(street, 'getDeadlinePolicies');
    await call(street, 'getCalendar', { params: { year: 2026 } });

    // ---- extensions, the catalogue's edits, a cancelled item ----
    const third = await call(resident, 'createRequest', { body: requestBody() });
    await call(leader, 'acceptRequest', { params: { id: third.id } });
    const asked = await call(leader, 'askExtension', { params: { id: third.id }, body: { reason: '防水材料需要三天到货', minutes: 450 } });
    await call(community, 'approveExtension', { params: { id: asked.id }, body: { note: '同意' } });
    const fourth = await call(resident, 'createRequest', { body: requestBody() });
    await call(resident, 'cancelRequest', { params: { id: fourth.id } });
    await call(community, 'updateService', { params: { id: service.id }, body: { version: service.version, description: '志愿者上门理发（每周三）' } });
    await call(community, 'updateSlot', { params: { id: service.id, slotId: slot.id }, body: { capacity: 5 } });
    const spare: SlotView = await call(community, 'createSlot', {
      params: { id: service.id },
      body: { startsAt: new Date(clock.now().getTime() + 4 * 24 * 3600_000).toISOString(), capacity: 2 },
    });
    await call(community, 'deleteSlot', { params: { id: service.id, slotId: spare.id } });

    // ---- 项目服务清单 ----
    const fifth = await call(resident, 'createRequest', { body: requestBody() });
    const deadline = addDays(shanghaiDayOf(clock.now()), 30);
    const project = await call(community, 'createProject', { body: { title: '3号楼渗水综合治理', ownerUserId: leader.me!.id, deadline, requestIds: [fifth.id] } });
    await call(community, 'getProject', { params: { id: project.id } });
    const progressed = await call(community, 'addProjectProgress', { params: { id: project.id }, body: { note: '已请施工队勘查', version: project.version } });
    await call(community, 'closeProject', { params: { id: project.id }, body: { result: '已完成防水层修复', version: progressed.version } });

    // ---- settings written back as read, the home bound again (a no-op) ----
    await call(street, 'putWhistleSettings', { body: await call(street, 'getWhistleSettings') });
    await call(street, 'putDeadlinePolicies', { body: await call(street, 'getDeadlinePolicies') });
    const calendar = await call(street, 'getCalendar', { params: { year: 2026 } });
    await call(street, 'putCalendar', { params: { year: 2026 }, body: { days: calendar.days } });
    const me = await call(resident, 'getMe');
    await call(resident, 'bindHome', { body: { roomId: me.home!.roomId } });

    // the walk covered the representative routes it is meant to cover (75 of the table's 98 JSON answers)
    expect(checked.size).toBeGreaterThanOrEqual(75);
    expect([...checked]).toEqual(
      expect.arrayContaining(['createRequest', 'getRequest', 'listInbox', 'listMyRequests', 'whistleRequest', 'listLiaisonInbox', 'bookSlot', 'getBooking', 'getMetrics', 'getMetricsRankings']),
    );
  });

  it('refuses an answer whose field type drifted (the check is not vacuous)', async () => {
    const resident = await t.loginAs('resident1');
    const detail = (await resident.get('/api/requests/mine').expect(200)).body as { items: { id: number }[] };
    const one = (await resident.get(`/api/requests/${detail.items[0].id}`).expect(200)).body as RequestDetail;
    expect(() => expectContract('getRequest', one)).not.toThrow();
    expect(() => expectContract('getRequest', { ...one, gridId: String(one.gridId) })).toThrow(/\/gridId must be number/);
    expect(() => expectContract('getRequest', { ...one, undeclared: 1 })).toThrow(/must NOT have additional properties/);
    const { serial: _serial, ...withoutSerial } = one;
    expect(() => expectContract('getRequest', withoutSerial)).toThrow(/must have required property 'serial'/);
  });
});
