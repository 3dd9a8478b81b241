import { addDays, RecurrenceKind, shanghaiDayOf as shanghaiDate, shanghaiTimeOf as shanghaiTime } from '@gezhi/shared';
import {
  describeMonthDays,
  describeRecurrence,
  describeSlotTime,
  describeValidity,
  describeWeekdays,
  shanghaiInstant,
} from '../../src/utils/service-schedule';

describe('describeRecurrence', () => {
  it('reads the "三九" service day as days of the month with the window, capacity and holidays', () => {
    expect(
      describeRecurrence({
        kind: RecurrenceKind.Monthly,
        monthDays: [29, 9, 19],
        startTime: '08:30',
        endTime: '11:30',
        capacity: 20,
        skipHolidays: true,
      }),
    ).toBe('每月 9、19、29 日 08:30–11:30，每场 20 人，节假日不开放');
  });

  it('reads weekday evenings as a range and leaves out the holiday clause when holidays are kept', () => {
    expect(
      describeRecurrence({
        kind: RecurrenceKind.Weekly,
        weekdays: [1, 2, 3, 4, 5],
        startTime: '18:30',
        endTime: '20:30',
        capacity: 10,
        skipHolidays: false,
      }),
    ).toBe('每周一至五 18:30–20:30，每场 10 人');
  });

  it('ignores the other kind\'s days', () => {
    expect(
      describeRecurrence({ kind: RecurrenceKind.Weekly, weekdays: [6], monthDays: [9], startTime: '09:00', endTime: '11:00', capacity: 3, skipHolidays: false }),
    ).toBe('每周六 09:00–11:00，每场 3 人');
  });
});

describe('weekday and month-day lists', () => {
  it.each([
    [[1, 2, 3, 4, 5], '每周一至五'],
    [[6, 7], '每周六、日'],
    [[1, 3, 5], '每周一、三、五'],
    [[3], '每周三'],
    [[1, 2, 3, 4, 5, 6, 7], '每天'],
    [[7, 1, 2, 3, 6], '每周一至三、六、日'],
  ])('weekdays %j read %s', (weekdays, text) => {
    expect(describeWeekdays(weekdays)).toBe(text);
  });

  it.each([
    [[9, 19, 29], '每月 9、19、29 日'],
    [[1, 2, 3, 4, 5, 15], '每月 1–5、15 日'],
    [[30, 31], '每月 30、31 日'],
    [[19, 9, 9], '每月 9、19 日'],
  ])('month days %j read %s', (days, text) => {
    expect(describeMonthDays(days)).toBe(text);
  });
});

describe('describeValidity', () => {
  it('names the period, an open end, or none', () => {
    expect(describeValidity({ validFrom: '2026-12-01', validUntil: '2027-06-30' })).toBe('2026-12-01 至 2027-06-30 有效');
    expect(describeValidity({ validFrom: '2026-12-01', validUntil: null })).toBe('2026-12-01 起长期有效');
    expect(describeValidity({})).toBe('长期有效');
  });
});

describe('Asia/Shanghai times', () => {
  it('turns a local date and time into the instant, whatever the device zone', () => {
    expect(shanghaiInstant('2026-12-09', '08:30')).toBe('2026-12-09T00:30:00.000Z');
    expect(shanghaiInstant('2026-12-09', '07:00')).toBe('2026-12-08T23:00:00.000Z');
  });

  it('refuses malformed or impossible dates and times', () => {
    expect(shanghaiInstant('2026-02-30', '08:30')).toBeNull();
    expect(shanghaiInstant('2026-12-09', '24:00')).toBeNull();
    expect(shanghaiInstant('', '08:30')).toBeNull();
  });

  it('reads an instant back as the local date and time', () => {
    expect(shanghaiDate('2026-12-08T23:00:00.000Z')).toBe('2026-12-09');
    expect(shanghaiTime('2026-12-08T23:00:00.000Z')).toBe('07:00');
  });

  it('describes a slot with the month, day, weekday and window', () => {
    expect(describeSlotTime({ startsAt: '2026-12-09T00:30:00.000Z', endsAt: '2026-12-09T03:30:00.000Z' })).toBe('12月9日 周三 08:30–11:30');
    expect(describeSlotTime({ startsAt: '2026-12-12T16:00:00.000Z', endsAt: '2026-12-12T17:00:00.000Z' })).toBe('12月13日 周日 00:00–01:00');
  });

  it('adds days across month ends', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
  });
});
