import {
  activeAssignmentOf,
  coversPlace,
  ErrorCode,
  holdsCurrentLevel,
  involvedAssignmentOf,
  isOwner,
  isStaff,
  levelMayWhistle,
  levelOfRole,
  Role,
} from '@gezhi/shared';
import { DomainError } from '../../../common/errors/domain-error';
import { PlaceColumn, Scope } from '../../../access/scope';
import type { RequestFacts, Viewer } from '../domain/viewer';

/**
 * Who may see which requests (the rule of Permission.RequestView behind requireAccess; the area itself is `Scope`):
 * a resident sees only their own (anything else is "not found": existence is not disclosed);
 * a grid leader their grid; a community officer their community; a street officer their street;
 * a liaison only items whistled to their department, while involved (see INVOLVED_ASSIGNMENT_STATES: not after
 * their department returned it or its round ended; still after the lead resolved it).
 */
export function assertCanView(viewer: Viewer, request: RequestFacts): void {
  if (viewer.role === Role.Resident) {
    if (request.residentUserId !== viewer.id) throw new DomainError(ErrorCode.RequestNotFound);
    return;
  }
  if (viewer.role === Role.Liaison) {
    if (!involvedAssignmentOf(viewer, request)) throw outOfScope(viewer);
    return;
  }
  if (!isStaff(viewer)) throw new DomainError(ErrorCode.Forbidden);
  if (!coversPlace(viewer, request)) throw outOfScope(viewer);
}

/**
 * The refusal of a request outside the caller's area, worded for who reads it: a grid leader's grid
 * (NOT_IN_YOUR_SCOPE 「该诉求不在您负责的网格内」), a community officer's community (NOT_IN_YOUR_COMMUNITY), a street
 * officer's street (NOT_IN_YOUR_STREET), a liaison's department (NOT_WHISTLED_TO_YOUR_DEPARTMENT: never whistled to
 * it, returned, or its round recalled). All 403.
 */
export function requestScopeRefusal(role: Role): ErrorCode {
  switch (role) {
    case Role.Liaison:
      return ErrorCode.NotWhistledToYourDepartment;
    case Role.CommunityOfficer:
      return ErrorCode.NotInYourCommunity;
    case Role.StreetOfficer:
      return ErrorCode.NotInYourStreet;
    default:
      return ErrorCode.NotInYourScope;
  }
}

/** The DomainError of `requestScopeRefusal` for this viewer. */
export function outOfScope(viewer: Pick<Viewer, 'role'>): DomainError {
  return new DomainError(requestScopeRefusal(viewer.role));
}

export type ScopeColumn = PlaceColumn;

/** The column a staff member's scope is defined by, and its value (null: not staff, or no scope set); see Scope. */
export function scopeOf(viewer: Viewer): { column: ScopeColumn; id: number } | null {
  const scope = Scope.of(viewer);
  return scope.column !== null && scope.id !== null ? { column: scope.column, id: scope.id } : null;
}

/** The handling level a staff role works at: the shared ladder's (shared/src/ladder.ts), re-exported for the services here. */
export { levelOfRole };

/**
 * The pure place and ownership facts the performers are worked out by — whether a staff member's area covers a
 * place (`Scope.covers`'s rule), the owner, the holder, staff, a liaison's involved / active assignment — live in
 * shared/src/performers.ts (the mini-program can compute the same); re-exported for the services here.
 */
export { activeAssignmentOf, coversPlace, holdsCurrentLevel, involvedAssignmentOf, isOwner, isStaff };

export function assertStaff(viewer: Viewer): void {
  if (!isStaff(viewer)) throw new DomainError(ErrorCode.NotStaff);
}

// ---- liaisons (街道吹哨、部门报到) ----

/** A liaison acts only on their own department's assignments: anyone else's → 403 NOT_WHISTLED_TO_YOUR_DEPARTMENT. */
export function assertActsForDepartment(viewer: Viewer, assignment: { departmentId: number }): void {
  if (viewer.role !== Role.Liaison) throw new DomainError(ErrorCode.Forbidden);
  if (viewer.departmentId !== assignment.departmentId) throw outOfScope(viewer);
}

/** Who may whistle (吹哨): shared/src/request-actions.ts's rule (the street; a community where its street allows it). */
export { levelMayWhistle };
