import {
  FieldErrorCode,
  monthEndOf as monthEnd,
  shanghaiDayOf as localDay,
  shanghaiDayStart as dayStart,
  weekStartOf as weekStart,
} from '@gezhi/shared';
import { bucketPlan, outcomePlan, resolvePeriod, trailingWeeks, weeksOf } from './period';

describe('local dates in Asia/Shanghai', () => {
  it('turn the day at 16:00 UTC', () => {
    expect(localDay(new Date('2026-10-31T15:59:59Z'))).toBe('2026-10-31');
    expect(localDay(new Date('2026-10-31T16:00:00Z'))).toBe('2026-11-01');
    expect(dayStart('2026-11-01').toISOString()).toBe('2026-10-31T16:00:00.000Z');
  });

  it('start weeks on Monday and know month ends, leap years included', () => {
    expect(weekStart('2026-11-22')).toBe('2026-11-16'); // a Sunday
    expect(weekStart('2026-11-16')).toBe('2026-11-16');
    expect(monthEnd('2028-02-10')).toBe('2028-02-29');
    expect(monthEnd('2026-12-01')).toBe('2026-12-31');
  });
});

describe('the period of a query', () => {
  const today = '2026-11-20';

  it('is a month, a from–to range, or by default the current month', () => {
    expect(resolvePeriod({ month: '2026-10' }, today)).toEqual({ period: { from: '2026-10-01', to: '2026-10-31', label: '2026年10月', days: 31 } });
    expect(resolvePeriod({ from: '2026-11-03', to: '2026-11-09' }, today)).toEqual({
      period: { from: '2026-11-03', to: '2026-11-09', label: '2026-11-03 至 2026-11-09', days: 7 },
    });
    expect(resolvePeriod({}, today)).toMatchObject({ period: { from: '2026-11-01', to: '2026-11-30' } });
  });

  it('refuses mixed, partial, unreal, reversed and overlong periods with field codes', () => {
    expect(resolvePeriod({ month: '2026-10', from: '2026-10-01' }, today)).toEqual({ errors: { from: FieldErrorCode.UnknownField } });
    expect(resolvePeriod({ month: '2026-13' }, today)).toEqual({ errors: { month: FieldErrorCode.InvalidFormat } });
    expect(resolvePeriod({ from: '2026-11-01' }, today)).toEqual({ errors: { to: FieldErrorCode.Required } });
    expect(resolvePeriod({ from: '2026-02-30', to: '2026-03-01' }, today)).toEqual({ errors: { from: FieldErrorCode.InvalidFormat } });
    expect(resolvePeriod({ from: '2026-11-09', to: '2026-11-03' }, today)).toEqual({ errors: { to: FieldErrorCode.OutOfRange } });
    expect(resolvePeriod({ from: '2025-01-01', to: '2026-01-02' }, today)).toEqual({ errors: { to: FieldErrorCode.OutOfRange } });
  });
});

describe('adding up a period from the roll-ups', () => {
  const today = '2026-11-20';

  it('takes whole months from month buckets, whole weeks of the rest from week buckets, the edges from day buckets', () => {
    expect(bucketPlan({ from: '2026-08-15', to: '2026-10-31' }, today)).toEqual([
      { grain: 'D', from: '2026-08-15', to: '2026-08-16' },
      { grain: 'W', from: '2026-08-17', to: '2026-08-24' },
      { grain: 'D', from: '2026-08-31', to: '2026-08-31' },
      { grain: 'M', from: '2026-09-01', to: '2026-10-01' },
    ]);
    expect(bucketPlan({ from: '2026-09-01', to: '2026-10-10' }, today)).toEqual([
      { grain: 'M', from: '2026-09-01', to: '2026-09-01' },
      { grain: 'D', from: '2026-10-01', to: '2026-10-10' },
    ]);
    expect(bucketPlan({ from: '2026-10-05', to: '2026-10-11' }, today)).toEqual([{ grain: 'W', from: '2026-10-05', to: '2026-10-05' }]);
    expect(bucketPlan({ from: '2026-10-06', to: '2026-10-10' }, today)).toEqual([{ grain: 'D', from: '2026-10-06', to: '2026-10-10' }]);
  });

  it('treats the current month up to today as whole (nothing later has happened)', () => {
    expect(bucketPlan({ from: '2026-11-01', to: '2026-11-20' }, today)).toEqual([{ grain: 'M', from: '2026-11-01', to: '2026-11-01' }]);
  });

  it('counts 办结率 by month only when the period ends with a month; otherwise by day up to its last day', () => {
    expect(outcomePlan({ from: '2026-09-01', to: '2026-10-31' }, today)).toEqual([
      { grain: 'M', receivedFrom: '2026-09-01', receivedTo: '2026-10-01', outcomeTo: '2026-10-01' },
    ]);
    expect(outcomePlan({ from: '2026-09-01', to: '2026-10-10' }, today)).toEqual([
      { grain: 'D', receivedFrom: '2026-09-01', receivedTo: '2026-10-10', outcomeTo: '2026-10-10' },
    ]);
  });

  it('cuts a period into Monday–Sunday weeks, and defaults the trend to the last weeks up to this one', () => {
    expect(weeksOf({ from: '2026-11-04', to: '2026-11-17' })).toEqual([
      { weekStart: '2026-11-02', weekEnd: '2026-11-08' },
      { weekStart: '2026-11-09', weekEnd: '2026-11-15' },
      { weekStart: '2026-11-16', weekEnd: '2026-11-22' },
    ]);
    expect(trailingWeeks('2026-11-20', 2)).toEqual({ from: '2026-11-09', to: '2026-11-22' });
  });
});
