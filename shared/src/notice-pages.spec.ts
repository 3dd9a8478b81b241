import { NotificationKind } from './enums';
import { pageOf } from './notice-pages';
import { Role } from './roles';

describe('pageOf: where a tap on a notice goes', () => {
  const request = (kind: NotificationKind) => ({ kind, requestId: 12, bookingId: null });

  it('opens the liaison item page for a liaison (a whistled item is worked there, not on the staff or resident page)', () => {
    expect(pageOf(Role.Liaison, request(NotificationKind.WhistleAssigned))).toBe('subpackages/liaison/pages/request-detail/index?id=12');
    expect(pageOf(Role.Liaison, request(NotificationKind.WhistleReopened))).toBe('subpackages/liaison/pages/request-detail/index?id=12');
    expect(pageOf(Role.Liaison, request(NotificationKind.DeadlineMissed))).toBe('subpackages/liaison/pages/request-detail/index?id=12');
  });

  it('opens the staff item page for staff and the own request for a resident', () => {
    for (const role of [Role.GridLeader, Role.CommunityOfficer, Role.StreetOfficer]) {
      expect(pageOf(role, request(NotificationKind.RequestRouted))).toBe('subpackages/staff/pages/request-detail/index?id=12');
    }
    expect(pageOf(Role.Resident, request(NotificationKind.RequestResolved))).toBe('pages/request-detail/index?id=12');
  });

  it('opens the booking for a resident and the visit for the provider; the 消息 list when there is nothing to open', () => {
    expect(pageOf(Role.Resident, { requestId: null, bookingId: 5 })).toBe('subpackages/services/pages/booking/index?id=5');
    expect(pageOf(Role.GridLeader, { requestId: null, bookingId: 5 })).toBe('subpackages/staff/pages/visit/index?id=5');
    expect(pageOf(Role.StreetOfficer, { requestId: null })).toBe('pages/messages/index');
  });
});
