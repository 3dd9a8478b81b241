import { ErrorCode, Permission, PERMISSION_GRANTS } from '@gezhi/shared';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { PERMISSION_KEY } from '../../src/access/requires.decorator';
import { PUBLIC_ROUTE } from '../../src/modules/auth/auth.decorators';
import { fileRequest, requestBody } from '../support/factories';
import { bootTestApp, LogLine, TestApp } from '../support/test-app';

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'search', 'all'];

/** What each route of the running app declares: its permission, or that it is public. */
interface Declared {
  handler: string;
  permission?: Permission;
  isPublic: boolean;
}

/** "METHOD /path/{param}" → what the handler and its controller declare (read through Reflector, as the AuthGuard does). */
function declaredRoutes(t: TestApp): Map<string, Declared> {
  const reflector = t.app.get(Reflector);
  const routes = new Map<string, Declared>();
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function' || !Reflect.hasMetadata(PATH_METADATA, handler)) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const sub = String(Reflect.getMetadata(PATH_METADATA, handler));
        const path = `/${[base, sub].map((p) => p.replace(/^\/|\/$/g, '')).filter(Boolean).join('/')}`.replace(/:(\w+)/g, '{$1}');
        const targets = [handler, controller];
        routes.set(`${method} ${path}`, {
          handler: `${controller.name}.${name}`,
          permission: reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets),
          isPublic: reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, targets) === true,
        });
      }
    }
  }
  return routes;
}

describe('one gate for access', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootTestApp({}, { captureLogs: true });
  });

  afterAll(() => t.close());

  it('every route of the OpenAPI document declares a permission (@Requires) or @Public()', async () => {
    const doc = (await t.anonymous.get('/docs/json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const declared = declaredRoutes(t);
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((m) => HTTP_METHODS.includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(operations.length).toBeGreaterThan(90);

    const known = new Set<string>(Object.values(Permission));
    const problems = operations.flatMap((operation) => {
      const route = declared.get(operation);
      if (!route) return [`${operation}: no handler found for the documented route`];
      if (route.isPublic && route.permission) return [`${operation} (${route.handler}): both @Public() and @Requires(${route.permission})`];
      if (route.isPublic) return [];
      if (!route.permission) return [`${operation} (${route.handler}): no declared permission — add @Requires(Permission.X) or @Public()`];
      if (!known.has(route.permission)) return [`${operation} (${route.handler}): unknown permission ${String(route.permission)}`];
      return [];
    });
    expect(problems).toEqual([]);
  });

  it('gives every permission a role gate, and every permission is used by a route', () => {
    const used = new Set([...declaredRoutes(t).values()].map((r) => r.permission).filter(Boolean));
    for (const permission of Object.values(Permission)) {
      expect({ permission, gate: PERMISSION_GRANTS[permission]?.roles.length > 0 }).toEqual({ permission, gate: true });
      expect({ permission, used: used.has(permission) }).toEqual({ permission, used: true });
    }
  });

  const linesOf = (reqId: string): LogLine[] => t.logLines().filter((line) => line.reqId === reqId);

  it('logs each refusal once with viewer, permission and target', async () => {
    const resident = await t.loginAs('resident1');
    const other = await t.loginAs('resident2');
    const liaison = await t.loginAs('liaison1');
    const filed = await fileRequest(resident);

    const cases: Array<[string, () => Promise<{ status: number; headers: Record<string, string> }>, number, ErrorCode, Permission, string | undefined]> = [
      // the role gate at the route
      ['resident on the staff inbox', () => resident.get('/api/staff/inbox'), 403, ErrorCode.NotStaff, Permission.StaffInbox, undefined],
      ['liaison on 问需会', () => liaison.get('/api/review/agenda'), 403, ErrorCode.NotStaff, Permission.ReviewAgenda, undefined],
      ['resident on a liaison inbox', () => resident.get('/api/liaison/inbox'), 403, ErrorCode.Forbidden, Permission.LiaisonInbox, undefined],
      // a rule on a target
      ['another resident’s request', () => other.get(`/api/requests/${filed.id}`), 404, ErrorCode.RequestNotFound, Permission.RequestView, `request:${filed.id}`],
      ['liaison on the board', () => liaison.get('/api/board'), 403, ErrorCode.Forbidden, Permission.BoardView, 'community:own'],
      ['resident on metrics', () => resident.get('/api/metrics'), 403, ErrorCode.Forbidden, Permission.MetricsView, 'unit:none'],
      ['liaison filing a request', () => liaison.post('/api/requests', requestBody()), 403, ErrorCode.Forbidden, Permission.RequestFile, 'request:new'],
      // the transition table behind the gate
      ['resident accepting', () => resident.post(`/api/requests/${filed.id}/accept`), 403, ErrorCode.Forbidden, Permission.RequestTransition, `request:${filed.id}`],
    ];
    for (const [name, send, status, code, permission, target] of cases) {
      const response = await send();
      expect({ name, status: response.status }).toEqual({ name, status });
      const lines = linesOf(String(response.headers['x-request-id']));
      expect({ name, count: lines.length }).toEqual({ name, count: 1 });
      expect({ name, ...lines[0] }).toMatchObject({ name, level: 40, msg: 'refused', status, code, permission, userId: expect.any(Number), role: expect.any(String) });
      expect({ name, target: lines[0].target }).toEqual({ name, target });
    }
  });
});
