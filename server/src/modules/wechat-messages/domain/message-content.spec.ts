import { NotificationKind, Role } from '@gezhi/shared';
import { chinaTime, messagePage, templateData, templatePurposeOf } from './message-content';

describe('WeChat message content', () => {
  it("uses REQUEST_UPDATE for a resident's own request and NEW_ASSIGNMENT for new work, also for kinds added later", () => {
    expect(templatePurposeOf(NotificationKind.RequestAccepted)).toBe('REQUEST_UPDATE');
    expect(templatePurposeOf(NotificationKind.RequestResolved)).toBe('REQUEST_UPDATE');
    expect(templatePurposeOf(NotificationKind.RequestRouted)).toBe('NEW_ASSIGNMENT');
    expect(templatePurposeOf(NotificationKind.RequestReopened)).toBe('NEW_ASSIGNMENT');
    expect(templatePurposeOf('SOMETHING_NEW' as NotificationKind)).toBe('NEW_ASSIGNMENT');
    expect(templatePurposeOf(NotificationKind.RequestRated)).toBeNull();
  });

  it('keeps booking notices in the in-app inbox (no WeChat template for bookings yet)', () => {
    for (const kind of [NotificationKind.BookingConfirmed, NotificationKind.BookingUpdated, NotificationKind.VisitBooked, NotificationKind.VisitCancelled]) {
      expect(templatePurposeOf(kind)).toBeNull();
    }
  });

  it('opens the request in the resident pages or the staff subpackage', () => {
    expect(messagePage('REQUEST_UPDATE', 12)).toBe('pages/request-detail/index?id=12');
    expect(messagePage('NEW_ASSIGNMENT', 12)).toBe('subpackages/staff/pages/request-detail/index?id=12');
    expect(messagePage('NEW_ASSIGNMENT', null)).toBe('pages/messages/index');
  });

  it("opens a liaison's notice on the liaison item page (shared pageOf, the page the 消息 list opens too)", () => {
    expect(messagePage('NEW_ASSIGNMENT', 12, Role.Liaison)).toBe('subpackages/liaison/pages/request-detail/index?id=12');
  });

  it("fills the configured keywords and keeps each within WeChat's length limit", () => {
    const data = templateData(
      { templateId: 't', fields: { character_string1: 'serial', thing2: 'title', thing3: 'body', time4: 'time', phrase5: 'title' } },
      { userId: 1, kind: NotificationKind.RequestRouted, title: '新诉求待签收', body: 'GZ00000012 基础设施维修·漏水：卫生间吊顶渗水，怀疑是楼上防水层坏了', requestId: 12 },
      'GZ00000012',
      new Date('2026-11-20T09:05:00Z'),
    );
    expect(data).toEqual({
      character_string1: { value: 'GZ00000012' },
      thing2: { value: '新诉求待签收' },
      thing3: { value: 'GZ00000012 基础设施维修·漏…' },
      time4: { value: '2026-11-20 17:05' },
      phrase5: { value: '新诉求待…' },
    });
    expect([...data.thing3.value]).toHaveLength(20);
  });

  it('writes times in China time', () => {
    expect(chinaTime(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01 00:30');
  });
});
