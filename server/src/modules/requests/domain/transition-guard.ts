import { availableActions, ErrorCode, findTransition, Performer, RequestAction, Transition } from '@gezhi/shared';
import { DomainError } from '../../../common/errors/domain-error';
import { holdsCurrentLevel, isOwner } from '../access/request-access';
import type { RequestFacts, Viewer } from './viewer';

/** Actions this API offers today; escalation and the whistle chain come later and are not offered as buttons. */
export const OFFERED_ACTIONS: readonly RequestAction[] = [
  RequestAction.Accept,
  RequestAction.AddProgress,
  RequestAction.Resolve,
  RequestAction.Reject,
  RequestAction.Cancel,
  RequestAction.Rate,
];

/** The roles the viewer plays towards this request (owner, holder; liaison once whistling exists). */
export function performersOf(viewer: Viewer, request: RequestFacts): Performer[] {
  const performers: Performer[] = [];
  if (isOwner(viewer, request)) performers.push('owner');
  if (holdsCurrentLevel(viewer, request)) performers.push('holder');
  return performers;
}

/**
 * Checks an action against the shared transition table: not allowed from the current status → 409
 * ILLEGAL_TRANSITION; allowed but not for this viewer → 403 FORBIDDEN. Returns the transition and the
 * performer kind the viewer acts as. Call it after the viewer's access to the request was checked.
 */
export function authorizeTransition(
  action: RequestAction,
  request: RequestFacts,
  viewer: Viewer,
): { transition: Transition; performer: Performer } {
  const transition = findTransition(action, request.status);
  if (!transition) throw new DomainError(ErrorCode.IllegalTransition);
  const performer = performersOf(viewer, request).find((p) => transition.performers.includes(p));
  if (!performer) throw new DomainError(ErrorCode.Forbidden);
  return { transition, performer };
}

/** What the viewer may do now (drives the buttons), in the order of the transition table. */
export function actionsFor(viewer: Viewer, request: RequestFacts): RequestAction[] {
  const allowed = new Set(performersOf(viewer, request).flatMap((p) => availableActions(request.status, p)));
  return OFFERED_ACTIONS.filter((action) => allowed.has(action));
}
