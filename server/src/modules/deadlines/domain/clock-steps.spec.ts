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
  });
});
