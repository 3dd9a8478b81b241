import { CustodyStep, NotificationKind, VisitAction } from '@gezhi/shared';
import {
  bookedNoticeForProvider,
  bookedNoticeForResident,
  cancelledNoticeForProvider,
  custodyNoticeForResident,
  visitNoticeForResident,
  visitTime,
} from './booking-notices';

// 2026-12-09 08:30 in Shanghai
const haircut = { id: 42, serviceName: '三九便民日·理发', slotStartsAt: new Date('2026-12-09T00:30:00.000Z') };

describe('booking notices', () => {
  it('names the service and the local time of the visit', () => {
    expect(visitTime(haircut.slotStartsAt)).toBe('12月9日 08:30');
    expect(visitTime(new Date('2026-12-31T16:30:00.000Z'))).toBe('1月1日 00:30');
  });

  it('confirms a booking to the resident and announces it to the provider, linked to the booking', () => {
    expect(bookedNoticeForResident(7, haircut)).toEqual({
      userId: 7,
      kind: NotificationKind.BookingConfirmed,
      title: '预约成功',
      body: '三九便民日·理发 · 12月9日 08:30。可在「我的预约」查看或取消',
      requestId: null,
      bookingId: 42,
    });
    expect(bookedNoticeForProvider(3, haircut, '张*')).toMatchObject({ userId: 3, kind: NotificationKind.VisitBooked, title: '有新的服务预约', bookingId: 42 });
    expect(bookedNoticeForProvider(3, haircut, '张*').body).toContain('张*已预约');
    expect(cancelledNoticeForProvider(3, haircut, '张*')).toMatchObject({ kind: NotificationKind.VisitCancelled, title: '居民取消了预约' });
  });

  it("tells the resident each step of the visit, asking for a rating once it is completed", () => {
    const titles = Object.values(VisitAction).map((action) => visitNoticeForResident(7, haircut, action).title);
    expect(titles).toEqual(['服务人员已确认您的预约', '服务人员已到达', '服务已完成，请评价', '您的预约被标记为未到场']);
    const done = visitNoticeForResident(7, haircut, VisitAction.Complete, '已理发');
    expect(done).toMatchObject({ kind: NotificationKind.BookingUpdated, bookingId: 42 });
    expect(done.body).toBe('三九便民日·理发 · 12月9日 08:30。已理发。请在「我的预约」中评价');
  });

  it('tells the resident where their documents are in a proxy errand', () => {
    expect(custodyNoticeForResident(7, haircut, CustodyStep.DocumentsReceived, { documents: ['身份证', '社保卡'] }).body).toContain('已收取材料：身份证、社保卡');
    expect(custodyNoticeForResident(7, haircut, CustodyStep.Submitted, { office: '区社保中心' })).toMatchObject({ title: '代办材料已递交办理' });
    expect(custodyNoticeForResident(7, haircut, CustodyStep.Submitted, { office: '区社保中心' }).body).toContain('已递交至区社保中心');
    expect(custodyNoticeForResident(7, haircut, CustodyStep.Returned, {}).title).toBe('代办材料已归还');
  });

  it('keeps the body within the inbox limit of 200 characters', () => {
    const long = visitNoticeForResident(7, haircut, VisitAction.Complete, '很'.repeat(500));
    expect([...long.body]).toHaveLength(200);
  });
});
