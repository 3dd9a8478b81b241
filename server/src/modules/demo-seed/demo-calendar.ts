/**
 * The demo street's working calendar (工作日历): the State Council's public holidays and make-up working days
 * for 2026 (国务院办公厅关于2026年部分节假日安排的通知), and 元旦 2027-01-01, which the law fixes. A real street
 * enters each year's dates through the deadline administration API (`PUT …/calendar/:year`, docs/deadlines.md) once
 * they are published; until then weekdays count as working days.
 */
export interface DemoCalendarDay {
  date: string;
  kind: 'HOLIDAY' | 'WORKDAY';
  note: string;
}

const holidays = (note: string, ...dates: string[]): DemoCalendarDay[] => dates.map((date) => ({ date, kind: 'HOLIDAY', note }));
const workdays = (note: string, ...dates: string[]): DemoCalendarDay[] => dates.map((date) => ({ date, kind: 'WORKDAY', note }));

export const DEMO_CALENDAR: readonly DemoCalendarDay[] = [
  ...holidays('元旦', '2026-01-01', '2026-01-02', '2026-01-03'),
  ...workdays('元旦调休上班', '2026-01-04'),
  ...holidays('春节', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'),
  ...workdays('春节调休上班', '2026-02-14', '2026-02-28'),
  ...holidays('清明节', '2026-04-04', '2026-04-05', '2026-04-06'),
  ...holidays('劳动节', '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'),
  ...workdays('劳动节调休上班', '2026-05-09'),
  ...holidays('端午节', '2026-06-19', '2026-06-20', '2026-06-21'),
  ...holidays('中秋节', '2026-09-25', '2026-09-26', '2026-09-27'),
  ...holidays('国庆节', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'),
  ...workdays('国庆节调休上班', '2026-09-20', '2026-10-10'),
  ...holidays('元旦', '2027-01-01'),
];
