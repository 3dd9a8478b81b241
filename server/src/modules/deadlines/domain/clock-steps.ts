import { DeadlineKind, RequestAction, RequestStatus } from '@gezhi/shared';

/** What a request's state change does to its clocks. */
export interface ClockSteps {
  /** these steps are done: their running clocks are MET */
  meet: DeadlineKind[];
  /** these clocks start now at the request's level */
  open: DeadlineKind[];
  /** nothing is due any more (rejected, withdrawn) */
  cancelAll: boolean;
}

const NONE: ClockSteps = { meet: [], open: [], cancelAll: false };

/**
 * The clock rules of the lifecycle (escalation and the whistle chain open and close their own clocks):
 * 签收 meets ACCEPT and starts the first-response clock; a progress note meets it; 办结 meets everything the
 * holder owed; 驳回/撤回 cancel all; a reopened item (重办) gets a new RESOLVE clock. Pure.
 */
export function clockStepsFor(action: RequestAction, to: RequestStatus): ClockSteps {
  switch (action) {
    case RequestAction.Accept:
      return { meet: [DeadlineKind.Accept], open: [DeadlineKind.FirstResponse], cancelAll: false };
    case RequestAction.AddProgress:
      return { ...NONE, meet: [DeadlineKind.FirstResponse] };
    case RequestAction.Resolve:
      return { ...NONE, meet: [DeadlineKind.Accept, DeadlineKind.FirstResponse, DeadlineKind.Resolve] };
    case RequestAction.Reject:
    case RequestAction.Cancel:
      return { ...NONE, cancelAll: true };
    case RequestAction.Rate:
    case RequestAction.Reopen:
      return to === RequestStatus.InProgress ? { ...NONE, open: [DeadlineKind.Resolve] } : NONE;
    default:
      return NONE;
  }
}
