import { HandlingLevel, RequestStatus } from '@gezhi/shared';
import { formatAddress, RoomPlacement } from '../../geo/room-placement';
import { routeNewRequest } from './routing';

function placement(overrides: Partial<RoomPlacement> = {}): RoomPlacement {
  return {
    roomId: 41,
    unitName: '2单元',
    roomNumber: '501',
    buildingId: 3,
    buildingName: '3号楼',
    gridId: 2,
    gridName: '第二网格',
    gridLeaderUserId: 7,
    gridLeaderName: '王海燕',
    gridLeaderPhone: '13800000002',
    communityId: 1,
    communityName: '明日星城社区',
    streetId: 1,
    streetName: '团结街道',
    ...overrides,
  };
}

describe('routeNewRequest', () => {
  it("sends a new request to the leader of the building's grid, waiting for acceptance at grid level", () => {
    expect(routeNewRequest(placement())).toEqual({
      gridId: 2,
      communityId: 1,
      streetId: 1,
      level: HandlingLevel.Grid,
      status: RequestStatus.PendingAccept,
      holderUserId: 7,
    });
  });

  it('still routes to the grid when the grid has no leader, with nobody holding it yet', () => {
    expect(routeNewRequest(placement({ gridLeaderUserId: null })).holderUserId).toBeNull();
  });
});

describe('formatAddress', () => {
  it('reads from the street down to the room', () => {
    expect(formatAddress(placement())).toBe('团结街道 明日星城社区 3号楼 2单元 501');
  });
});
