import type { HandlingLevel, RequestStatus, Role } from '@gezhi/shared';

/** The signed-in user as the request rules see them (the User entity satisfies it). */
export interface Viewer {
  id: number;
  role: Role;
  gridId: number | null;
  communityId: number | null;
  streetId: number | null;
}

/** The facts about a request that access and transition rules depend on. */
export interface RequestFacts {
  status: RequestStatus;
  level: HandlingLevel;
  residentUserId: number | null;
  gridId: number;
  communityId: number;
  streetId: number;
}
