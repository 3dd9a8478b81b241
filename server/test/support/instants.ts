/**
 * Fixed, named instants for tests. A test clock never starts from the wall clock: working-hour deadlines behave
 * differently on a weekday morning, a weekend and the eve of a holiday, so a suite that starts from `new Date()`
 * passes on one day and fails on another. Start a `ManualClock` from one of these (or from `atBeijing(...)`).
 */

/** 'YYYY-MM-DD HH:mm' (or 'YYYY-MM-DDTHH:mm', seconds optional) in Asia/Shanghai (UTC+8, no DST) → the instant. */
export function atBeijing(local: string): Date {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?$/.exec(local);
  if (!match) throw new Error(`atBeijing expects 'YYYY-MM-DD HH:mm', got '${local}'`);
  const instant = new Date(`${match[1]}T${match[2]}${match[3] ?? ':00'}+08:00`);
  if (Number.isNaN(instant.getTime())) throw new Error(`not a date: '${local}'`);
  return instant;
}

/** Monday 2026-12-07, 10:00 Beijing: an ordinary working morning. */
export const WEEKDAY_MORNING = atBeijing('2026-12-07 10:00');
/** Monday 2026-11-23, 09:00 Beijing: the start of a working week. */
export const MONDAY_9AM = atBeijing('2026-11-23 09:00');
