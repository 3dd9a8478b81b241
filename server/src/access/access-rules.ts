import { ErrorCode, Permission, ProjectAction, RankingKind, RequestAction, Role } from '@gezhi/shared';
import { DomainError } from '../common/errors/domain-error';
import { boardCommunityOf } from '../modules/board/domain/board-access';
import { mayProvideVisits, providesVisit, VisitAssignment } from '../modules/bookings/domain/visit-access';
import { assertMayViewMetrics, assertMayViewRanking, mayViewAnyMetrics, PlacedScope } from '../modules/metrics/domain/metrics-access';
import { assertActsForDepartment, assertCanView, isStaff, outOfScope } from '../modules/requests/access/request-access';
import { authorizeTransition } from '../modules/requests/domain/transition-guard';
import type { RequestFacts, Viewer } from '../modules/requests/domain/viewer';
import {
  assertCanViewProject,
  assertManagesCommunity,
  assertProjectAction,
  CommunityFacts,
  ProjectFacts,
  ReviewScope,
  reviewScopeOf,
} from '../modules/review/domain/review-access';
import { canMaintainCatalogue, catalogueCommunityOf, maintainedCommunityOf } from '../modules/services/domain/catalogue-access';
import { Place, Scope } from './scope';

/**
 * The rule of each permission that decides on a target — pure functions, the per-domain rules of the modules
 * behind one table (`requireAccess` is the only caller). `ref` names the target in the refusal's log line
 * (ids only, never personal data); `check` throws the refusal or returns what it resolved (e.g. the community).
 */
interface Rule<T, R> {
  ref(target: T): string;
  check(viewer: Viewer, target: T): R;
}
const rule = <T, R>(r: Rule<T, R>): Rule<T, R> => r;

/** A place in a staff member's area (a room filed for, a home to verify): refused worded for the role (outOfScope). */
const placeInScope = rule({
  ref: (place: Place & { roomId?: number }) => (place.roomId !== undefined ? `room:${place.roomId}` : `grid:${place.gridId}`),
  check: (viewer, place) => {
    if (!Scope.of(viewer).covers(place)) throw outOfScope(viewer);
  },
});

/** Whistle proposals: street and community officers (whistling itself: the transition table). */
const whistler = rule({
  ref: (request: { id: number }) => `request:${request.id}`,
  check: (viewer) => {
    if (viewer.role !== Role.StreetOfficer && viewer.role !== Role.CommunityOfficer) throw new DomainError(ErrorCode.Forbidden);
  },
});

/** A street of one's own (an account without one — a liaison without a department, an officer without a street — 403 FORBIDDEN). */
function ownStreet(viewer: Viewer, streetId: number | null): number {
  if (viewer.role === Role.Resident || streetId === null) throw new DomainError(ErrorCode.Forbidden);
  return streetId;
}

/** A 问需会 community (looked up; null: no such community → 404) and the caller's scope over it (see reviewScopeOf). */
interface ReviewCommunityTarget {
  community: CommunityFacts | null;
}
const reviewCommunityRef = (target: ReviewCommunityTarget): string => `community:${target.community?.id ?? 'none'}`;
const reviewScope = rule({ ref: reviewCommunityRef, check: (viewer, target): ReviewScope => reviewScopeOf(viewer, target.community) });
/** Changing settings, making projects: the community's officer or an officer of its street (a grid leader of it: 403 FORBIDDEN). */
const reviewManaged = rule({
  ref: reviewCommunityRef,
  check: (viewer, target): ReviewScope => {
    const scope = reviewScopeOf(viewer, target.community);
    assertManagesCommunity(viewer, scope);
    return scope;
  },
});

/** An action on a request (its facts loaded, with assignments for a liaison). */
interface TransitionTarget {
  action: RequestAction;
  request: RequestFacts & { id: number };
}
const transition = rule({
  ref: (t: TransitionTarget) => `request:${t.request.id}`,
  check: (viewer, t) => authorizeTransition(t.action, t.request, viewer),
});

/** A metrics unit placed in the street/community tree (resolved from the database before the check). */
const metricsUnitRef = (scope: PlacedScope): string => `${scope.kind.toLowerCase()}:${scope.id}`;

function metricsUnitCheck(viewer: Viewer, scope: PlacedScope | null | undefined, check: (scope: PlacedScope) => void): void {
  if (scope === undefined) {
    if (!mayViewAnyMetrics(viewer)) throw new DomainError(ErrorCode.Forbidden);
  } else if (scope === null) {
    throw new DomainError(ErrorCode.Forbidden);
  } else {
    check(scope);
  }
}

export const ACCESS_RULES = {
  [Permission.RequestView]: rule({
    ref: (request: RequestFacts & { id: number }) => `request:${request.id}`,
    check: (viewer, request) => assertCanView(viewer, request),
  }),
  /** residents file for their home, staff on behalf of someone in a room of their area (else the scope refusal); liaisons file nothing */
  [Permission.RequestFile]: rule({
    ref: (target: { place?: Place & { roomId?: number } }) => (target.place ? placeInScope.ref(target.place) : 'request:new'),
    check: (viewer, target) => {
      if (viewer.role !== Role.Resident && !isStaff(viewer)) throw new DomainError(ErrorCode.Forbidden);
      if (target.place) placeInScope.check(viewer, target.place);
    },
  }),
  [Permission.StaffRooms]: placeInScope,
  [Permission.HomeBindingVerify]: placeInScope,
  /** the request's transition table (authorizeTransition): 409 ILLEGAL_TRANSITION from this status, 403 FORBIDDEN for this viewer */
  [Permission.RequestTransition]: transition,
  [Permission.RequestEscalate]: transition,
  [Permission.ExtensionAsk]: transition,
  [Permission.ReturnVisit]: transition,
  [Permission.Whistle]: transition,
  /** deciding on an extension: an officer whose area covers the request (else the scope refusal), then the table's `supervisor` */
  [Permission.ExtensionDecide]: rule({
    ref: (t: TransitionTarget) => `request:${t.request.id}`,
    check: (viewer, t) => {
      if (!Scope.of(viewer).covers(t.request)) throw outOfScope(viewer);
      return authorizeTransition(t.action, t.request, viewer);
    },
  }),
  [Permission.WhistlePropose]: whistler,
  [Permission.WhistleAssignmentAct]: rule({
    ref: (assignment: { id: number; departmentId: number }) => `assignment:${assignment.id}`,
    check: (viewer, assignment) => assertActsForDepartment(viewer, assignment),
  }),
  /** a liaison's inbox is their department's; an account without one has none (a set-up error: 403 FORBIDDEN) */
  [Permission.LiaisonInbox]: rule({
    ref: (target: { departmentId: number | null | undefined }) => `department:${target.departmentId ?? 'none'}`,
    check: (_viewer, target): number => {
      if (target.departmentId === null || target.departmentId === undefined) throw new DomainError(ErrorCode.Forbidden);
      return target.departmentId;
    },
  }),
  /** the street whose departments one sees: a resident none; a liaison their department's, staff their own */
  [Permission.DepartmentList]: rule({
    ref: (target: { streetId: number | null }) => `street:${target.streetId ?? 'none'}`,
    check: (viewer, target) => ownStreet(viewer, target.streetId),
  }),
  /** the street an officer administers (routing table, whistle settings) */
  [Permission.StreetAdmin]: rule({
    ref: (target: { streetId: number | null }) => `street:${target.streetId ?? 'none'}`,
    check: (viewer, target) => ownStreet(viewer, target.streetId),
  }),
  /** whose board: returns the community to read (see boardCommunityOf) */
  [Permission.BoardView]: rule({
    ref: (target: { requested: number | undefined; homeCommunityId: number | null; streetOfRequested: number | null }) =>
      `community:${target.requested ?? target.homeCommunityId ?? 'own'}`,
    check: (viewer, target) => boardCommunityOf(viewer, target.requested, target),
  }),
  /**
   * whose numbers: `scope` omitted asks only whether the viewer sees any numbers (before the unit is looked up);
   * null: the viewer named none and has no unit of their own (an account set-up error); both 403 FORBIDDEN
   */
  [Permission.MetricsView]: rule({
    ref: (target: { scope?: PlacedScope | null }) => (target.scope ? metricsUnitRef(target.scope) : 'unit:none'),
    check: (viewer, target) => metricsUnitCheck(viewer, target.scope, (scope) => assertMayViewMetrics(viewer, scope)),
  }),
  [Permission.MetricsRanking]: rule({
    ref: (target: { kind: RankingKind; scope?: PlacedScope | null }) => `${target.kind.toLowerCase()}-ranking:${target.scope ? metricsUnitRef(target.scope) : 'none'}`,
    check: (viewer, target) => metricsUnitCheck(viewer, target.scope, (scope) => assertMayViewRanking(viewer, target.kind, scope)),
  }),
  /** whose catalogue: returns the community (a resident's bound home's, a staff member's own) */
  [Permission.CatalogueView]: rule({
    ref: (target: { homeCommunityId: number | null }) => `community:${target.homeCommunityId ?? 'own'}`,
    check: (viewer, target) => catalogueCommunityOf(viewer, target.homeCommunityId),
  }),
  /** a community officer of the community (omitted: the officer's own, for creating); returns the community */
  [Permission.CatalogueMaintain]: rule({
    ref: (target: { communityId?: number }) => `community:${target.communityId ?? 'own'}`,
    check: (viewer, target): number => {
      if (target.communityId === undefined) return maintainedCommunityOf(viewer);
      if (!canMaintainCatalogue(viewer, target.communityId)) throw new DomainError(ErrorCode.Forbidden);
      return target.communityId;
    },
  }),
  /**
   * a day plan: staff who may have visits (grid leaders and community officers of a community; else 403 FORBIDDEN),
   * returning the community; one visit (`visit`): its provider only — anyone else 404 NOT_FOUND (existence not disclosed)
   */
  [Permission.ProviderVisits]: rule({
    ref: (target: { communityId?: number | null; visit?: VisitAssignment & { bookingId: number } }) =>
      target.visit ? `booking:${target.visit.bookingId}` : `community:${target.communityId ?? 'none'}`,
    check: (viewer, target): number => {
      if (target.visit) {
        if (!providesVisit(viewer, target.visit)) throw new DomainError(ErrorCode.NotFound);
      } else if (!mayProvideVisits(viewer)) {
        throw new DomainError(ErrorCode.Forbidden);
      }
      return viewer.communityId as number;
    },
  }),
  [Permission.ReviewProjectView]: rule({
    ref: (project: ProjectFacts & { id: number }) => `project:${project.id}`,
    check: (viewer, project) => assertCanViewProject(viewer, project),
  }),
  [Permission.ReviewProjectAct]: rule({
    ref: (target: { project: ProjectFacts & { id: number }; action: ProjectAction }) => `project:${target.project.id}`,
    check: (viewer, target) => assertProjectAction(viewer, target.project, target.action),
  }),
  /** a grid leader reads their grid's part of the agenda: one without a grid has none (403 NOT_IN_YOUR_SCOPE) */
  [Permission.ReviewAgenda]: rule({
    ref: reviewCommunityRef,
    check: (viewer, target): ReviewScope => {
      const scope = reviewScopeOf(viewer, target.community);
      if (scope.readOnly && scope.gridId === null) throw new DomainError(ErrorCode.NotInYourScope);
      return scope;
    },
  }),
  [Permission.ReviewSettingsView]: reviewScope,
  [Permission.ReviewOwners]: reviewScope,
  [Permission.ReviewProjectList]: reviewScope,
  [Permission.ReviewSettingsEdit]: reviewManaged,
  [Permission.ReviewProjectCreate]: reviewManaged,
} satisfies Partial<Record<Permission, Rule<never, unknown>>>;

export type RuledPermission = keyof typeof ACCESS_RULES;
export type TargetOf<P extends RuledPermission> = Parameters<(typeof ACCESS_RULES)[P]['check']>[1];
export type ResultOf<P extends RuledPermission> = ReturnType<(typeof ACCESS_RULES)[P]['check']>;
export type AnyRule = Rule<unknown, unknown>;
