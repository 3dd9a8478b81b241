import { Permission, PERMISSION_GRANTS } from '@gezhi/shared';
import { DomainError } from '../common/errors/domain-error';
import type { Viewer } from '../modules/requests/domain/viewer';
import { ACCESS_RULES, AnyRule, ResultOf, RuledPermission, TargetOf } from './access-rules';

/**
 * The one entry that decides who may see and do what (pure: no Nest, no database — read the target first).
 *
 * `requireAccess(viewer, Permission.X, target)` applies the permission's role gate (PERMISSION_GRANTS in shared/:
 * the roles that may ask at all, and the code anyone else gets), then the permission's rule on the target, if it
 * has one (ACCESS_RULES: the modules' pure rules). It returns what the rule resolved (e.g. the community whose
 * board is read) or throws the refusal, tagged with the permission and the target so the request's log line
 * records viewer, permission and target once (request-log.ts; ASVS V7: access-control failures are logged).
 * The route guard applies the role gate of the route's declared permission (`@Requires`) before the body is read.
 */
export function requireAccess<P extends RuledPermission>(viewer: Viewer, permission: P, target: TargetOf<P>): ResultOf<P>;
export function requireAccess(viewer: Viewer, permission: Exclude<Permission, RuledPermission>): void;
export function requireAccess(viewer: Viewer, permission: Permission, target?: unknown): unknown {
  const rule = (ACCESS_RULES as Partial<Record<Permission, AnyRule>>)[permission];
  const ref = rule ? rule.ref(target) : undefined;
  requireRole(viewer, permission, ref);
  if (!rule) return undefined;
  try {
    return rule.check(viewer, target);
  } catch (error) {
    throw tagged(error, permission, ref);
  }
}

/** The role gate alone (the route guard; `requireAccess` starts with it). */
export function requireRole(viewer: Pick<Viewer, 'role'>, permission: Permission, ref?: string): void {
  const grant = PERMISSION_GRANTS[permission];
  if (!grant.roles.includes(viewer.role)) throw tagged(new DomainError(grant.refusal), permission, ref);
}

/** Whether the viewer would pass (for showing or hiding an action; never throws). */
export function mayAccess<P extends RuledPermission>(viewer: Viewer, permission: P, target: TargetOf<P>): boolean;
export function mayAccess(viewer: Viewer, permission: Exclude<Permission, RuledPermission>): boolean;
export function mayAccess(viewer: Viewer, permission: Permission, target?: unknown): boolean {
  try {
    (requireAccess as (v: Viewer, p: Permission, t?: unknown) => unknown)(viewer, permission, target);
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}

function tagged(error: unknown, permission: Permission, target: string | undefined): unknown {
  if (error instanceof DomainError && !error.access) error.access = target === undefined ? { permission } : { permission, target };
  return error;
}
