import { ConfigError, parseConfig } from '../../config/app-config';

describe('问需会 configuration (REVIEW_*)', () => {
  it('defaults to meetings on the 1st and 16th, 3 times within 90 days, 20 entries on the agenda', () => {
    expect(parseConfig({}).review).toEqual({ meetingDays: [1, 16], recurrenceMinCount: 3, recurrenceWindowDays: 90, agendaLimit: 20 });
  });

  it('reads a cadence in any order and the recurrence settings', () => {
    const config = parseConfig({ REVIEW_MEETING_DAYS: '20, 5', REVIEW_RECURRENCE_MIN: '4', REVIEW_RECURRENCE_WINDOW_DAYS: '60', REVIEW_AGENDA_LIMIT: '12' });
    expect(config.review).toEqual({ meetingDays: [5, 20], recurrenceMinCount: 4, recurrenceWindowDays: 60, agendaLimit: 12 });
  });

  it.each([['0,16'], ['1,29'], ['1,1'], ['first'], ['1,,16']])('refuses REVIEW_MEETING_DAYS=%s', (days) => {
    expect(() => parseConfig({ REVIEW_MEETING_DAYS: days })).toThrow(ConfigError);
  });

  it('refuses a threshold below 2 or a window under a week', () => {
    expect(() => parseConfig({ REVIEW_RECURRENCE_MIN: '1' })).toThrow(/REVIEW_RECURRENCE_MIN/);
    expect(() => parseConfig({ REVIEW_RECURRENCE_WINDOW_DAYS: '3' })).toThrow(/REVIEW_RECURRENCE_WINDOW_DAYS/);
  });

  it('refuses an agenda of fewer than 5 or more than 200 entries', () => {
    expect(() => parseConfig({ REVIEW_AGENDA_LIMIT: '4' })).toThrow(/REVIEW_AGENDA_LIMIT/);
    expect(() => parseConfig({ REVIEW_AGENDA_LIMIT: '201' })).toThrow(/REVIEW_AGENDA_LIMIT/);
  });
});
