import { durationLabel, timeTaken } from './time-taken';

describe('time taken', () => {
  it.each([
    [0, '不足1分钟'],
    [1, '1分钟'],
    [45, '45分钟'],
    [60, '1小时'],
    [80, '1小时20分钟'],
    [24 * 60, '1天'],
    [2 * 24 * 60 + 3 * 60 + 59, '2天3小时'],
    [40 * 24 * 60 + 30, '40天'],
  ])('labels %i minutes as %s (at most two units, rounded down)', (minutes, label) => {
    expect(durationLabel(minutes)).toBe(label);
  });

  it('counts whole minutes from filing to resolution', () => {
    const filed = new Date('2026-11-01T08:00:00Z');
    expect(timeTaken(filed, new Date('2026-11-02T09:30:59Z'))).toEqual({ minutes: 25 * 60 + 30, label: '1天1小时' });
  });

  it('never goes negative when the clocks disagree', () => {
    expect(timeTaken(new Date('2026-11-02T00:00:00Z'), new Date('2026-11-01T00:00:00Z'))).toEqual({ minutes: 0, label: '不足1分钟' });
  });
});
