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
 * holder owed (also when the lead department resolves a whistled item); 驳回/撤回 cancel all; 吹哨 meets ACCEPT and
 * FIRST_RESPONSE (RESOLVE keeps running); a reopened item (重办, also back to the lead department) gets a new
 * RESOLVE clock. Departments' REPORT clocks are opened and closed per department by the whistle chain. Pure.
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
    case RequestAction.Whistle:
      // 吹哨 is the street's response: it accepted and answered; its RESOLVE clock keeps running (the street stays
      // accountable while departments work), and the lead department's resolve meets it
      return { ...NONE, meet: [DeadlineKind.Accept, DeadlineKind.FirstResponse] };
    case RequestAction.Rate:
    case RequestAction.ReturnVisitRate:
    case RequestAction.Reopen:
    case RequestAction.ReopenToDepartment:
      // 重办: a new RESOLVE clock at the current level, whether the item goes back to the holder or to the lead department
      return to === RequestStatus.InProgress || to === RequestStatus.Whistled ? { ...NONE, open: [DeadlineKind.Resolve] } : NONE;
    default:
      return NONE;
  }
}
