import {
  AssignmentAction,
  assignmentActions,
  availableActions,
  ErrorCode,
  HandlingLevel,
  findTransition,
  Performer,
  RequestAction,
  Transition,
  WhistleRole,
} from '@gezhi/shared';
import { DomainError } from '../../../common/errors/domain-error';
import { EscalationLadder } from '../../escalation/domain/escalation-ladder';
import { activeAssignmentOf, coversPlace, holdsCurrentLevel, isOwner, levelMayWhistle, levelOfRole } from '../access/request-access';
import type { RequestFacts, Viewer } from './viewer';

/** Actions this API offers today. */
export const OFFERED_ACTIONS: readonly RequestAction[] = [
  RequestAction.Accept,
  RequestAction.AddProgress,
  RequestAction.Resolve,
  RequestAction.Reject,
  RequestAction.Cancel,
  RequestAction.Rate,
  RequestAction.Whistle,
  RequestAction.Report,
  RequestAction.ReturnWhistle,
  RequestAction.ReturnAssist,
  RequestAction.Escalate,
];

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
  const level = levelOfRole(viewer.role);
  return level !== null && level === EscalationLadder.supervisorOf(request.level) && coversPlace(viewer, request);
}

/**
 * The transition when `viewer` may perform `action` on the request now, else null — `authorizeTransition` without
 * the refusal (the sweepers ask it of each candidate: changed meanwhile, it is simply not theirs any more).
 */
export function mayPerform(action: RequestAction, request: RequestFacts, viewer: Performing): Transition | null {
  const transition = findTransition(action, request.status);
  if (!transition || !performersOf(viewer, request).some((p) => transition.performers.includes(p))) return null;
  if (action === RequestAction.Whistle && !levelMayWhistle(request)) return null;
  if (action === RequestAction.Escalate && !EscalationLadder.canEscalate(request.level)) return null;
  return transition;
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

/** The timeline action a department's step is recorded as (a lead's return hands the item back to the street). */
export function requestActionOf(action: AssignmentAction, role: WhistleRole): RequestAction {
  switch (action) {
    case AssignmentAction.Report:
      return RequestAction.Report;
    case AssignmentAction.Progress:
      return RequestAction.AddProgress;
    case AssignmentAction.Resolve:
      return RequestAction.Resolve;
    case AssignmentAction.Return:
      return role === WhistleRole.Lead ? RequestAction.ReturnWhistle : RequestAction.ReturnAssist;
  }
}

/** What the viewer may do now (drives the buttons), in the order of the transition table. */
export function actionsFor(viewer: Viewer, request: RequestFacts): RequestAction[] {
  const allowed = new Set(
    performersOf(viewer, request)
      .filter((p) => p !== 'liaison')
      .flatMap((p) => availableActions(request.status, p)),
  );
  if (!levelMayWhistle(request)) allowed.delete(RequestAction.Whistle);
  // 上报 stops at the street (the top of the ladder, which whistles instead)
  if (request.level === HandlingLevel.Street) allowed.delete(RequestAction.Escalate);
  // a liaison's buttons follow their department's assignment (only the lead resolves; a lead's return hands it back)
  const assignment = activeAssignmentOf(viewer, request);
  if (assignment) {
    const liaisonActions = new Set(availableActions(request.status, 'liaison'));
    for (const a of assignmentActions(assignment.state, assignment.role)) {
      const action = requestActionOf(a, assignment.role);
      if (liaisonActions.has(action)) allowed.add(action);
    }
  }
  return OFFERED_ACTIONS.filter((action) => allowed.has(action));
}
