import { AssignmentState, assignmentActions, DeadlineKind, DeadlineUnitType, Supervision, supervisionOf, WhistleAssignmentView } from '@gezhi/shared';
import type { RequestDeadlineEntity } from '../deadlines/deadline.entities';
import type { WhistleAssignmentEntity } from './whistle-assignment.entity';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** The facts of a clock the assignment view needs (any clocks of the request(s); non-REPORT ones are ignored). */
export type ReportClock = Pick<RequestDeadlineEntity, 'requestId' | 'kind' | 'unitType' | 'unitId' | 'state'>;

/** 督办 of the department's REPORT clock while it still owes the report (NOTIFIED); NONE otherwise. */
export function reportSupervisionOf(a: Pick<WhistleAssignmentEntity, 'requestId' | 'departmentId' | 'state'>, clocks: readonly ReportClock[]): Supervision {
  if (a.state !== AssignmentState.Notified) return 'NONE';
  return supervisionOf(
    clocks
      .filter((c) => c.requestId === a.requestId && c.kind === DeadlineKind.Report && c.unitType === DeadlineUnitType.Department && c.unitId === a.departmentId)
      .map((c) => c.state),
  );
}

export function assignmentView(a: WhistleAssignmentEntity, departmentName: string, clocks: readonly ReportClock[] = []): WhistleAssignmentView {
  return {
    id: a.id,
    requestId: a.requestId,
    round: a.round,
    departmentId: a.departmentId,
    departmentName,
    role: a.role,
    state: a.state,
    note: a.note,
    plan: a.plan,
    returnedReason: a.returnedReason,
    notifiedAt: a.notifiedAt.toISOString(),
    reportedAt: iso(a.reportedAt),
    finishedAt: iso(a.finishedAt),
    reportDueAt: iso(a.reportDueAt),
    reportSupervision: reportSupervisionOf(a, clocks),
    availableActions: assignmentActions(a.state, a.role),
    version: a.version,
  };
}
