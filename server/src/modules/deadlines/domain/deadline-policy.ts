import {
  DEFAULT_POLICY_CATEGORY,
  DeadlineKind,
  DeadlinePolicyRule,
  HandlingLevel,
  RequestCategory,
  Urgency,
} from '@gezhi/shared';
import { addDeadlineTime, WorkCalendar } from './work-calendar';

const HOUR = 60;
/** a working day is 7.5 working hours (08:30–12:00, 13:30–17:30) */
const WORKING_DAY = 7.5 * HOUR;

function rule(
  category: DeadlinePolicyRule['category'],
  urgency: Urgency,
  level: HandlingLevel,
  acceptMinutes: number,
  firstResponseMinutes: number,
  resolveMinutes: number,
  warnPercent = 75,
): DeadlinePolicyRule {
  return { category, urgency, level, acceptMinutes, firstResponseMinutes, resolveMinutes, reportMinutes: REPORT_MINUTES[urgency], warnPercent };
}

/** 部门报到: a whistled department reports in within 2 working hours, or 30 minutes (wall clock) for 紧急. */
export const REPORT_MINUTES: Readonly<Record<Urgency, number>> = { [Urgency.Normal]: 2 * 60, [Urgency.Urgent]: 30 };

const D = DEFAULT_POLICY_CATEGORY;
const N = Urgency.Normal;
const U = Urgency.Urgent;
const { Grid, Community, Street } = HandlingLevel;

/**
 * The defaults (docs/deadlines.md has them as a table). Normal items count working minutes; 紧急 items count
 * wall-clock minutes. A category without its own rows falls back to DEFAULT.
 */
export const DEFAULT_DEADLINE_POLICY: readonly DeadlinePolicyRule[] = [
  rule(D, N, Grid, 2 * HOUR, 4 * HOUR, 3 * WORKING_DAY),
  rule(D, U, Grid, 30, 2 * HOUR, 24 * HOUR),
  rule(D, N, Community, 4 * HOUR, 1 * WORKING_DAY, 5 * WORKING_DAY),
  rule(D, U, Community, 1 * HOUR, 4 * HOUR, 48 * HOUR),
  rule(D, N, Street, 4 * HOUR, 1 * WORKING_DAY, 10 * WORKING_DAY),
  rule(D, U, Street, 1 * HOUR, 4 * HOUR, 72 * HOUR),
  // 矛盾调解: a dispute left to simmer grows; the grid must see the parties sooner
  rule(RequestCategory.Dispute, N, Grid, 1 * HOUR, 2 * HOUR, 2 * WORKING_DAY),
  rule(RequestCategory.Dispute, U, Grid, 30, 1 * HOUR, 12 * HOUR),
  // 特殊群体关怀: someone vulnerable is waiting
  rule(RequestCategory.SpecialGroups, N, Grid, 1 * HOUR, 2 * HOUR, 2 * WORKING_DAY),
];

export interface DeadlineSpan {
  kind: DeadlineKind;
  startedAt: Date;
  warnAt: Date;
  dueAt: Date;
}

const KIND_MINUTES: Partial<Record<DeadlineKind, keyof DeadlinePolicyRule>> = {
  [DeadlineKind.Accept]: 'acceptMinutes',
  [DeadlineKind.FirstResponse]: 'firstResponseMinutes',
  [DeadlineKind.Resolve]: 'resolveMinutes',
  [DeadlineKind.Report]: 'reportMinutes',
};

/** Deadline rules: category × urgency × level → minutes per step, looked up with a fallback to DEFAULT. */
export class DeadlinePolicy {
  private readonly rules = new Map<string, DeadlinePolicyRule>();

  constructor(rules: readonly DeadlinePolicyRule[] = DEFAULT_DEADLINE_POLICY) {
    for (const r of rules) this.rules.set(key(r.category, r.urgency, r.level), r);
    // the built-in defaults are the last resort, so a partial table never leaves a request without clocks
    for (const r of DEFAULT_DEADLINE_POLICY) {
      if (r.category === DEFAULT_POLICY_CATEGORY && !this.rules.has(key(r.category, r.urgency, r.level))) {
        this.rules.set(key(r.category, r.urgency, r.level), r);
      }
    }
  }

  /** The rule for a category, else the DEFAULT rule for the urgency and level. */
  ruleFor(category: RequestCategory, urgency: Urgency, level: HandlingLevel): DeadlinePolicyRule {
    const found = this.rules.get(key(category, urgency, level)) ?? this.rules.get(key(DEFAULT_POLICY_CATEGORY, urgency, level));
    if (!found) throw new Error(`no deadline rule for ${urgency} at ${level}`);
    return found;
  }

  minutesFor(kind: DeadlineKind, category: RequestCategory, urgency: Urgency, level: HandlingLevel): number {
    const field = KIND_MINUTES[kind];
    if (!field) throw new Error(`the deadline policy has no minutes for ${kind}`);
    return this.ruleFor(category, urgency, level)[field] as number;
  }

  /**
   * When a clock for `kind` started at `startedAt` warns (yellow: warnPercent of the span) and is due (red).
   * Normal items run on the working calendar, 紧急 ones on the wall clock.
   */
  span(
    calendar: WorkCalendar,
    item: { category: RequestCategory; urgency: Urgency; level: HandlingLevel },
    kind: DeadlineKind,
    startedAt: Date,
  ): DeadlineSpan {
    const rule = this.ruleFor(item.category, item.urgency, item.level);
    const minutes = this.minutesFor(kind, item.category, item.urgency, item.level);
    return spanOf(calendar, kind, startedAt, minutes, rule.warnPercent, item.urgency === Urgency.Urgent);
  }
}

/** A clock of `minutes` from `startedAt`, warning at `warnPercent` of the span. */
export function spanOf(calendar: WorkCalendar, kind: DeadlineKind, startedAt: Date, minutes: number, warnPercent: number, wallClock: boolean): DeadlineSpan {
  return {
    kind,
    startedAt,
    warnAt: addDeadlineTime(calendar, startedAt, Math.floor((minutes * warnPercent) / 100), wallClock),
    dueAt: addDeadlineTime(calendar, startedAt, minutes, wallClock),
  };
}

function key(category: string, urgency: Urgency, level: HandlingLevel): string {
  return `${category}|${urgency}|${level}`;
}
