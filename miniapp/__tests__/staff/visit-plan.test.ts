import { BookingStatus, ErrorCode, ServiceKind, VisitAction, type ProviderVisitView } from '@gezhi/shared';
import { ApiError, ClientErrorCode } from '../../src/api/client';
import { groupVisitsByDay, isLocalDate, planQuery, staleVisitMessage, waitsForVisitDay } from '../../src/subpackages/staff/visits/plan';

const visit = (bookingId: number, startsAt: string): ProviderVisitView => ({
  bookingId,
  status: BookingStatus.Booked,
  statusLabel: '已预约',
  service: { id: 1, name: '上门理发', kind: ServiceKind.DoorToDoor, kindLabel: '上门服务', components: [], requiredDocuments: [] },
  startsAt,
  endsAt: startsAt,
  address: null,
  residentName: '程*英',
  residentPhoneMasked: null,
  note: null,
  providerNote: null,
  completionPhotos: [],
  rating: null,
  availableActions: [],
  custody: [],
  nextCustodyStep: null,
});

describe('day plan rules', () => {
  it('accepts only dates that exist', () => {
    expect(isLocalDate('2026-12-09')).toBe(true);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-13-01')).toBe(false);
    expect(isLocalDate('2026-12-9')).toBe(false);
    expect(isLocalDate(undefined)).toBe(false);
  });

  it("leaves today to the server's clock and sends a picked day", () => {
    expect(planQuery('today', '2026-12-09')).toEqual({ days: 1 });
    expect(planQuery('week', '2026-12-09')).toEqual({ days: 7 });
    expect(planQuery('day', '2026-12-09')).toEqual({ day: '2026-12-09', days: 1 });
  });

  it('groups by the Shanghai day, earliest first, equal times by booking', () => {
    const days = groupVisitsByDay(
      [
        visit(3, '2026-12-10T01:00:00.000Z'),
        visit(2, '2026-12-09T16:30:00.000Z'), // 00:30 on the 10th in Shanghai
        visit(5, '2026-12-09T02:00:00.000Z'),
        visit(4, '2026-12-09T02:00:00.000Z'),
      ],
      new Date('2026-12-09T04:00:00.000Z'),
    );
    expect(days.map((d) => d.date)).toEqual(['2026-12-09', '2026-12-10']);
    expect(days.map((d) => d.visits.map((v) => v.bookingId))).toEqual([[4, 5], [2, 3]]);
    expect(days[0].label).toBe('今天 12月9日 周三');
    expect(days[1].label).toBe('明天 12月10日 周四');
  });

  it('explains lost races and leaves other errors to the form', () => {
    expect(staleVisitMessage(new ApiError(ErrorCode.IllegalTransition, 409))).toContain('已刷新为最新状态');
    expect(staleVisitMessage(new ApiError(ErrorCode.ConcurrentModification, 409))).toContain('刚被更新过');
    expect(staleVisitMessage(new ApiError(ErrorCode.VisitDayNotReached, 409))).toContain('预约日当天');
    expect(staleVisitMessage(new ApiError(ErrorCode.ValidationFailed, 400))).toBeNull();
    expect(staleVisitMessage(new ApiError(ClientErrorCode.Network, 0))).toBeNull();
    expect(staleVisitMessage(new Error('boom'))).toBeNull();
  });
});

describe('waiting for the visit day', () => {
  it('says 已到达 / 完成服务 wait when the status allows them but the server left them out', () => {
    expect(waitsForVisitDay({ status: BookingStatus.Booked, availableActions: [VisitAction.Confirm] })).toBe(true);
    expect(waitsForVisitDay({ status: BookingStatus.Confirmed, availableActions: [] })).toBe(true);
    expect(waitsForVisitDay({ status: BookingStatus.Confirmed, availableActions: [VisitAction.Arrive, VisitAction.Complete] })).toBe(false);
    expect(waitsForVisitDay({ status: BookingStatus.Arrived, availableActions: [VisitAction.Complete] })).toBe(false);
    expect(waitsForVisitDay({ status: BookingStatus.Completed, availableActions: [] })).toBe(false);
    expect(waitsForVisitDay({ status: BookingStatus.Cancelled, availableActions: [] })).toBe(false);
  });
});
