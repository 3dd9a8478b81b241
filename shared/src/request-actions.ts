/**
 * The buttons of a request are the actions that would be authorised: one predicate, `isAuthorised`, on the shared
 * transition table (request-lifecycle.ts), the ladder (ladder.ts) and a department's part in the whistle
 * (whistle.ts). The server lists `availableActions` with `authorisedActions`; the mini-program shows exactly that
 * list, and the server's `authorizeTransition` refuses with `refusalOf` — the same predicate, telling why. Who the
 * viewer is towards the item (owner, holder, liaison, supervisor, system) is `performersOf` / `actingAsOf`
 * (performers.ts), from facts both ends hold.
 */
import { HandlingLevel } from './enums';
import { ErrorCode } from './errors';
import { levelAbove } from './ladder';
import { findTransition, Performer, RequestAction, RequestStatus, Transition } from './request-lifecycle';
import { AssignmentAction, assignmentActions, AssignmentState, WhistleRole } from './whistle';

/** What an action depends on besides who performs it. */
export interface ActionFacts {
  status: RequestStatus;
  level: HandlingLevel;
  /** the street's setting: its communities may whistle (吹哨) too */
  communityMayWhistle?: boolean;
}

/** Who the viewer acts as: the performers they play and, for a liaison, their department's active assignment. */
export interface ActingAs {
  performers: readonly Performer[];
  /** given: a liaison's actions follow their department's assignment (only the lead resolves …) */
  assignment?: { state: AssignmentState; role: WhistleRole };
}

/** The actions a request page offers as buttons (the API's actions on a request), in the order shown. */
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

/**
 * Who may whistle (吹哨): the holder at street level; at community level only where the street allows it
 * (`communityMayWhistle`); never at grid level.
 */
export function levelMayWhistle(facts: Pick<ActionFacts, 'level' | 'communityMayWhistle'>): boolean {
  if (facts.level === HandlingLevel.Street) return true;
  return facts.level === HandlingLevel.Community && facts.communityMayWhistle === true;
}

/** The request action a department's step is recorded as (a lead's return hands the item back to the street). */
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

/** Why an action would be refused — the codes the server answers with (409, 403, 409). */
export type Refusal = ErrorCode.IllegalTransition | ErrorCode.Forbidden | ErrorCode.EscalationTopReached;

/**
 * Why `action` would not be authorised, or null when it would — the one predicate, told in the order the server
 * has always answered: the table does not allow it from the status → ILLEGAL_TRANSITION (409); none of the
 * viewer's performers may do it → FORBIDDEN (403); 吹哨 where the level may not whistle → FORBIDDEN; a liaison
 * whose department's assignment (when given) has no such step → FORBIDDEN; 上报 and 申请延期 at the top of the
 * ladder (there is nobody above the street to take it or to decide) → ESCALATION_TOP_REACHED (409).
 */
export function refusalOf(action: RequestAction, facts: ActionFacts, actingAs: ActingAs): Refusal | null {
  const transition = findTransition(action, facts.status);
  if (!transition) return ErrorCode.IllegalTransition;
  const performer = performerFor(transition, actingAs);
  if (!performer) return ErrorCode.Forbidden;
  if (action === RequestAction.Whistle && !levelMayWhistle(facts)) return ErrorCode.Forbidden;
  if ((action === RequestAction.Escalate || action === RequestAction.RequestExtension) && levelAbove(facts.level) === null) {
    return ErrorCode.EscalationTopReached;
  }
  return null;
}

/**
 * The performer the viewer acts as for this transition (the first of theirs the table names), or undefined: a
 * liaison counts only for the steps of their department's assignment, when it is given.
 */
export function performerFor(transition: Transition, actingAs: ActingAs): Performer | undefined {
  const { performers, assignment } = actingAs;
  return performers.find((p) => transition.performers.includes(p) && (p !== 'liaison' || liaisonMay(transition.action, assignment)));
}

function liaisonMay(action: RequestAction, assignment: ActingAs['assignment']): boolean {
  return !assignment || assignmentActions(assignment.state, assignment.role).some((a) => requestActionOf(a, assignment.role) === action);
}

/** Whether `action` would be authorised: `refusalOf` finds no reason to refuse it (the buttons and the server's guard). */
export function isAuthorised(action: RequestAction, facts: ActionFacts, actingAs: ActingAs): boolean {
  return refusalOf(action, facts, actingAs) === null;
}

/** The buttons: the offered actions that would be authorised, in `OFFERED_ACTIONS` order. */
export function authorisedActions(facts: ActionFacts, actingAs: ActingAs): RequestAction[] {
  return OFFERED_ACTIONS.filter((action) => isAuthorised(action, facts, actingAs));
}
