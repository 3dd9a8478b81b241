import { AssignmentState, ErrorCode, HandlingLevel, RequestAction, RequestStatus, Role, WhistleRole } from '@gezhi/shared';
import { actionsFor, authorizeTransition, mayPerform, OFFERED_ACTIONS, performersOf, SYSTEM } from './transition-guard';
import type { RequestFacts, Viewer } from './viewer';

const resident: Viewer = { id: 10, role: Role.Resident, gridId: null, communityId: null, streetId: null };
const leaderOfGrid1: Viewer = { id: 20, role: Role.GridLeader, gridId: 1, communityId: 1, streetId: 1 };
const communityOfficer: Viewer = { id: 30, role: Role.CommunityOfficer, gridId: null, communityId: 1, streetId: 1 };

const requestIn = (status: RequestStatus): RequestFacts => ({
  status,
  level: HandlingLevel.Grid,
  residentUserId: 10,
  gridId: 1,
  communityId: 1,
  streetId: 1,
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('authorizeTransition', () => {
  it('lets the grid leader accept a pending request as its holder', () => {
    const { transition, performer } = authorizeTransition(RequestAction.Accept, requestIn(RequestStatus.PendingAccept), leaderOfGrid1);
    expect(transition.to).toBe(RequestStatus.InProgress);
    expect(performer).toBe('holder');
  });

  it('refuses to resolve a request nobody accepted with ILLEGAL_TRANSITION', () => {
    expect(codeOf(() => authorizeTransition(RequestAction.Resolve, requestIn(RequestStatus.PendingAccept), leaderOfGrid1))).toBe(
      ErrorCode.IllegalTransition,
    );
  });

  it('refuses any action on a closed request, even to its owner', () => {
    expect(codeOf(() => authorizeTransition(RequestAction.Rate, requestIn(RequestStatus.Closed), resident))).toBe(ErrorCode.IllegalTransition);
    expect(codeOf(() => authorizeTransition(RequestAction.Accept, requestIn(RequestStatus.Closed), leaderOfGrid1))).toBe(
      ErrorCode.IllegalTransition,
    );
  });

  it('refuses a resident accepting their own request with FORBIDDEN', () => {
    expect(codeOf(() => authorizeTransition(RequestAction.Accept, requestIn(RequestStatus.PendingAccept), resident))).toBe(ErrorCode.Forbidden);
  });

  it('refuses a community officer acting on a request held at grid level', () => {
    expect(codeOf(() => authorizeTransition(RequestAction.Accept, requestIn(RequestStatus.PendingAccept), communityOfficer))).toBe(
      ErrorCode.Forbidden,
    );
  });

  it('lets only the owner cancel before acceptance and rate after resolution', () => {
    expect(authorizeTransition(RequestAction.Cancel, requestIn(RequestStatus.PendingAccept), resident).performer).toBe('owner');
    expect(authorizeTransition(RequestAction.Rate, requestIn(RequestStatus.Resolved), resident).performer).toBe('owner');
    expect(codeOf(() => authorizeTransition(RequestAction.Cancel, requestIn(RequestStatus.InProgress), resident))).toBe(
      ErrorCode.IllegalTransition,
    );
  });

  it('never lets anyone perform the system reopen by hand', () => {
    expect(codeOf(() => authorizeTransition(RequestAction.Reopen, requestIn(RequestStatus.Resolved), resident))).toBe(ErrorCode.Forbidden);
  });
});

describe('actionsFor', () => {
  it('offers the holder accept, reject and escalate on a pending request', () => {
    expect(actionsFor(leaderOfGrid1, requestIn(RequestStatus.PendingAccept))).toEqual([
      RequestAction.Accept,
      RequestAction.Reject,
      RequestAction.Escalate,
    ]);
    expect(actionsFor(leaderOfGrid1, requestIn(RequestStatus.InProgress))).toEqual([
      RequestAction.AddProgress,
      RequestAction.Resolve,
      RequestAction.Reject,
      RequestAction.Escalate,
    ]);
  });

  it('never offers escalation at the street, the top of the ladder', () => {
    const street = { ...communityOfficer, role: Role.StreetOfficer, communityId: null };
    expect(actionsFor(street, { ...requestIn(RequestStatus.PendingAccept), level: HandlingLevel.Street })).not.toContain(RequestAction.Escalate);
  });

  it('offers the owner cancel while pending and rate once resolved', () => {
    expect(actionsFor(resident, requestIn(RequestStatus.PendingAccept))).toEqual([RequestAction.Cancel]);
    expect(actionsFor(resident, requestIn(RequestStatus.Resolved))).toEqual([RequestAction.Rate]);
  });

  it('offers an overseeing community officer nothing at grid level', () => {
    expect(actionsFor(communityOfficer, requestIn(RequestStatus.InProgress))).toEqual([]);
  });
});

describe('liaisons in the transition guard (街道吹哨、部门报到)', () => {
  const liaisonOf = (departmentId: number): Viewer => ({ id: 50 + departmentId, role: Role.Liaison, gridId: null, communityId: null, streetId: null, departmentId });
  const streetOfficer: Viewer = { id: 40, role: Role.StreetOfficer, gridId: null, communityId: null, streetId: 1 };
  const whistled: RequestFacts = {
    ...requestIn(RequestStatus.Whistled),
    level: HandlingLevel.Street,
    assignments: [
      { departmentId: 3, role: WhistleRole.Lead, state: AssignmentState.Reported },
      { departmentId: 6, role: WhistleRole.Assist, state: AssignmentState.Notified },
      { departmentId: 9, role: WhistleRole.Assist, state: AssignmentState.Returned },
    ],
  };

  it("recognises a liaison through their department's active assignment", () => {
    expect(authorizeTransition(RequestAction.Resolve, whistled, liaisonOf(3)).performer).toBe('liaison');
    expect(codeOf(() => authorizeTransition(RequestAction.Resolve, whistled, liaisonOf(9)))).toBe(ErrorCode.Forbidden);
    expect(codeOf(() => authorizeTransition(RequestAction.Resolve, whistled, liaisonOf(1)))).toBe(ErrorCode.Forbidden);
  });

  it("offers each department the buttons of its own assignment: only the lead resolves, a lead's return hands it back", () => {
    expect(actionsFor(liaisonOf(3), whistled)).toEqual([RequestAction.AddProgress, RequestAction.Resolve, RequestAction.ReturnWhistle]);
    expect(actionsFor(liaisonOf(6), whistled)).toEqual([RequestAction.Report, RequestAction.ReturnAssist]);
    expect(actionsFor(liaisonOf(9), whistled)).toEqual([]);
  });

  it('lets the street whistle at street level, a community only when the street allows it, a grid never', () => {
    const atStreet = { ...requestIn(RequestStatus.InProgress), level: HandlingLevel.Street };
    expect(authorizeTransition(RequestAction.Whistle, atStreet, streetOfficer).performer).toBe('holder');
    const atCommunity = { ...requestIn(RequestStatus.InProgress), level: HandlingLevel.Community };
    expect(codeOf(() => authorizeTransition(RequestAction.Whistle, atCommunity, communityOfficer))).toBe(ErrorCode.Forbidden);
    expect(authorizeTransition(RequestAction.Whistle, { ...atCommunity, communityMayWhistle: true }, communityOfficer).performer).toBe('holder');
    expect(codeOf(() => authorizeTransition(RequestAction.Whistle, requestIn(RequestStatus.InProgress), leaderOfGrid1))).toBe(ErrorCode.Forbidden);
    expect(actionsFor(communityOfficer, atCommunity)).not.toContain(RequestAction.Whistle);
  });
});

describe('performersOf: all five performers of the shared table', () => {
  const streetOfficer: Viewer = { id: 40, role: Role.StreetOfficer, gridId: null, communityId: null, streetId: 1 };
  const otherCommunity: Viewer = { id: 31, role: Role.CommunityOfficer, gridId: null, communityId: 2, streetId: 1 };

  it('derives supervisor: an officer of the level above, in their area', () => {
    expect(performersOf(communityOfficer, requestIn(RequestStatus.InProgress))).toEqual(['supervisor']);
    expect(performersOf(otherCommunity, requestIn(RequestStatus.InProgress))).toEqual([]);
    expect(performersOf(streetOfficer, requestIn(RequestStatus.InProgress))).toEqual([]);
    expect(performersOf(streetOfficer, { ...requestIn(RequestStatus.InProgress), level: HandlingLevel.Community })).toEqual(['supervisor']);
    expect(authorizeTransition(RequestAction.DecideExtension, requestIn(RequestStatus.InProgress), communityOfficer).performer).toBe('supervisor');
    expect(codeOf(() => authorizeTransition(RequestAction.DecideExtension, requestIn(RequestStatus.InProgress), leaderOfGrid1))).toBe(ErrorCode.Forbidden);
  });

  it('derives system for the server itself, and for nobody else', () => {
    expect(performersOf(SYSTEM, requestIn(RequestStatus.PendingAccept))).toEqual(['system']);
    expect(performersOf(leaderOfGrid1, requestIn(RequestStatus.PendingAccept))).not.toContain('system');
    expect(authorizeTransition(RequestAction.CloseUnrated, requestIn(RequestStatus.Resolved), SYSTEM).performer).toBe('system');
    expect(codeOf(() => authorizeTransition(RequestAction.CloseUnrated, requestIn(RequestStatus.Resolved), resident))).toBe(ErrorCode.Forbidden);
  });

  it('mayPerform answers the sweepers without throwing: escalation by the system below the street, from open statuses', () => {
    expect(mayPerform(RequestAction.Escalate, requestIn(RequestStatus.PendingAccept), SYSTEM)?.to).toBe(RequestStatus.PendingAccept);
    expect(mayPerform(RequestAction.Escalate, requestIn(RequestStatus.InProgress), SYSTEM)).not.toBeNull();
    expect(mayPerform(RequestAction.Escalate, requestIn(RequestStatus.Whistled), SYSTEM)).toBeNull();
    expect(mayPerform(RequestAction.Escalate, requestIn(RequestStatus.Resolved), SYSTEM)).toBeNull();
    expect(mayPerform(RequestAction.Escalate, { ...requestIn(RequestStatus.PendingAccept), level: HandlingLevel.Street }, SYSTEM)).toBeNull();
    expect(mayPerform(RequestAction.Accept, requestIn(RequestStatus.PendingAccept), SYSTEM)).toBeNull();
  });
});

describe('authorizeTransition allows exactly the buttons (actionsFor), over statuses × roles × levels', () => {
  const liaisonOf = (departmentId: number): Viewer => ({ id: 50 + departmentId, role: Role.Liaison, gridId: null, communityId: null, streetId: null, departmentId });
  const viewers: Viewer[] = [
    resident,
    { ...resident, id: 11 },
    leaderOfGrid1,
    { ...leaderOfGrid1, id: 21, gridId: 2 },
    communityOfficer,
    { id: 40, role: Role.StreetOfficer, gridId: null, communityId: null, streetId: 1 },
    liaisonOf(3),
    liaisonOf(6),
    liaisonOf(9),
  ];
  const assignments = [
    { departmentId: 3, role: WhistleRole.Lead, state: AssignmentState.Reported },
    { departmentId: 6, role: WhistleRole.Assist, state: AssignmentState.Notified },
    { departmentId: 9, role: WhistleRole.Assist, state: AssignmentState.Returned },
  ];
  const ALL = Object.values(RequestAction);

  it('throws for an action exactly when the page would not show it', () => {
    for (const status of Object.values(RequestStatus)) {
      for (const level of [HandlingLevel.Grid, HandlingLevel.Community, HandlingLevel.Street]) {
        for (const communityMayWhistle of [false, true]) {
          const request: RequestFacts = { ...requestIn(status), level, assignments, communityMayWhistle };
          for (const viewer of viewers) {
            const buttons = actionsFor(viewer, request);
            const allowed = OFFERED_ACTIONS.filter((action) => codeOf(() => authorizeTransition(action, request, viewer)) === undefined);
            expect({ viewer: viewer.id, status, level, allowed }).toEqual({ viewer: viewer.id, status, level, allowed: buttons });
            // and the actions not offered as buttons (system's, supervisor's …) are decided by the same mayPerform
            for (const action of ALL) expect(codeOf(() => authorizeTransition(action, request, viewer)) === undefined).toBe(mayPerform(action, request, viewer) !== null);
          }
        }
      }
    }
  });
});
