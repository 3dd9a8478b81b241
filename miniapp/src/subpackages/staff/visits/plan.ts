/**
 * The provider day plan (上门服务计划): which days to ask for, visits grouped by local day, and what to tell the
 * provider when an action lost a race. Pure: no Taro, no React. Days are Asia/Shanghai like the server's plan.
 */
import { ErrorCode, isCalendarDay, SERVICE_LIMITS, shanghaiDayOf, VISIT_DAY_ACTIONS, VISIT_TRANSITIONS, type ProviderVisitView } from '@gezhi/shared';
import { ApiError } from '../../../api/client';
import { dayLabel } from '../../../utils/service-format';

/** 今天 (the server's today), 本周 (7 days from today) or one day picked by the provider */
export type PlanMode = 'today' | 'week' | 'day';

/** 本周: the week from today, as many days as GET /api/provider/visits answers */
export const WEEK_DAYS = SERVICE_LIMITS.visitPlanMaxDays;

/** A local date "YYYY-MM-DD" that exists (2026-02-30 does not). */
export function isLocalDate(value: unknown): value is string {
  return typeof value === 'string' && isCalendarDay(value);
}

/**
 * The query of GET /api/provider/visits. 今天 and 本周 leave `day` to the server (its clock decides what today is);
 * a picked day is sent as is.
 */
export function planQuery(mode: PlanMode, day: string): { day?: string; days: number } {
  if (mode === 'week') return { days: WEEK_DAYS };
  if (mode === 'day') return { day, days: 1 };
  return { days: 1 };
}

export interface VisitDay {
  /** local date YYYY-MM-DD */
  date: string;
  /** 「今天 12月9日 周三」 */
  label: string;
  visits: ProviderVisitView[];
}

/** Visits by local day, earliest first; within a day by start time (then booking, so equal times stay stable). */
export function groupVisitsByDay(visits: readonly ProviderVisitView[], now: Date = new Date()): VisitDay[] {
  const inOrder = [...visits].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.bookingId - b.bookingId);
  const days = new Map<string, ProviderVisitView[]>();
  for (const visit of inOrder) {
    const date = shanghaiDayOf(visit.startsAt);
    const day = days.get(date);
    if (day) day.push(visit);
    else days.set(date, [visit]);
  }
  return [...days.entries()].map(([date, dayVisits]) => ({ date, label: dayLabel(date, now), visits: dayVisits }));
}

/**
 * Whether 已到达 / 完成服务 wait for the visit's day: the status would allow them, but the server left them out of
 * `availableActions` — it applies the shared rule (shared/visit-day.ts: not before the slot's local day) with its
 * own clock, which is the one that refuses; the phone's clock may be wrong, so the page does not decide with it.
 */
export function waitsForVisitDay(visit: Pick<ProviderVisitView, 'status' | 'availableActions'>): boolean {
  return VISIT_DAY_ACTIONS.some((action) => VISIT_TRANSITIONS[action].from.includes(visit.status) && !visit.availableActions.includes(action));
}

/**
 * When an action lost a race — the resident cancelled, the slot has not started yet (爽约), someone else acted first —
 * the page shows this and reloads the visit; null for other errors (the form shows them and stays open).
 */
export function staleVisitMessage(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  switch (error.code) {
    case ErrorCode.IllegalTransition:
      return '当前状态下不能进行此操作（预约可能已被取消，或服务尚未开始），已刷新为最新状态';
    case ErrorCode.ConcurrentModification:
      return '该预约刚被更新过，已刷新为最新状态，请确认后再操作';
    case ErrorCode.NotFound:
      return '该预约已不在您的服务计划中';
    case ErrorCode.VisitDayNotReached:
      return '还没到预约的日子，预约日当天才能上门或完成，已刷新为最新状态';
    default:
      return null;
  }
}
