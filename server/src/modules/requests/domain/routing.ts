import { HandlingLevel, INITIAL_STATUS, RequestStatus } from '@gezhi/shared';
import type { RoomPlacement } from '../../geo/room-placement';

export interface RoutingDecision {
  gridId: number;
  communityId: number;
  streetId: number;
  level: HandlingLevel;
  status: RequestStatus;
  /** the grid leader who must accept it; null when the grid has no leader yet (the community sees it) */
  holderUserId: number | null;
}

/**
 * 小事不出网格: every new request goes first to the grid leader of the room's building's grid. The filing passes
 * the leader from LevelHolders (the one "who holds level X"); without it the placement's leader is taken.
 */
export function routeNewRequest(place: RoomPlacement, gridLeaderUserId: number | null = place.gridLeaderUserId): RoutingDecision {
  return {
    gridId: place.gridId,
    communityId: place.communityId,
    streetId: place.streetId,
    level: HandlingLevel.Grid,
    status: INITIAL_STATUS,
    holderUserId: gridLeaderUserId,
  };
}
