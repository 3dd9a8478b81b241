import { ACTIVE_ASSIGNMENT_STATES, type RequestDetail, type WhistleAssignmentView } from '@gezhi/shared';

/** My department's part in this item: the assignment named in the route, else its latest active one. */
export function myAssignment(request: RequestDetail, departmentId: number | undefined, assignmentId: number): WhistleAssignmentView | null {
  const all = request.whistle ?? [];
  const named = all.find((a) => a.id === assignmentId);
  if (named) return named;
  const mine = all.filter((a) => a.departmentId === departmentId).sort((a, b) => b.round - a.round);
  return mine.find((a) => ACTIVE_ASSIGNMENT_STATES.includes(a.state)) ?? mine[0] ?? null;
}

