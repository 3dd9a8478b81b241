import { DeadlineKind, RequestAction, RequestStatus } from '@gezhi/shared';
import { clockStepsFor } from './clock-steps';

describe('clockStepsFor', () => {
  it('meets ACCEPT and starts the first-response clock on 签收', () => {
    expect(clockStepsFor(RequestAction.Accept, RequestStatus.InProgress)).toEqual({ meet: [DeadlineKind.Accept], open: [DeadlineKind.FirstResponse], cancelAll: false });
  });

  it('meets the first response with a progress note and everything owed on 办结', () => {
    expect(clockStepsFor(RequestAction.AddProgress, RequestStatus.InProgress).meet).toEqual([DeadlineKind.FirstResponse]);
    expect(clockStepsFor(RequestAction.Resolve, RequestStatus.Resolved).meet).toEqual([DeadlineKind.Accept, DeadlineKind.FirstResponse, DeadlineKind.Resolve]);
  });

  it('cancels every clock on reject and withdrawal', () => {
    expect(clockStepsFor(RequestAction.Reject, RequestStatus.Rejected).cancelAll).toBe(true);
    expect(clockStepsFor(RequestAction.Cancel, RequestStatus.Cancelled).cancelAll).toBe(true);
  });

  it('starts a new resolve clock only when a rating reopens the item', () => {
    expect(clockStepsFor(RequestAction.Rate, RequestStatus.InProgress).open).toEqual([DeadlineKind.Resolve]);
    expect(clockStepsFor(RequestAction.Rate, RequestStatus.Closed).open).toEqual([]);
    // 电话回访评价 with a low effect reopens like a self rating (a new RESOLVE clock); closing it opens nothing
    expect(clockStepsFor(RequestAction.ReturnVisitRate, RequestStatus.InProgress).open).toEqual([DeadlineKind.Resolve]);
    expect(clockStepsFor(RequestAction.ReturnVisitRate, RequestStatus.Closed).open).toEqual([]);
    expect(clockStepsFor(RequestAction.CloseUnrated, RequestStatus.Closed)).toEqual({ meet: [], open: [], cancelAll: false });
  });

  it('meets the street\'s ACCEPT and FIRST_RESPONSE when it whistles, keeping its RESOLVE clock running', () => {
    expect(clockStepsFor(RequestAction.Whistle, RequestStatus.Whistled)).toEqual({
      meet: [DeadlineKind.Accept, DeadlineKind.FirstResponse],
      open: [],
      cancelAll: false,
    });
    // the lead department's resolve is a RESOLVE from WHISTLED: it meets what the street owed
    expect(clockStepsFor(RequestAction.Resolve, RequestStatus.Resolved).meet).toContain(DeadlineKind.Resolve);
  });

  it('starts a new resolve clock when a poor rating sends a whistled item back to its lead department', () => {
    expect(clockStepsFor(RequestAction.Rate, RequestStatus.Whistled).open).toEqual([DeadlineKind.Resolve]);
  });

  it('leaves the clocks alone for departments\' steps that keep the status and for extensions', () => {
    for (const action of [RequestAction.Report, RequestAction.ReturnAssist, RequestAction.ReturnWhistle, RequestAction.RequestExtension, RequestAction.DecideExtension]) {
      expect(clockStepsFor(action, RequestStatus.Whistled)).toEqual({ meet: [], open: [], cancelAll: false });
    }
  });
});
