import {
  AssignmentAction,
  AssignmentState,
  assignmentActions,
  DEPARTMENT_KIND_LABELS,
  DepartmentKind,
  nextAssignmentState,
  WhistleRole,
} from './whistle';

const { Lead, Assist } = WhistleRole;

describe('whistle assignment rules', () => {
  it('moves a notified department to reported when it reports in', () => {
    expect(nextAssignmentState(AssignmentState.Notified, AssignmentAction.Report, Assist)).toBe(AssignmentState.Reported);
  });

  it('refuses a second report', () => {
    expect(nextAssignmentState(AssignmentState.Reported, AssignmentAction.Report, Lead)).toBeUndefined();
  });

  it('requires reporting in before progress or resolving', () => {
    expect(nextAssignmentState(AssignmentState.Notified, AssignmentAction.Progress, Assist)).toBeUndefined();
    expect(nextAssignmentState(AssignmentState.Notified, AssignmentAction.Resolve, Lead)).toBeUndefined();
    expect(nextAssignmentState(AssignmentState.Reported, AssignmentAction.Progress, Assist)).toBe(AssignmentState.Reported);
  });

  it('lets only the lead resolve', () => {
    expect(nextAssignmentState(AssignmentState.Reported, AssignmentAction.Resolve, Lead)).toBe(AssignmentState.Done);
    expect(nextAssignmentState(AssignmentState.Reported, AssignmentAction.Resolve, Assist)).toBeUndefined();
  });

  it('lets a department return before or after reporting, never after it finished', () => {
    expect(nextAssignmentState(AssignmentState.Notified, AssignmentAction.Return, Lead)).toBe(AssignmentState.Returned);
    expect(nextAssignmentState(AssignmentState.Reported, AssignmentAction.Return, Assist)).toBe(AssignmentState.Returned);
    for (const state of [AssignmentState.Returned, AssignmentState.Done, AssignmentState.Recalled]) {
      for (const action of Object.values(AssignmentAction)) expect(nextAssignmentState(state, action, Lead)).toBeUndefined();
    }
  });

  it('offers the buttons of each stage', () => {
    expect(assignmentActions(AssignmentState.Notified, Lead)).toEqual([AssignmentAction.Report, AssignmentAction.Return]);
    expect(assignmentActions(AssignmentState.Reported, Lead)).toEqual([
      AssignmentAction.Progress,
      AssignmentAction.Return,
      AssignmentAction.Resolve,
    ]);
    expect(assignmentActions(AssignmentState.Reported, Assist)).toEqual([AssignmentAction.Progress, AssignmentAction.Return]);
  });

  it('labels every department kind in Chinese', () => {
    for (const kind of Object.values(DepartmentKind)) expect(DEPARTMENT_KIND_LABELS[kind]).toMatch(/[\u4e00-\u9fa5]/);
  });
});
