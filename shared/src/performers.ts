/**
 * Who the viewer is towards a request — the five performers of the transition table (request-lifecycle.ts) —
 * worked out from facts both ends hold: the viewer's role, place columns and department, and the request's place,
 * level, owner and whistle assignments. Pure, framework-free: the server authorises with it (transition-guard.ts)
 * and lists the buttons with it; the mini-program could compute the same performers from the same facts.
 */
import { ACTIVE_ASSIGNMENT_STATES, AssignmentState, INVOLVED_ASSIGNMENT_STATES, WhistleRole } from './whistle';
import { HandlingLevel } from './enums';
import { levelOfRole, supervisesLevel } from './ladder';
import type { ActingAs } from './request-actions';
import type { Performer, RequestStatus } from './request-lifecycle';
import { Role } from './roles';

/** The columns a place (a request, a room, a home) is located by. */
export type PlaceColumn = 'gridId' | 'communityId' | 'streetId';
export type Place = Record<PlaceColumn, number>;

/** The signed-in user as the request rules see them (the server's User entity satisfies it). */
export interface ActorFacts {
  id: number;
  role: Role;
  gridId: number | null;
  communityId: number | null;
  streetId: number | null;
  /** a liaison's department */
  departmentId?: number | null;
}

/** One department's part in a whistle of the request, as access and transition rules see it. */
export interface AssignmentFacts {
  departmentId: number;
  role: WhistleRole;
  state: AssignmentState;
}

/** The facts about a request that access and transition rules depend on. */
export interface RequestFacts extends Place {
  status: RequestStatus;
  level: HandlingLevel;
  residentUserId: number | null;
  /** the request's whistle assignments (every round); needed to recognise liaisons, absent otherwise */
  assignments?: readonly AssignmentFacts[];
  /** the street's setting, needed to decide whether a community officer may whistle */
  communityMayWhistle?: boolean;
}

/** The server itself as the performer (the deadline sweeper's 上报, the return-visit sweeper's 未评价办结). */
export const SYSTEM = Object.freeze({ system: true as const });
export type Performing = ActorFacts | typeof SYSTEM;

const PLACE_COLUMN_OF_ROLE: Partial<Record<Role, PlaceColumn>> = {
  [Role.GridLeader]: 'gridId',
  [Role.CommunityOfficer]: 'communityId',
  [Role.StreetOfficer]: 'streetId',
};

/** The column a staff role's area is defined by (a grid leader's grid, …); null for residents and liaisons. */
export function placeColumnOf(role: Role): PlaceColumn | null {
  return PLACE_COLUMN_OF_ROLE[role] ?? null;
}

/** Whether a staff member's area covers a place (a request, a room they file for); never for an unset scope. */
export function coversPlace(viewer: Pick<ActorFacts, 'role' | PlaceColumn>, place: Place): boolean {
  const column = placeColumnOf(viewer.role);
  if (column === null) return false;
  const id = viewer[column];
  return id !== null && id !== undefined && place[column] === id;
}

/** The owner: the resident the request belongs to. */
export function isOwner(viewer: ActorFacts, request: Pick<RequestFacts, 'residentUserId'>): boolean {
  return viewer.role === Role.Resident && request.residentUserId === viewer.id;
}

/** Staff: a role that works at a level of the ladder (grid leader, community officer, street officer). */
export function isStaff(viewer: Pick<ActorFacts, 'role'>): boolean {
  return levelOfRole(viewer.role) !== null;
}

/** The holder: staff whose role works at the request's current level and whose scope covers it. */
export function holdsCurrentLevel(viewer: ActorFacts, request: Place & Pick<RequestFacts, 'level'>): boolean {
  return levelOfRole(viewer.role) === request.level && coversPlace(viewer, request);
}

/** The supervisor: an officer of the level above the item's (督办, 审批延期), within their area. */
export function supervises(viewer: ActorFacts, request: Place & Pick<RequestFacts, 'level'>): boolean {
  return supervisesLevel(viewer.role, request.level) && coversPlace(viewer, request);
}

/** The viewer's department's assignment that gives them sight of the request (latest first), if any. */
export function involvedAssignmentOf<A extends AssignmentFacts>(viewer: ActorFacts, request: { assignments?: readonly A[] }): A | undefined {
  return liaisonAssignments(viewer, request).find((a) => INVOLVED_ASSIGNMENT_STATES.includes(a.state));
}

/** The viewer's department's assignment it is still working on (NOTIFIED or REPORTED), if any. */
export function activeAssignmentOf<A extends AssignmentFacts>(viewer: ActorFacts, request: { assignments?: readonly A[] }): A | undefined {
  return liaisonAssignments(viewer, request).find((a) => ACTIVE_ASSIGNMENT_STATES.includes(a.state));
}

function liaisonAssignments<A extends AssignmentFacts>(viewer: ActorFacts, request: { assignments?: readonly A[] }): A[] {
  if (viewer.role !== Role.Liaison || viewer.departmentId === null || viewer.departmentId === undefined) return [];
  return [...(request.assignments ?? [])].reverse().filter((a) => a.departmentId === viewer.departmentId);
}

/**
 * The roles the viewer plays towards this request — all five of the transition table's performers: owner; holder;
 * liaison — a liaison of a department with an active (NOTIFIED or REPORTED) assignment on it (`request.assignments`
 * must be given for that); supervisor — an officer of the level above the item's level, within their area
 * (approves extensions); system — the server itself (`SYSTEM`), and nobody else.
 */
export function performersOf(viewer: Performing, request: RequestFacts): Performer[] {
  if (viewer === SYSTEM) return ['system'];
  const person = viewer as ActorFacts;
  const performers: Performer[] = [];
  if (isOwner(person, request)) performers.push('owner');
  if (holdsCurrentLevel(person, request)) performers.push('holder');
  if (activeAssignmentOf(person, request)) performers.push('liaison');
  if (supervises(person, request)) performers.push('supervisor');
  return performers;
}

/**
 * Who the viewer acts as on this request — what `isAuthorised` / `authorisedActions` take: their performers and, for
 * a liaison, their department's active assignment. The server's guard and its buttons both start here.
 */
export function actingAsOf(viewer: Performing, request: RequestFacts): ActingAs {
  if (viewer === SYSTEM) return { performers: ['system'] };
  const assignment = activeAssignmentOf(viewer as ActorFacts, request);
  return assignment ? { performers: performersOf(viewer, request), assignment } : { performers: performersOf(viewer, request) };
}
