import { actingAsOf, authorisedActions, findTransition, performerFor, Performer, Performing, refusalOf, RequestAction, Transition } from '@gezhi/shared';
import { DomainError } from '../../../common/errors/domain-error';
import type { RequestFacts, Viewer } from './viewer';

/** Actions this API offers today, and how a department's step is recorded: shared/src/request-actions.ts. */
export { OFFERED_ACTIONS, requestActionOf } from '@gezhi/shared';

/**
 * The server itself as the performer (`SYSTEM`), and the roles a viewer plays towards a request — all five of the
 * shared table's performers (`performersOf`): shared/src/performers.ts, re-exported for the services here.
 */
export { performersOf, SYSTEM } from '@gezhi/shared';
export type { Performing } from '@gezhi/shared';

/**
 * The transition when `viewer` may perform `action` on the request now, else null — `authorizeTransition` without
 * the refusal (the sweepers ask it of each candidate: changed meanwhile, it is simply not theirs any more).
 */
export function mayPerform(action: RequestAction, request: RequestFacts, viewer: Performing): Transition | null {
  // the same predicate as the buttons and authorizeTransition (shared refusalOf / isAuthorised)
  if (refusalOf(action, request, actingAsOf(viewer, request)) !== null) return null;
  return findTransition(action, request.status) ?? null;
}

/**
 * Decides an action with the buttons' predicate — shared `refusalOf`, of which `isAuthorised` is "no refusal" —
 * and throws its reason: not allowed from the current status → 409 ILLEGAL_TRANSITION; allowed but not for this
 * viewer (none of their performers, a liaison's department's assignment has no such step, 吹哨 below the street
 * unless the street lets communities whistle) → 403 FORBIDDEN; 上报 or 申请延期 at the street, the top of the
 * ladder → 409 ESCALATION_TOP_REACHED. Returns the transition and the performer kind the viewer acts as. Call it
 * after the viewer's access to the request was checked.
 */
export function authorizeTransition(
  action: RequestAction,
  request: RequestFacts,
  viewer: Performing,
): { transition: Transition; performer: Performer } {
  const actingAs = actingAsOf(viewer, request);
  const refusal = refusalOf(action, request, actingAs);
  if (refusal !== null) throw new DomainError(refusal);
  const transition = findTransition(action, request.status) as Transition;
  return { transition, performer: performerFor(transition, actingAs) as Performer };
}

/**
 * What the viewer may do now — the buttons, `availableActions` of the detail view: the offered actions that would
 * be authorised (shared `authorisedActions`), for the performers the viewer plays and, for a liaison, their
 * department's assignment (`actingAsOf`, as `authorizeTransition` decides). The mini-program shows exactly this list.
 */
export function actionsFor(viewer: Viewer, request: RequestFacts): RequestAction[] {
  return authorisedActions(request, actingAsOf(viewer, request));
}
