import type { AssignmentState, HandlingLevel, RequestStatus, Role, WhistleRole } from '@gezhi/shared';

/** The signed-in user as the request rules see them (the User entity satisfies it). */
export interface Viewer {
  id: number;
  role: Role;
  gridId: number | null;
  communityId: number | null;
  streetId: number | null;
  /** a liaison's department */
  departmentId?: number | null;
}

/** One department's part in a whistle of the request, as access and transition rules see it. */
export interface AssignmentFacts {
  departmentId: number;
  role: WhistleRole;
  state: AssignmentState;
}

/** The facts about a request that access and transition rules depend on. */
export interface RequestFacts {
  status: RequestStatus;
  level: HandlingLevel;
  residentUserId: number | null;
  gridId: number;
  communityId: number;
  streetId: number;
  /** the request's whistle assignments (every round); needed to recognise liaisons, absent otherwise */
  assignments?: readonly AssignmentFacts[];
  /** the street's setting, needed to decide whether a community officer may whistle */
  communityMayWhistle?: boolean;
}
