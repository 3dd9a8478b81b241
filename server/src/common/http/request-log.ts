import { ErrorCode } from '@gezhi/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';

/** What the error filter learnt about a failed request, read by the request's log line. */
export interface RequestOutcome {
  code: ErrorCode;
  errorId?: string;
  /** an access refusal: the permission asked for and its target (set by requireAccess, see access/) */
  permission?: string;
  target?: string;
}

const OUTCOME = Symbol('gezhi.requestOutcome');
const PERMISSION = Symbol('gezhi.routePermission');
type WithOutcome = FastifyRequest & { [OUTCOME]?: RequestOutcome; [PERMISSION]?: string; user?: { id: number; role?: string } };

export function recordOutcome(request: FastifyRequest, outcome: RequestOutcome): void {
  (request as WithOutcome)[OUTCOME] = outcome;
}

/** The permission the route declares (set by the AuthGuard): a refusal's line names it when no rule named another. */
export function recordRoutePermission(request: object, permission: string): void {
  (request as WithOutcome)[PERMISSION] = permission;
}

/** A fresh id per request (an id sent by the client is not trusted: it would let anyone forge log lines). */
export const newRequestId = (): string => randomUUID();

export const REQUEST_ID_HEADER = 'X-Request-Id';

/**
 * Refusals of access (ASVS V7/V8: access-control failures are logged): unauthenticated, forbidden, out of scope
 * (our 404s for items the caller may not see), conflicts and limits. An unknown route is not a refusal.
 */
function isRefusal(status: number, code: ErrorCode | undefined): boolean {
  if (status === 404) return code !== undefined && code !== ErrorCode.RouteNotFound;
  return status === 401 || status === 403 || status === 409 || status === 429;
}

/**
 * One JSON line per request on fastify's logger (pino): reqId (also the X-Request-Id response header), method,
 * route (the template, e.g. /api/requests/:id — no ids or query strings with personal data), status, ms, userId and
 * role once signed in, and the error code of a failed request. Refusals are logged at `warn` with msg "refused" and
 * say what was refused: `permission` (the one requireAccess checked, else the route's declared one) and `target`
 * (e.g. `request:42`, when a rule decided on one) — the one log of an access-control failure (ASVS V7.1);
 * 5xx at `error` (the stack is logged by the error filter under the same reqId and errorId), the rest at `info`.
 */
export function registerRequestLog(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    logRequest(request, reply);
    done();
  });
}

/**
 * For answers fastify gives before routing (frameworkErrors: a path parameter over maxParamLength, an undecodable
 * URL), where no hook runs: the same X-Request-Id, no-store and nosniff headers and the same log line.
 */
export function answerBeforeRouting(request: FastifyRequest, reply: FastifyReply, envelope: { status: number; code: ErrorCode }): void {
  recordOutcome(request, { code: envelope.code });
  reply.raw.once('finish', () => logRequest(request, reply));
  void reply
    .header(REQUEST_ID_HEADER, request.id)
    .header('Cache-Control', 'no-store')
    .header('X-Content-Type-Options', 'nosniff')
    .status(envelope.status)
    .send(envelope);
}

function logRequest(request: FastifyRequest, reply: FastifyReply): void {
  const outcome = (request as WithOutcome)[OUTCOME];
  const user = (request as WithOutcome).user;
  const status = reply.statusCode;
  const line = {
    method: request.method,
    route: request.routeOptions?.url ?? null,
    status,
    ms: Math.round(reply.elapsedTime * 10) / 10,
    userId: user?.id ?? null,
    role: user?.role ?? null,
    ...(outcome ? { code: outcome.code } : {}),
    ...(outcome?.errorId ? { errorId: outcome.errorId } : {}),
  };
  if (status >= 500) request.log.error(line, 'request failed');
  else if (isRefusal(status, outcome?.code)) {
    const permission = outcome?.permission ?? (request as WithOutcome)[PERMISSION];
    request.log.warn({ ...line, ...(permission ? { permission } : {}), ...(outcome?.target ? { target: outcome.target } : {}) }, 'refused');
  }
  else request.log.info(line, 'request');
}
