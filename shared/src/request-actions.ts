/**
 * The buttons of a request are the actions that would be authorised: one predicate, `isAuthorised`, on the shared
 * transition table (request-lifecycle.ts), the ladder (ladder.ts) and a department's part in the whistle
 * (whistle.ts). The server lists `availableActions` with `authorisedActions`; the mini-program shows exactly that
 * list. Who the viewer is towards the item (owner, holder, liaison, supervisor, system) is worked out by the server
 * from their scope, which the client does not hold; everything after that is decided here, once.
 */
import { HandlingLevel } from './enums';
import { levelAbove } from './ladder';
import { findTransition, Performer, RequestAction, RequestStatus } from './request-lifecycle';
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

/**
 * Whether `action` would be authorised: the table allows it from the status for one of the viewer's performers;
 * 吹哨 only where the level may whistle; 上报 and 申请延期 only below the top of the ladder (there is nobody above
 * the street to take it or to decide); a liaison only the steps of their department's assignment, when given.
 */
export function isAuthorised(action: RequestAction, facts: ActionFacts, actingAs: ActingAs): boolean {
  const transition = findTransition(action, facts.status);
  if (!transition) return false;
  if (action === RequestAction.Whistle && !levelMayWhistle(facts)) return false;
  if ((action === RequestAction.Escalate || action === RequestAction.RequestExtension) && levelAbove(facts.level) === null) return false;
  const { performers, assignment } = actingAs;
  if (performers.some((p) => p !== 'liaison' && transition.performers.includes(p))) return true;
  if (!performers.includes('liaison') || !transition.performers.includes('liaison')) return false;
  return !assignment || assignmentActions(assignment.state, assignment.role).some((a) => requestActionOf(a, assignment.role) === action);
}

/** The buttons: the offered actions that would be authorised, in `OFFERED_ACTIONS` order. */
export function authorisedActions(facts: ActionFacts, actingAs: ActingAs): RequestAction[] {
  return OFFERED_ACTIONS.filter((action) => isAuthorised(action, facts, actingAs));
}
