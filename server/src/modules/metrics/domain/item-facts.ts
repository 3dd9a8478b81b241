import { DeadlineKind, handlingBucketOf, RatingSource, RequestCategory, REOPEN_EFFECT_THRESHOLD } from '@gezhi/shared';
import type { DepartmentCounterName, OutcomeKind, RequestCounterName } from './counters';

/**
 * The facts about one item that its numbers depend on, and the ONE reducer that moves them: `applyItemEvent`.
 * The live path (a hook in each write transaction) loads the facts, applies the event and writes the facts and
 * the counter deltas; the full recomputation replays every item's history from the raw tables through the same
 * reducer (replay.ts). Both produce the same deltas, which the roll-up test checks.
 */

/**
 * Counter slots: every roll-up row exists once per slot, and an item always adds to the slot of its id
 * (`requestId % COUNTER_SLOTS`). Concurrent writers of the same grid, category and day then mostly touch different
 * rows instead of queueing for one row lock until each other's commit; readers add the slots up like any other rows.
 * Deterministic, so the recomputation writes exactly the same rows.
 */
export const COUNTER_SLOTS = 8;

export function slotOf(requestId: number): number {
  return requestId % COUNTER_SLOTS;
}

/** Where an item counts: fixed at filing (and the counter slot of its id). */
export interface ItemScope {
  streetId: number;
  communityId: number;
  gridId: number;
  category: RequestCategory;
  slot: number;
}

/** A decision that is taken once: still open, or decided on time / late. */
export type Decision = 'PENDING' | 'ON_TIME' | 'LATE';
export type Conclusion = 'RESOLVED' | 'CANCELLED' | 'REJECTED';

export interface ItemFacts {
  requestId: number;
  scope: ItemScope;
  receivedAt: Date;
  /** 响应: decided at the first 签收/驳回/吹哨 (on time) or at the due time of the first missed 签收 clock (late) */
  responseState: Decision;
  responseAt: Date | null;
  /** 按时办结: decided at the first 办结 (on time) or the due time of the first missed 办结 clock (late) */
  resolveState: Decision;
  resolveAt: Date | null;
  firstResolvedAt: Date | null;
  /** wall-clock minutes from filing to the first 办结 */
  handlingMinutes: number | null;
  /** how the item first concluded (for 办结率): resolved, withdrawn or rejected */
  conclusion: Conclusion | null;
  concludedAt: Date | null;
}

export interface Rating {
  speed: number;
  effect: number;
  attitude: number;
  /** 居民自评 (the default) or recorded on a 电话回访 */
  source?: RatingSource;
}

/** What happened to an item, as far as the numbers care. */
export type ItemEvent =
  | { type: 'ACCEPT'; at: Date }
  | { type: 'WHISTLE'; at: Date }
  | { type: 'REJECT'; at: Date }
  | { type: 'CANCEL'; at: Date }
  /** 办结 by the holder (departmentId null) or by the lead department */
  | { type: 'RESOLVE'; at: Date; departmentId: number | null }
  /** 评价; departmentId: the department whose 办结 was the latest before the rating (null: staff resolved it) */
  | { type: 'RATE'; at: Date; rating: Rating; departmentId: number | null }
  /** 未评价办结: closed by the system without a rating */
  | { type: 'CLOSE_UNRATED'; at: Date }
  /** a clock of the item was missed (one deadline_miss), counted at its due time */
  | { type: 'MISS'; kind: DeadlineKind; dueAt: Date; departmentId: number | null };

/** +n on the counters of the bucket containing `at`. */
export interface RequestDelta {
  scope: ItemScope;
  at: Date;
  values: Partial<Record<RequestCounterName, number>>;
}

/** An item received at `receivedAt` concluded at `at` (the cohort roll-up behind 办结率). */
export interface OutcomeDelta {
  scope: ItemScope;
  receivedAt: Date;
  at: Date;
  kind: OutcomeKind;
}

export interface DepartmentScope {
  streetId: number;
  departmentId: number;
  category: RequestCategory;
  slot: number;
}

export interface DepartmentDelta {
  scope: DepartmentScope;
  at: Date;
  values: Partial<Record<DepartmentCounterName, number>>;
}

export interface Deltas {
  requests: RequestDelta[];
  outcomes: OutcomeDelta[];
  departments: DepartmentDelta[];
}

export function noDeltas(): Deltas {
  return { requests: [], outcomes: [], departments: [] };
}

export function mergeDeltas(into: Deltas, more: Deltas): Deltas {
  into.requests.push(...more.requests);
  into.outcomes.push(...more.outcomes);
  into.departments.push(...more.departments);
  return into;
}

/**
 * Times are taken to the whole second, as the databases store them (DATETIME without fractions), so the live path and
 * the replay from stored rows see the same instants.
 */
export function toSecond(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 1000) * 1000);
}

export function newItemFacts(requestId: number, scope: ItemScope, receivedAt: Date): ItemFacts {
  return {
    requestId,
    scope,
    receivedAt: toSecond(receivedAt),
    responseState: 'PENDING',
    responseAt: null,
    resolveState: 'PENDING',
    resolveAt: null,
    firstResolvedAt: null,
    handlingMinutes: null,
    conclusion: null,
    concludedAt: null,
  };
}

/** Filing: one more item received. */
export function filedDeltas(scope: ItemScope, receivedAt: Date): Deltas {
  return { requests: [{ scope, at: toSecond(receivedAt), values: { received: 1 } }], outcomes: [], departments: [] };
}

/** A rating satisfies (满意) when all three dimensions are at least 4. */
export function isSatisfied(rating: Rating): boolean {
  return rating.speed >= 4 && rating.effect >= 4 && rating.attitude >= 4;
}

/** A rating reopens the item (重办) when its effect is at most REOPEN_EFFECT_THRESHOLD. */
export function reopens(rating: Rating): boolean {
  return rating.effect <= REOPEN_EFFECT_THRESHOLD;
}

export function handlingMinutesBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 60000));
}

const MISSED_COLUMN: Record<DeadlineKind, RequestCounterName> = {
  [DeadlineKind.Accept]: 'missedAccept',
  [DeadlineKind.FirstResponse]: 'missedFirstResponse',
  [DeadlineKind.Resolve]: 'missedResolve',
  [DeadlineKind.Report]: 'missedReport',
};

/**
 * The reducer: the item's facts after the event, and the counter deltas it causes. Pure; the same for the live
 * hooks and the replay. Decisions are taken once (PENDING → ON_TIME | LATE); later events do not change them.
 */
export function applyItemEvent(facts: ItemFacts, input: ItemEvent): { facts: ItemFacts; deltas: Deltas } {
  const event = input.type === 'MISS' ? { ...input, dueAt: toSecond(input.dueAt) } : { ...input, at: toSecond(input.at) };
  const next: ItemFacts = { ...facts };
  const deltas = noDeltas();
  const scope = facts.scope;
  const count = (at: Date, values: RequestDelta['values']) => deltas.requests.push({ scope, at, values });
  const respond = (at: Date) => {
    if (next.responseState !== 'PENDING') return;
    next.responseState = 'ON_TIME';
    next.responseAt = at;
    count(at, { responseDecided: 1, responseOnTime: 1 });
  };
  const conclude = (kind: Conclusion, at: Date) => {
    if (next.conclusion !== null) return;
    next.conclusion = kind;
    next.concludedAt = at;
    deltas.outcomes.push({ scope, receivedAt: facts.receivedAt, at, kind: OUTCOME_OF[kind] });
  };

  switch (event.type) {
    case 'ACCEPT':
      respond(event.at);
      break;
    case 'WHISTLE':
      respond(event.at);
      count(event.at, { whistled: 1 });
      break;
    case 'REJECT':
      respond(event.at);
      count(event.at, { rejected: 1 });
      conclude('REJECTED', event.at);
      break;
    case 'CANCEL':
      count(event.at, { cancelled: 1 });
      conclude('CANCELLED', event.at);
      break;
    case 'RESOLVE': {
      count(event.at, { resolutions: 1 });
      if (event.departmentId !== null) {
        deltas.departments.push({ scope: departmentScope(scope, event.departmentId), at: event.at, values: { resolvedAsLead: 1 } });
      }
      if (next.firstResolvedAt === null) {
        const minutes = handlingMinutesBetween(facts.receivedAt, event.at);
        next.firstResolvedAt = event.at;
        next.handlingMinutes = minutes;
        count(event.at, { resolvedFirst: 1, handlingMinutes: minutes, [`h${handlingBucketOf(minutes)}`]: 1 });
        if (next.resolveState === 'PENDING') {
          next.resolveState = 'ON_TIME';
          next.resolveAt = event.at;
          count(event.at, { resolveDecided: 1, resolveOnTime: 1 });
        }
        conclude('RESOLVED', event.at);
      }
      break;
    }
    case 'RATE': {
      const values = ratingValues(event.rating);
      count(event.at, { ...values, ...sourceValues(event.rating) });
      if (event.departmentId !== null) {
        deltas.departments.push({ scope: departmentScope(scope, event.departmentId), at: event.at, values });
      }
      break;
    }
    case 'CLOSE_UNRATED':
      count(event.at, { closedUnrated: 1 });
      break;
    case 'MISS': {
      count(event.dueAt, { [MISSED_COLUMN[event.kind]]: 1 });
      if (event.kind === DeadlineKind.Accept && next.responseState === 'PENDING') {
        next.responseState = 'LATE';
        next.responseAt = event.dueAt;
        count(event.dueAt, { responseDecided: 1 });
      }
      if (event.kind === DeadlineKind.Resolve && next.resolveState === 'PENDING' && next.firstResolvedAt === null) {
        next.resolveState = 'LATE';
        next.resolveAt = event.dueAt;
        count(event.dueAt, { resolveDecided: 1 });
      }
      if (event.kind === DeadlineKind.Report && event.departmentId !== null) {
        deltas.departments.push({ scope: departmentScope(scope, event.departmentId), at: event.dueAt, values: { reportMissed: 1 } });
      }
      break;
    }
  }
  return { facts: next, deltas };
}

const OUTCOME_OF: Record<Conclusion, OutcomeKind> = { RESOLVED: 'resolved', CANCELLED: 'cancelled', REJECTED: 'rejected' };

function ratingValues(rating: Rating): Partial<Record<RequestCounterName & DepartmentCounterName, number>> {
  return {
    rated: 1,
    satisfied: isSatisfied(rating) ? 1 : 0,
    reopened: reopens(rating) ? 1 : 0,
    speedSum: rating.speed,
    effectSum: rating.effect,
    attitudeSum: rating.attitude,
  };
}

/** 回访: a rating recorded on a return visit also counts in the return-visit split (the request roll-up only). */
function sourceValues(rating: Rating): Partial<Record<RequestCounterName, number>> {
  if (rating.source !== RatingSource.ReturnVisit) return {};
  return { ratedReturnVisit: 1, satisfiedReturnVisit: isSatisfied(rating) ? 1 : 0 };
}

export function departmentScope(scope: Pick<ItemScope, 'streetId' | 'category' | 'slot'>, departmentId: number): DepartmentScope {
  return { streetId: scope.streetId, departmentId, category: scope.category, slot: scope.slot };
}

// ---- department assignments (one per department per whistle round) ----

export type AssignmentEnd = 'RETURNED' | 'DONE' | 'RECALLED';

export interface AssignmentFacts {
  assignmentId: number;
  requestId: number;
  departmentId: number;
  lead: boolean;
  scope: DepartmentScope;
  notifiedAt: Date;
  /** 按时报到: decided at the 报到 (on time) or at the due time of its missed REPORT clock (late) */
  reportState: Decision;
  reportAt: Date | null;
  /** the first end of the assignment (a reopened lead keeps its first end) */
  endKind: AssignmentEnd | null;
  endAt: Date | null;
}

export type AssignmentEvent =
  | { type: 'REPORT'; at: Date }
  | { type: 'REPORT_MISS'; dueAt: Date }
  | { type: 'END'; kind: AssignmentEnd; at: Date };

export function newAssignmentFacts(input: Omit<AssignmentFacts, 'reportState' | 'reportAt' | 'endKind' | 'endAt'>): AssignmentFacts {
  return { ...input, notifiedAt: toSecond(input.notifiedAt), reportState: 'PENDING', reportAt: null, endKind: null, endAt: null };
}

/** 吹哨: one more assignment for the department. */
export function assignedDeltas(facts: AssignmentFacts): Deltas {
  return {
    requests: [],
    outcomes: [],
    departments: [{ scope: facts.scope, at: facts.notifiedAt, values: { assigned: 1, assignedLead: facts.lead ? 1 : 0 } }],
  };
}

/** The assignment reducer (REPORT misses are counted per miss by applyItemEvent; here they only decide 按时报到). */
export function applyAssignmentEvent(facts: AssignmentFacts, input: AssignmentEvent): { facts: AssignmentFacts; deltas: Deltas } {
  const event = input.type === 'REPORT_MISS' ? { ...input, dueAt: toSecond(input.dueAt) } : { ...input, at: toSecond(input.at) };
  const next: AssignmentFacts = { ...facts };
  const deltas = noDeltas();
  const count = (at: Date, values: DepartmentDelta['values']) => deltas.departments.push({ scope: facts.scope, at, values });
  switch (event.type) {
    case 'REPORT':
      count(event.at, { reported: 1 });
      if (next.reportState === 'PENDING') {
        next.reportState = 'ON_TIME';
        next.reportAt = event.at;
        count(event.at, { reportDecided: 1, reportOnTime: 1 });
      }
      break;
    case 'REPORT_MISS':
      if (next.reportState === 'PENDING' && next.endKind === null) {
        next.reportState = 'LATE';
        next.reportAt = event.dueAt;
        count(event.dueAt, { reportDecided: 1 });
      }
      break;
    case 'END':
      if (next.endKind === null) {
        next.endKind = event.kind;
        next.endAt = event.at;
        count(event.at, { ended: 1, returned: event.kind === 'RETURNED' ? 1 : 0 });
      }
      break;
  }
  return { facts: next, deltas };
}
