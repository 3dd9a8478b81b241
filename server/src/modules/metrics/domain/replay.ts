import { AssignmentState, DeadlineKind, DeadlineUnitType, RequestAction } from '@gezhi/shared';
import type { RatingSource } from '@gezhi/shared';
import {
  applyAssignmentEvent,
  applyItemEvent,
  AssignmentEnd,
  AssignmentEvent,
  AssignmentFacts,
  Deltas,
  departmentScope,
  filedDeltas,
  ItemEvent,
  ItemFacts,
  ItemScope,
  mergeDeltas,
  newAssignmentFacts,
  newItemFacts,
} from './item-facts';

/**
 * The full recomputation's side: an item's history as the raw tables keep it (timeline events, ratings, recorded
 * misses, whistle assignments) replayed through the same reducers as the live hooks.
 *
 * Ordering: timeline events in id order; a recorded miss comes before an event when its due time is not after the
 * event's time. That is the order in which they happened: a clock can only be recorded as missed by a sweep that ran
 * before the step that closes it (the step closes the clock, so no later sweep can claim it), and a sweep only claims
 * clocks whose due time has passed.
 */

export interface RawEvent {
  id: number;
  action: RequestAction;
  at: Date;
  departmentId: number | null;
}

export interface RawRating {
  round: number;
  at: Date;
  speed: number;
  effect: number;
  attitude: number;
  /** absent: 居民自评 */
  source?: RatingSource;
}

export interface RawMiss {
  kind: DeadlineKind;
  unitType: DeadlineUnitType;
  unitId: number;
  dueAt: Date;
}

export interface RawItemHistory {
  requestId: number;
  scope: ItemScope;
  receivedAt: Date;
  /** timeline events (only the actions in REPLAYED_ACTIONS matter) */
  events: RawEvent[];
  ratings: RawRating[];
  misses: RawMiss[];
}

/** The timeline actions the numbers depend on (the recomputation reads only these). */
export const REPLAYED_ACTIONS: readonly RequestAction[] = [
  RequestAction.Accept,
  RequestAction.Whistle,
  RequestAction.Reject,
  RequestAction.Cancel,
  RequestAction.Resolve,
  RequestAction.Rate,
  RequestAction.ReturnWhistle,
  RequestAction.ReturnVisitRate,
  RequestAction.CloseUnrated,
];

export function replayItem(raw: RawItemHistory): { facts: ItemFacts; deltas: Deltas } {
  let facts = newItemFacts(raw.requestId, raw.scope, raw.receivedAt);
  const deltas = filedDeltas(raw.scope, raw.receivedAt);
  const apply = (event: ItemEvent) => {
    const result = applyItemEvent(facts, event);
    facts = result.facts;
    mergeDeltas(deltas, result.deltas);
  };
  const misses = [...raw.misses].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  const ratings = [...raw.ratings].sort((a, b) => a.round - b.round);
  let nextMiss = 0;
  const missesUpTo = (at: Date | null) => {
    while (nextMiss < misses.length && (at === null || misses[nextMiss].dueAt.getTime() <= at.getTime())) {
      const miss = misses[nextMiss++];
      apply({ type: 'MISS', kind: miss.kind, dueAt: miss.dueAt, departmentId: miss.unitType === DeadlineUnitType.Department ? miss.unitId : null });
    }
  };
  let ratingIndex = 0;
  let lastResolver: number | null = null;
  for (const event of [...raw.events].sort((a, b) => a.id - b.id)) {
    missesUpTo(event.at);
    switch (event.action) {
      case RequestAction.Accept:
        apply({ type: 'ACCEPT', at: event.at });
        break;
      case RequestAction.Whistle:
        apply({ type: 'WHISTLE', at: event.at });
        break;
      case RequestAction.Reject:
        apply({ type: 'REJECT', at: event.at });
        break;
      case RequestAction.Cancel:
        apply({ type: 'CANCEL', at: event.at });
        break;
      case RequestAction.Resolve:
        lastResolver = event.departmentId ?? null;
        apply({ type: 'RESOLVE', at: event.at, departmentId: lastResolver });
        break;
      // 评价 and 电话回访评价 each consumed one rating row (the row's source says which)
      case RequestAction.Rate:
      case RequestAction.ReturnVisitRate: {
        const rating = ratings[ratingIndex++];
        if (rating) apply({ type: 'RATE', at: rating.at, rating, departmentId: lastResolver });
        break;
      }
      case RequestAction.CloseUnrated:
        apply({ type: 'CLOSE_UNRATED', at: event.at });
        break;
      default:
        break;
    }
  }
  missesUpTo(null);
  return { facts, deltas };
}

// ---- assignments ----

export interface RawAssignment {
  assignmentId: number;
  requestId: number;
  round: number;
  departmentId: number;
  lead: boolean;
  state: AssignmentState;
  notifiedAt: Date;
  reportedAt: Date | null;
  finishedAt: Date | null;
}

export interface RawAssignmentHistory {
  assignment: RawAssignment;
  scope: Pick<ItemScope, 'streetId' | 'category' | 'slot'>;
  /** when and how it first ended (firstEndOf) */
  end: { kind: AssignmentEnd; at: Date } | null;
  /** due times of the REPORT misses matched to it (matchReportMisses) */
  missDueAts: Date[];
}

/**
 * Which assignment a recorded REPORT miss belongs to: the latest assignment of that department on the request
 * notified no later than the miss's due time (a department whistled again in a later round has a new clock, and the
 * earlier round had ended — its clock cancelled — before the new one started). Used by the live hook too.
 */
export function matchReportMiss<A extends Pick<RawAssignment, 'assignmentId' | 'departmentId' | 'notifiedAt'>>(
  assignments: readonly A[],
  departmentId: number,
  dueAt: Date,
): A | null {
  let best: A | null = null;
  for (const a of assignments) {
    if (a.departmentId !== departmentId || a.notifiedAt.getTime() > dueAt.getTime()) continue;
    if (
      best === null ||
      a.notifiedAt.getTime() > best.notifiedAt.getTime() ||
      (a.notifiedAt.getTime() === best.notifiedAt.getTime() && a.assignmentId > best.assignmentId)
    ) {
      best = a;
    }
  }
  return best;
}

/**
 * How an assignment first ended, from the raw rows. Assisting departments never come back once ended, so their
 * row's state and finishedAt say it. A lead can: resolved, rated poorly, it is REPORTED again (and may then return
 * it), so its first end is its department's first 办结 or 退回 event in its round (between the round's 吹哨 event and
 * the next one).
 */
export function firstEndOf(assignment: RawAssignment, requestEvents: readonly RawEvent[]): { kind: AssignmentEnd; at: Date } | null {
  if (!assignment.lead) {
    const kind = TERMINAL[assignment.state];
    return kind && assignment.finishedAt ? { kind, at: assignment.finishedAt } : null;
  }
  const sorted = [...requestEvents].sort((a, b) => a.id - b.id);
  const whistles = sorted.filter((e) => e.action === RequestAction.Whistle);
  const start = whistles[assignment.round - 1];
  if (!start) return null;
  const stop = whistles[assignment.round];
  for (const event of sorted) {
    if (event.id <= start.id || (stop && event.id >= stop.id)) continue;
    if (event.departmentId !== assignment.departmentId) continue;
    if (event.action === RequestAction.Resolve) return { kind: 'DONE', at: event.at };
    if (event.action === RequestAction.ReturnWhistle) return { kind: 'RETURNED', at: event.at };
  }
  return null;
}

const TERMINAL: Partial<Record<AssignmentState, AssignmentEnd>> = {
  [AssignmentState.Returned]: 'RETURNED',
  [AssignmentState.Done]: 'DONE',
  [AssignmentState.Recalled]: 'RECALLED',
};

export function replayAssignment(raw: RawAssignmentHistory): { facts: AssignmentFacts; deltas: Deltas } {
  const a = raw.assignment;
  let facts = newAssignmentFacts({
    assignmentId: a.assignmentId,
    requestId: a.requestId,
    departmentId: a.departmentId,
    lead: a.lead,
    scope: departmentScope(raw.scope, a.departmentId),
    notifiedAt: a.notifiedAt,
  });
  const deltas: Deltas = {
    requests: [],
    outcomes: [],
    departments: [{ scope: facts.scope, at: facts.notifiedAt, values: { assigned: 1, assignedLead: a.lead ? 1 : 0 } }],
  };
  const steps: { at: Date; order: number; event: AssignmentEvent }[] = [];
  if (a.reportedAt) steps.push({ at: a.reportedAt, order: 1, event: { type: 'REPORT', at: a.reportedAt } });
  if (raw.end) steps.push({ at: raw.end.at, order: 2, event: { type: 'END', kind: raw.end.kind, at: raw.end.at } });
  // a miss is before a step at the same or a later time
  for (const dueAt of raw.missDueAts) steps.push({ at: dueAt, order: 0, event: { type: 'REPORT_MISS', dueAt } });
  steps.sort((x, y) => x.at.getTime() - y.at.getTime() || x.order - y.order);
  for (const step of steps) {
    const result = applyAssignmentEvent(facts, step.event);
    facts = result.facts;
    mergeDeltas(deltas, result.deltas);
  }
  return { facts, deltas };
}
