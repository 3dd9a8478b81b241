import type { EnvReader } from '../../config/env-reader';

/** 居民问需会 defaults for communities without settings of their own (docs/review.md). Inject `ReviewConfig`. */
export abstract class ReviewConfig {
  /** days of the month the meeting is held (1–28) */
  abstract readonly meetingDays: number[];
  /** the same problem (building × category × subcategory) seen this many times within the window is a recurring problem */
  abstract readonly recurrenceMinCount: number;
  abstract readonly recurrenceWindowDays: number;
  /** the agenda shows at most this many entries (what a 30-minute meeting gets through); the rest are 「其余 N 项」 */
  abstract readonly agendaLimit: number;
}

/** REVIEW_MEETING_DAYS, REVIEW_RECURRENCE_MIN, REVIEW_RECURRENCE_WINDOW_DAYS, REVIEW_AGENDA_LIMIT */
export function parseReviewConfig(env: EnvReader): ReviewConfig {
  const rawMeetingDays = env.read('REVIEW_MEETING_DAYS') ?? '1,16';
  const meetingDays = rawMeetingDays.split(',').map((part) => Number(part.trim()));
  if (
    meetingDays.length === 0 ||
    meetingDays.some((d) => !Number.isInteger(d) || d < 1 || d > 28) ||
    new Set(meetingDays).size !== meetingDays.length
  ) {
    env.problem(`REVIEW_MEETING_DAYS must be distinct days of the month 1–28 separated by commas (got "${rawMeetingDays}")`);
  }
  return {
    meetingDays: [...meetingDays].sort((x, y) => x - y),
    recurrenceMinCount: env.readInteger('REVIEW_RECURRENCE_MIN', 3, 2, 20),
    recurrenceWindowDays: env.readInteger('REVIEW_RECURRENCE_WINDOW_DAYS', 90, 7, 366),
    agendaLimit: env.readInteger('REVIEW_AGENDA_LIMIT', 20, 5, 200),
  };
}
