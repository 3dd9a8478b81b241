import { assignmentActions, WhistleAssignmentView } from '@gezhi/shared';
import type { WhistleAssignmentEntity } from './whistle-assignment.entity';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function assignmentView(a: WhistleAssignmentEntity, departmentName: string): WhistleAssignmentView {
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
    availableActions: assignmentActions(a.state, a.role),
    version: a.version,
  };
}
