/** Where a room sits in the hierarchy, with the grid leader who receives its requests. Plain data. */
export interface RoomPlacement {
  roomId: number;
  unitName: string;
  roomNumber: string;
  buildingId: number;
  buildingName: string;
  gridId: number;
  gridName: string;
  gridLeaderUserId: number | null;
  gridLeaderName: string | null;
  gridLeaderPhone: string | null;
  communityId: number;
  communityName: string;
  streetId: number;
  streetName: string;
}

/** e.g. "团结街道 明日星城社区 3号楼 2单元 501" */
export function formatAddress(place: RoomPlacement): string {
  return `${place.streetName} ${place.communityName} ${place.buildingName} ${place.unitName} ${place.roomNumber}`;
}
