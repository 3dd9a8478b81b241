import { HandlingLevel } from './enums';
import { ErrorCode } from './errors';
import { actingAsOf, ActorFacts, coversPlace, performersOf, RequestFacts, SYSTEM } from './performers';
import { authorisedActions, isAuthorised, OFFERED_ACTIONS, refusalOf } from './request-actions';
import { RequestAction, RequestStatus } from './request-lifecycle';
import { Role } from './roles';
import { AssignmentState, WhistleRole } from './whistle';

const resident: ActorFacts = { id: 10, role: Role.Resident, gridId: null, communityId: null, streetId: null };
const otherResident: ActorFacts = { ...resident, id: 11 };
const leader: ActorFacts = { id: 20, role: Role.GridLeader, gridId: 1, communityId: 1, streetId: 1 };
const otherLeader: ActorFacts = { ...leader, id: 21, gridId: 2 };
const community: ActorFacts = { id: 30, role: Role.CommunityOfficer, gridId: null, communityId: 1, streetId: 1 };
const street: ActorFacts = { id: 40, role: Role.StreetOfficer, gridId: null, communityId: null, streetId: 1 };
const liaisonOf = (departmentId: number): ActorFacts => ({ id: 50 + departmentId, role: Role.Liaison, gridId: null, communityId: null, streetId: null, departmentId });

const request = (status: RequestStatus, level = HandlingLevel.Grid, extra: Partial<RequestFacts> = {}): RequestFacts => ({
  status,
  level,
  residentUserId: 10,
  gridId: 1,
  communityId: 1,
  streetId: 1,
  assignments: [
    { departmentId: 3, role: WhistleRole.Lead, state: AssignmentState.Reported },
    { departmentId: 6, role: WhistleRole.Assist, state: AssignmentState.Notified },
    { departmentId: 9, role: WhistleRole.Assist, state: AssignmentState.Returned },
  ],
  ...extra,
});

describe('performersOf: the five performers from facts both ends hold', () => {
  it('finds the owner, and only the resident the item belongs to', () => {
    expect(performersOf(resident, request(RequestStatus.PendingAccept))).toEqual(['owner']);
    expect(performersOf(otherResident, request(RequestStatus.PendingAccept))).toEqual([]);
  });

  it('finds the holder: the role of the current level whose area covers the item', () => {
    expect(performersOf(leader, request(RequestStatus.InProgress))).toEqual(['holder']);
    expect(performersOf(otherLeader, request(RequestStatus.InProgress))).toEqual([]);
    expect(performersOf(community, request(RequestStatus.InProgress, HandlingLevel.Community))).toEqual(['holder']);
    expect(performersOf(street, request(RequestStatus.InProgress, HandlingLevel.Street))).toEqual(['holder']);
    expect(performersOf({ ...leader, gridId: null }, request(RequestStatus.InProgress))).toEqual([]);
  });

  it('finds the supervisor: an officer of the level above, in their area; nobody above the street', () => {
    expect(performersOf(community, request(RequestStatus.InProgress))).toEqual(['supervisor']);
    expect(performersOf({ ...community, communityId: 2 }, request(RequestStatus.InProgress))).toEqual([]);
    expect(performersOf(street, request(RequestStatus.InProgress))).toEqual([]);
    expect(performersOf(street, request(RequestStatus.InProgress, HandlingLevel.Community))).toEqual(['supervisor']);
    expect(performersOf(leader, request(RequestStatus.InProgress, HandlingLevel.Street))).toEqual([]);
  });

  it("finds a liaison through their department's active assignment (NOTIFIED or REPORTED), latest first", () => {
    const whistled = request(RequestStatus.Whistled, HandlingLevel.Street);
    expect(performersOf(liaisonOf(3), whistled)).toEqual(['liaison']);
    expect(performersOf(liaisonOf(6), whistled)).toEqual(['liaison']);
    expect(performersOf(liaisonOf(9), whistled)).toEqual([]);
    expect(performersOf(liaisonOf(1), whistled)).toEqual([]);
    expect(performersOf({ ...liaisonOf(3), departmentId: null }, whistled)).toEqual([]);
    expect(actingAsOf(liaisonOf(6), whistled)).toEqual({ performers: ['liaison'], assignment: whistled.assignments?.[1] });
  });

  it('gives the system to SYSTEM alone', () => {
    expect(performersOf(SYSTEM, request(RequestStatus.Resolved))).toEqual(['system']);
    for (const viewer of [resident, leader, community, street, liaisonOf(3)]) {
      expect(performersOf(viewer, request(RequestStatus.Resolved))).not.toContain('system');
    }
  });

  it('covers a place only by the column of the role, never for an unset scope', () => {
    const place = { gridId: 1, communityId: 1, streetId: 1 };
    expect(coversPlace(leader, place)).toBe(true);
    expect(coversPlace(community, { ...place, gridId: 7 })).toBe(true);
    expect(coversPlace(community, { ...place, communityId: 7 })).toBe(false);
    expect(coversPlace({ ...street, streetId: null }, place)).toBe(false);
    expect(coversPlace(liaisonOf(3), place)).toBe(false);
    expect(coversPlace(resident, place)).toBe(false);
  });
});

describe('the guard allows exactly what the buttons offer (statuses × roles × levels)', () => {
  const viewers: Record<string, ActorFacts | typeof SYSTEM> = {
    owner: resident,
    'other resident': otherResident,
    'grid leader': leader,
    'other grid leader': otherLeader,
    'community officer': community,
    'street officer': street,
    'lead liaison': liaisonOf(3),
    'assisting liaison': liaisonOf(6),
    'returned liaison': liaisonOf(9),
    system: SYSTEM,
  };
  const cases = Object.values(RequestStatus).flatMap((status) =>
    [HandlingLevel.Grid, HandlingLevel.Community, HandlingLevel.Street].flatMap((level) =>
      [false, true].flatMap((communityMayWhistle) =>
        Object.entries(viewers).map(([name, viewer]) => ({ name, viewer, facts: request(status, level, { communityMayWhistle }) })),
      ),
    ),
  );

  it('refuses an offered action exactly when it is not among the buttons, for every status, level and viewer', () => {
    for (const { name, viewer, facts } of cases) {
      const actingAs = actingAsOf(viewer, facts);
      const buttons = authorisedActions(facts, actingAs);
      const allowed = OFFERED_ACTIONS.filter((action) => refusalOf(action, facts, actingAs) === null);
      expect({ name, status: facts.status, level: facts.level, allowed }).toEqual({ name, status: facts.status, level: facts.level, allowed: buttons });
    }
  });

  it('isAuthorised is "no refusal" for every action, offered or not', () => {
    for (const { viewer, facts } of cases) {
      const actingAs = actingAsOf(viewer, facts);
      for (const action of Object.values(RequestAction)) {
        expect(isAuthorised(action, facts, actingAs)).toBe(refusalOf(action, facts, actingAs) === null);
      }
    }
  });

  it('gives the codes the server answers with, in its order', () => {
    const as = (viewer: ActorFacts | typeof SYSTEM, facts: RequestFacts) => actingAsOf(viewer, facts);
    const closed = request(RequestStatus.Closed);
    expect(refusalOf(RequestAction.Accept, closed, as(leader, closed))).toBe(ErrorCode.IllegalTransition);
    expect(refusalOf(RequestAction.Accept, closed, as(resident, closed))).toBe(ErrorCode.IllegalTransition);
    const pending = request(RequestStatus.PendingAccept);
    expect(refusalOf(RequestAction.Accept, pending, as(resident, pending))).toBe(ErrorCode.Forbidden);
    expect(refusalOf(RequestAction.Whistle, pending, as(leader, pending))).toBe(ErrorCode.Forbidden);
    const atStreet = request(RequestStatus.InProgress, HandlingLevel.Street);
    expect(refusalOf(RequestAction.Escalate, atStreet, as(street, atStreet))).toBe(ErrorCode.EscalationTopReached);
    expect(refusalOf(RequestAction.RequestExtension, atStreet, as(street, atStreet))).toBe(ErrorCode.EscalationTopReached);
    expect(refusalOf(RequestAction.Escalate, atStreet, as(leader, atStreet))).toBe(ErrorCode.Forbidden);
    expect(refusalOf(RequestAction.Escalate, atStreet, as(SYSTEM, atStreet))).toBe(ErrorCode.EscalationTopReached);
    const whistled = request(RequestStatus.Whistled, HandlingLevel.Street);
    expect(refusalOf(RequestAction.Resolve, whistled, as(liaisonOf(6), whistled))).toBe(ErrorCode.Forbidden);
    expect(refusalOf(RequestAction.Resolve, whistled, as(liaisonOf(3), whistled))).toBeNull();
    expect(refusalOf(RequestAction.Escalate, whistled, as(street, whistled))).toBe(ErrorCode.IllegalTransition);
  });
});
