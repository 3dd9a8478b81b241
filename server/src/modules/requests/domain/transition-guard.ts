import {
  authorisedActions,
  ErrorCode,
  findTransition,
  isAuthorised,
  Performer,
  RequestAction,
  supervisesLevel,
  Transition,
} from '@gezhi/shared';
import { DomainError } from '../../../common/errors/domain-error';
import { activeAssignmentOf, coversPlace, holdsCurrentLevel, isOwner, levelMayWhistle } from '../access/request-access';
import type { RequestFacts, Viewer } from './viewer';

/** Actions this API offers today, and how a department's step is recorded: shared/src/request-actions.ts. */
export { OFFERED_ACTIONS, requestActionOf } from '@gezhi/shared';

/** The server itself as the performer (the deadline sweeper's 上报, the return-visit sweeper's 未评价办结). */
export const SYSTEM = Object.freeze({ system: true as const });
export type Performing = Viewer | typeof SYSTEM;

/**
 * The roles the viewer plays towards this request — all five of the shared table's performers: owner; holder;
 * liaison — a liaison of a department with an active (NOTIFIED or REPORTED) assignment on it (`request.assignments`
 * must be loaded for that); supervisor — an officer of the level above the item's level, within their area
 * (approves extensions); system — the server itself (`SYSTEM`), and nobody else.
 */
export function performersOf(viewer: Performing, request: RequestFacts): Performer[] {
  if (viewer === SYSTEM) return ['system'];
  const person = viewer as Viewer;
  const performers: Performer[] = [];
  if (isOwner(person, request)) performers.push('owner');
  if (holdsCurrentLevel(person, request)) performers.push('holder');
  if (activeAssignmentOf(person, request)) performers.push('liaison');
  if (supervises(person, request)) performers.push('supervisor');
  return performers;
}

/** An officer of the level above the item's (the community for a grid item, the street for a community item), in their area. */
function supervises(viewer: Viewer, request: RequestFacts): boolean {
  // the shared ladder's rule, which the mini-program's 批准/不同意 buttons use too
  return supervisesLevel(viewer.role, request.level) && coversPlace(viewer, request);
}

/**
 * The transition when `viewer` may perform `action` on the request now, else null — `authorizeTransition` without
 * the refusal (the sweepers ask it of each candidate: changed meanwhile, it is simply not theirs any more).
 */
export function mayPerform(action: RequestAction, request: RequestFacts, viewer: Performing): Transition | null {
  // the same predicate as the buttons (shared isAuthorised): table, performers, 吹哨 level, top of the ladder
  if (!isAuthorised(action, request, { performers: performersOf(viewer, request) })) return null;
  return findTransition(action, request.status) ?? null;
}

/**
 * Checks an action against the shared transition table: not allowed from the current status → 409
 * ILLEGAL_TRANSITION; allowed but not for this viewer → 403 FORBIDDEN. Returns the transition and the
 * performer kind the viewer acts as. Call it after the viewer's access to the request was checked.
 * Whistling is also refused (403) below street level unless the street lets communities whistle.
 */
export function authorizeTransition(
  action: RequestAction,
  request: RequestFacts,
  viewer: Performing,
): { transition: Transition; performer: Performer } {
  const transition = findTransition(action, request.status);
  if (!transition) throw new DomainError(ErrorCode.IllegalTransition);
  const performer = performersOf(viewer, request).find((p) => transition.performers.includes(p));
  if (!performer) throw new DomainError(ErrorCode.Forbidden);
  if (action === RequestAction.Whistle && !levelMayWhistle(request)) throw new DomainError(ErrorCode.Forbidden);
  return { transition, performer };
}

/**
 * What the viewer may do now — the buttons, `availableActions` of the detail view: the offered actions that would
 * be authorised (shared `authorisedActions`), for the performers the viewer plays and, for a liaison, their
 * department's assignment. The mini-program shows exactly this list.
 */
export function actionsFor(viewer: Viewer, request: RequestFacts): RequestAction[] {
  return authorisedActions(request, { performers: performersOf(viewer, request), assignment: activeAssignmentOf(viewer, request) });
}
