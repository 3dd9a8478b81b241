/**
 * Fixed, named instants for tests. A test clock never starts from the wall clock: working-hour deadlines behave
 * differently on a weekday morning, a weekend and the eve of a holiday, so a suite that starts from `new Date()`
 * passes on one day and fails on another. Start a `ManualClock` from one of these (or from `atBeijing(...)`).
 */

import { parseBeijing } from '@gezhi/shared';

/** 'YYYY-MM-DD HH:mm' (or 'YYYY-MM-DDTHH:mm', seconds optional) in Asia/Shanghai (UTC+8, no DST) → the instant. */
export function atBeijing(local: string): Date {
  const instant = parseBeijing(local);
  if (!instant) throw new Error(`atBeijing expects a real 'YYYY-MM-DD HH:mm', got '${local}'`);
  return instant;
}

/** Monday 2026-12-07, 10:00 Beijing: an ordinary working morning. */
export const WEEKDAY_MORNING = atBeijing('2026-12-07 10:00');
/** Monday 2026-11-23, 09:00 Beijing: the start of a working week. */
export const MONDAY_9AM = atBeijing('2026-11-23 09:00');
