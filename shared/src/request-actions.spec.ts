import { HandlingLevel } from './enums';
import { authorisedActions, isAuthorised, levelMayWhistle, requestActionOf } from './request-actions';
import { RequestAction, RequestStatus } from './request-lifecycle';
import { AssignmentAction, AssignmentState, WhistleRole } from './whistle';

const A = RequestAction;
const at = (status: RequestStatus, level = HandlingLevel.Grid, communityMayWhistle = false) => ({ status, level, communityMayWhistle });

describe('the buttons are the actions that would be authorised', () => {
  it('gives the holder of a new grid item 签收, 驳回 and 上报', () => {
    expect(authorisedActions(at(RequestStatus.PendingAccept), { performers: ['holder'] })).toEqual([A.Accept, A.Reject, A.Escalate]);
  });

  it('gives the owner only 撤回 before acceptance and 评价 after the result', () => {
    expect(authorisedActions(at(RequestStatus.PendingAccept), { performers: ['owner'] })).toEqual([A.Cancel]);
    expect(authorisedActions(at(RequestStatus.Resolved), { performers: ['owner'] })).toEqual([A.Rate]);
    expect(authorisedActions(at(RequestStatus.InProgress), { performers: ['owner'] })).toEqual([]);
  });

  it('stops 上报 and 申请延期 at the street, the top of the ladder', () => {
    const street = at(RequestStatus.InProgress, HandlingLevel.Street);
    expect(authorisedActions(street, { performers: ['holder'] })).not.toContain(A.Escalate);
    expect(isAuthorised(A.RequestExtension, street, { performers: ['holder'] })).toBe(false);
    expect(isAuthorised(A.RequestExtension, at(RequestStatus.InProgress), { performers: ['holder'] })).toBe(true);
  });

  it('lets the street whistle, a community only where its street allows it, never a grid', () => {
    expect(isAuthorised(A.Whistle, at(RequestStatus.InProgress, HandlingLevel.Street), { performers: ['holder'] })).toBe(true);
    expect(isAuthorised(A.Whistle, at(RequestStatus.InProgress, HandlingLevel.Community), { performers: ['holder'] })).toBe(false);
    expect(isAuthorised(A.Whistle, at(RequestStatus.InProgress, HandlingLevel.Community, true), { performers: ['holder'] })).toBe(true);
    expect(levelMayWhistle({ level: HandlingLevel.Grid, communityMayWhistle: true })).toBe(false);
  });

  it('gives a liaison the steps of their department\'s assignment: only the lead resolves or returns the whistle', () => {
    const whistled = at(RequestStatus.Whistled, HandlingLevel.Street);
    const lead = { performers: ['liaison'] as const, assignment: { state: AssignmentState.Reported, role: WhistleRole.Lead } };
    const assist = { performers: ['liaison'] as const, assignment: { state: AssignmentState.Notified, role: WhistleRole.Assist } };
    expect(authorisedActions(whistled, lead)).toEqual([A.AddProgress, A.Resolve, A.ReturnWhistle]);
    expect(authorisedActions(whistled, assist)).toEqual([A.Report, A.ReturnAssist]);
  });

  it('gives the supervisor and the system no buttons (their actions are not offered on the page)', () => {
    expect(authorisedActions(at(RequestStatus.InProgress), { performers: ['supervisor'] })).toEqual([]);
    expect(isAuthorised(A.DecideExtension, at(RequestStatus.InProgress), { performers: ['supervisor'] })).toBe(true);
    expect(authorisedActions(at(RequestStatus.Resolved), { performers: ['system'] })).toEqual([]);
  });

  it('records a lead\'s return as 部门退回 and an assisting department\'s as 协办退回', () => {
    expect(requestActionOf(AssignmentAction.Return, WhistleRole.Lead)).toBe(A.ReturnWhistle);
    expect(requestActionOf(AssignmentAction.Return, WhistleRole.Assist)).toBe(A.ReturnAssist);
  });
});
