import { DeadlineKind, HandlingLevel, parseBeijing, RequestCategory, Urgency } from '@gezhi/shared';
import { DEFAULT_DEADLINE_POLICY, DeadlinePolicy } from './deadline-policy';
import { WorkCalendar } from './work-calendar';

const sh = (local: string): Date => parseBeijing(local) ?? new Date(NaN);

describe('DeadlinePolicy', () => {
  const policy = new DeadlinePolicy();
  const calendar = new WorkCalendar();

  it('gives a grid 2 working hours to accept and 3 working days to resolve a normal item', () => {
    expect(policy.minutesFor(DeadlineKind.Accept, RequestCategory.Infrastructure, Urgency.Normal, HandlingLevel.Grid)).toBe(120);
    expect(policy.minutesFor(DeadlineKind.Resolve, RequestCategory.Infrastructure, Urgency.Normal, HandlingLevel.Grid)).toBe(3 * 450);
  });

  it('gives 30 minutes to accept and 24 hours to resolve an urgent one', () => {
    expect(policy.minutesFor(DeadlineKind.Accept, RequestCategory.Environment, Urgency.Urgent, HandlingLevel.Grid)).toBe(30);
    expect(policy.minutesFor(DeadlineKind.Resolve, RequestCategory.Environment, Urgency.Urgent, HandlingLevel.Grid)).toBe(24 * 60);
  });

  it('uses a category row where one exists and falls back to DEFAULT otherwise', () => {
    expect(policy.ruleFor(RequestCategory.Dispute, Urgency.Normal, HandlingLevel.Grid).category).toBe(RequestCategory.Dispute);
    expect(policy.ruleFor(RequestCategory.Dispute, Urgency.Normal, HandlingLevel.Community).category).toBe('DEFAULT');
    expect(policy.ruleFor(RequestCategory.Culture, Urgency.Urgent, HandlingLevel.Street).category).toBe('DEFAULT');
  });

  it('gives higher levels longer to resolve', () => {
    const resolve = (level: HandlingLevel) => policy.minutesFor(DeadlineKind.Resolve, RequestCategory.Culture, Urgency.Normal, level);
    expect(resolve(HandlingLevel.Grid)).toBeLessThan(resolve(HandlingLevel.Community));
    expect(resolve(HandlingLevel.Community)).toBeLessThan(resolve(HandlingLevel.Street));
  });

  it('keeps the built-in DEFAULT rows when a stored table lacks them', () => {
    const partial = new DeadlinePolicy([{ ...DEFAULT_DEADLINE_POLICY[0], category: RequestCategory.Culture, acceptMinutes: 10 }]);
    expect(partial.minutesFor(DeadlineKind.Accept, RequestCategory.Culture, Urgency.Normal, HandlingLevel.Grid)).toBe(10);
    expect(partial.minutesFor(DeadlineKind.Accept, RequestCategory.Livelihood, Urgency.Normal, HandlingLevel.Grid)).toBe(120);
  });

  it('warns at 75% of the span in working time and is due at its end', () => {
    const item = { category: RequestCategory.Infrastructure, urgency: Urgency.Normal, level: HandlingLevel.Grid };
    const span = policy.span(calendar, item, DeadlineKind.Accept, sh('2026-11-23T11:00'));
    // 90 working minutes: 11:00–12:00 then 13:30–14:00
    expect(span.warnAt.toISOString()).toBe(sh('2026-11-23T14:00').toISOString());
    expect(span.dueAt.toISOString()).toBe(sh('2026-11-23T14:30').toISOString());
  });

  it('runs urgent clocks on the wall clock, through the night and weekend', () => {
    const item = { category: RequestCategory.Infrastructure, urgency: Urgency.Urgent, level: HandlingLevel.Grid };
    const span = policy.span(calendar, item, DeadlineKind.Accept, sh('2026-11-28T23:50'));
    expect(span.dueAt.toISOString()).toBe(sh('2026-11-29T00:20').toISOString());
    expect(span.warnAt.toISOString()).toBe(new Date(sh('2026-11-28T23:50').getTime() + 22 * 60_000).toISOString());
  });

  it('gives a whistled department 2 working hours to report in, or 30 wall-clock minutes for 紧急, at every level', () => {
    for (const level of [HandlingLevel.Grid, HandlingLevel.Community, HandlingLevel.Street]) {
      expect(policy.minutesFor(DeadlineKind.Report, RequestCategory.Culture, Urgency.Normal, level)).toBe(120);
      expect(policy.minutesFor(DeadlineKind.Report, RequestCategory.Dispute, Urgency.Urgent, level)).toBe(30);
    }
    // whistled on Friday 16:30: one working hour that day, the second on Monday morning
    const item = { category: RequestCategory.Environment, urgency: Urgency.Normal, level: HandlingLevel.Street };
    expect(policy.span(calendar, item, DeadlineKind.Report, sh('2026-11-27T16:30')).dueAt.toISOString()).toBe(sh('2026-11-30T09:30').toISOString());
    const urgent = { ...item, urgency: Urgency.Urgent };
    expect(policy.span(calendar, urgent, DeadlineKind.Report, sh('2026-11-27T16:30')).dueAt.toISOString()).toBe(sh('2026-11-27T17:00').toISOString());
  });
});
