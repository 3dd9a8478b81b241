import { Injectable } from '@nestjs/common';
import { AssignmentAction, AssignmentState, DeadlineKind, DeadlineUnitType, RequestAction, RequestCategory, WhistleRole } from '@gezhi/shared';
import { EntityManager, In, Not } from 'typeorm';
import { TimelineEventEntity } from '../requests/request.entities';
import { WhistleAssignmentEntity } from '../requests/whistle-assignment.entity';
import {
  applyAssignmentEvent,
  applyItemEvent,
  AssignmentEnd,
  AssignmentEvent,
  AssignmentFacts,
  assignedDeltas,
  Deltas,
  departmentScope,
  filedDeltas,
  ItemEvent,
  ItemFacts,
  mergeDeltas,
  newAssignmentFacts,
  newItemFacts,
  noDeltas,
  Rating,
  slotOf,
} from './domain/item-facts';
import { matchReportMiss } from './domain/replay';
import { rollupRows } from './domain/rollup-rows';
import { loadAssignmentFacts, loadItemFacts, sameFacts, saveAssignmentFacts, saveItemFacts } from './facts-store';
import { writeRollups } from './rollup-writer';

/** What the recorder needs to know about a request (RequestEntity satisfies it). */
export interface RecordedRequest {
  id: number;
  streetId: number;
  communityId: number;
  gridId: number;
  category: RequestCategory;
  createdAt: Date;
}

/** A recorded miss (DeadlineMissEntity satisfies it). */
export interface RecordedMiss {
  requestId: number;
  kind: DeadlineKind;
  unitType: DeadlineUnitType;
  unitId: number;
  dueAt: Date;
}

/**
 * The incremental roll-ups: every write path that changes what the numbers count calls ONE of these methods inside
 * its own transaction, with its own EntityManager (never the data source), after its own writes. Each method turns
 * the change into events for the shared reducers (domain/item-facts.ts), writes the facts that changed and the
 * counter deltas (one additive upsert per roll-up table). Filing writes only one upsert (no facts row).
 */
@Injectable()
export class MetricsRecorder {
  /** 提交: one more item received (the hot path: a single three-row upsert). */
  async filed(manager: EntityManager, request: RecordedRequest): Promise<void> {
    await writeRollups(manager, rollupRows(filedDeltas(scopeOf(request), request.createdAt)));
  }

  /**
   * The events the request ledger (requests/request-ledger.ts) appended to a request's timeline, inside its
   * transaction, after its writes: each one that counts (签收, 驳回, 撤回, 办结 — by staff or by the lead department —,
   * 评价, 电话回访评价, 未评价办结, 吹哨) goes through the shared reducers, the same ones the replay (MetricsRecompute)
   * runs over the stored timeline; the others (进展, 上报, 报到, 延期 …) count nothing.
   */
  async appended(
    manager: EntityManager,
    request: RecordedRequest,
    events: readonly { action: RequestAction; departmentId?: number | null }[],
    at: Date,
    rating?: Rating,
  ): Promise<void> {
    const itemEvents: ItemEvent[] = [];
    for (const event of events) {
      const itemEvent = await this.itemEventOf(manager, request, event.action, at, rating, event.departmentId ?? null);
      if (itemEvent) itemEvents.push(itemEvent);
    }
    if (itemEvents.length > 0) await this.applyToItems(manager, [{ request, events: itemEvents }]);
  }

  /** 吹哨's assignments (the item's own WHISTLE event came through `appended`): one facts row each, counted for its department. */
  async assigned(
    manager: EntityManager,
    request: RecordedRequest,
    assignments: readonly Pick<WhistleAssignmentEntity, 'id' | 'departmentId' | 'role' | 'notifiedAt'>[],
  ): Promise<void> {
    const deltas = noDeltas();
    const facts = assignments.map((a) =>
      newAssignmentFacts({
        assignmentId: a.id,
        requestId: request.id,
        departmentId: a.departmentId,
        lead: a.role === WhistleRole.Lead,
        scope: departmentScope(scopeOf(request), a.departmentId),
        notifiedAt: a.notifiedAt,
      }),
    );
    for (const f of facts) mergeDeltas(deltas, assignedDeltas(f));
    await saveAssignmentFacts(manager, facts);
    await writeRollups(manager, rollupRows(deltas));
  }

  /**
   * A department's step (报到, 退回, 办结) on its assignment, after the whistle service wrote it (including the round's
   * end: the other departments' assignments already DONE or RECALLED in this transaction). The item's side (the
   * lead's 办结) came through `appended` with the step's timeline event.
   */
  async departmentStep(
    manager: EntityManager,
    assignment: Pick<WhistleAssignmentEntity, 'id' | 'requestId' | 'round' | 'departmentId' | 'role'>,
    action: AssignmentAction,
    at: Date,
  ): Promise<void> {
    const steps = new Map<number, AssignmentEvent[]>();
    const add = (id: number, event: AssignmentEvent) => steps.set(id, [...(steps.get(id) ?? []), event]);
    if (action === AssignmentAction.Report) add(assignment.id, { type: 'REPORT', at });
    if (action === AssignmentAction.Return) add(assignment.id, { type: 'END', kind: 'RETURNED', at });
    if (action === AssignmentAction.Resolve) add(assignment.id, { type: 'END', kind: 'DONE', at });
    const endsRound = assignment.role === WhistleRole.Lead && (action === AssignmentAction.Return || action === AssignmentAction.Resolve);
    if (endsRound) {
      const others = await manager.find(WhistleAssignmentEntity, {
        where: { requestId: assignment.requestId, round: assignment.round, id: Not(assignment.id) },
        select: { id: true, state: true },
      });
      for (const other of others) {
        const kind = END_OF[other.state];
        if (kind) add(other.id, { type: 'END', kind, at });
      }
    }
    if (steps.size === 0) return;
    await writeRollups(manager, rollupRows(await this.applyToAssignments(manager, steps)));
  }

  /**
   * The sweeper recorded misses (one per clock turned RED) in a batch: overdue counts; late 响应/办结 decisions of the
   * items; late 报到 of the departments' assignments. One facts read and one write per table for the whole batch.
   */
  async missed(manager: EntityManager, misses: readonly RecordedMiss[], requests: ReadonlyMap<number, RecordedRequest>): Promise<void> {
    const byRequest = new Map<number, ItemEvent[]>();
    for (const miss of misses) {
      const departmentId = miss.unitType === DeadlineUnitType.Department ? miss.unitId : null;
      byRequest.set(miss.requestId, [...(byRequest.get(miss.requestId) ?? []), { type: 'MISS', kind: miss.kind, dueAt: miss.dueAt, departmentId }]);
    }
    const items = [...byRequest]
      .filter(([id]) => requests.has(id))
      .map(([id, events]) => ({ request: requests.get(id) as RecordedRequest, events: events.sort((a, b) => dueOf(a) - dueOf(b)) }));
    const deltas = await this.itemDeltas(manager, items);

    const reportMisses = misses.filter((m) => m.kind === DeadlineKind.Report && m.unitType === DeadlineUnitType.Department);
    if (reportMisses.length > 0) {
      const assignments = await manager.find(WhistleAssignmentEntity, {
        where: { requestId: In([...new Set(reportMisses.map((m) => m.requestId))]) },
        select: { id: true, requestId: true, departmentId: true, notifiedAt: true },
      });
      const steps = new Map<number, AssignmentEvent[]>();
      for (const miss of reportMisses) {
        const candidates = assignments.filter((a) => a.requestId === miss.requestId).map((a) => ({ ...a, assignmentId: a.id }));
        const match = matchReportMiss(candidates, miss.unitId, miss.dueAt);
        if (match) steps.set(match.id, [...(steps.get(match.id) ?? []), { type: 'REPORT_MISS', dueAt: miss.dueAt }]);
      }
      mergeDeltas(deltas, await this.applyToAssignments(manager, steps));
    }
    await writeRollups(manager, rollupRows(deltas));
  }

  private async applyToItems(manager: EntityManager, items: readonly { request: RecordedRequest; events: ItemEvent[] }[]): Promise<void> {
    await writeRollups(manager, rollupRows(await this.itemDeltas(manager, items)));
  }

  /** Runs the events through the reducer against the current facts; writes the facts that changed; returns the deltas. */
  private async itemDeltas(manager: EntityManager, items: readonly { request: RecordedRequest; events: ItemEvent[] }[]): Promise<Deltas> {
    const deltas = noDeltas();
    const needed = items.filter((item) => item.events.some(changesFacts)).map((item) => item.request.id);
    const stored = await loadItemFacts(manager, needed);
    const changed: ItemFacts[] = [];
    for (const { request, events } of items) {
      const before = stored.get(request.id) ?? newItemFacts(request.id, scopeOf(request), request.createdAt);
      let facts = before;
      for (const event of events) {
        const result = applyItemEvent(facts, event);
        facts = result.facts;
        mergeDeltas(deltas, result.deltas);
      }
      if (!sameFacts(before, facts)) changed.push(facts);
    }
    await saveItemFacts(manager, changed);
    return deltas;
  }

  private async applyToAssignments(manager: EntityManager, steps: ReadonlyMap<number, AssignmentEvent[]>): Promise<Deltas> {
    const deltas = noDeltas();
    if (steps.size === 0) return deltas;
    const facts = await loadAssignmentFacts(manager, { assignmentIds: [...steps.keys()] });
    const changed: AssignmentFacts[] = [];
    for (const before of facts) {
      let current = before;
      for (const event of steps.get(before.assignmentId) ?? []) {
        const result = applyAssignmentEvent(current, event);
        current = result.facts;
        mergeDeltas(deltas, result.deltas);
      }
      if (!sameFacts(before, current)) changed.push(current);
    }
    await saveAssignmentFacts(manager, changed);
    return deltas;
  }

  private async itemEventOf(
    manager: EntityManager,
    request: RecordedRequest,
    action: RequestAction,
    at: Date,
    rating: Rating | undefined,
    departmentId: number | null,
  ): Promise<ItemEvent | null> {
    switch (action) {
      case RequestAction.Whistle:
        return { type: 'WHISTLE', at };
      case RequestAction.Accept:
        return { type: 'ACCEPT', at };
      case RequestAction.Reject:
        return { type: 'REJECT', at };
      case RequestAction.Cancel:
        return { type: 'CANCEL', at };
      case RequestAction.Resolve:
        // the lead department's 办结 carries its department (a holder's: null)
        return { type: 'RESOLVE', at, departmentId };
      case RequestAction.CloseUnrated:
        return { type: 'CLOSE_UNRATED', at };
      case RequestAction.Rate:
      case RequestAction.ReturnVisitRate: {
        if (!rating) return null;
        // the department whose 办结 was the latest before this rating (null when staff resolved it)
        const latest = await manager.findOne(TimelineEventEntity, {
          where: { requestId: request.id, action: RequestAction.Resolve },
          order: { id: 'DESC' },
          select: { id: true, departmentId: true },
        });
        return { type: 'RATE', at, rating, departmentId: latest?.departmentId ?? null };
      }
      default:
        return null;
    }
  }
}

const END_OF: Partial<Record<AssignmentState, AssignmentEnd>> = {
  [AssignmentState.Returned]: 'RETURNED',
  [AssignmentState.Done]: 'DONE',
  [AssignmentState.Recalled]: 'RECALLED',
};

/** Events that can change an item's stored facts (the others only add to counters). */
function changesFacts(event: ItemEvent): boolean {
  if (event.type === 'RATE' || event.type === 'CLOSE_UNRATED') return false;
  if (event.type === 'MISS') return event.kind === DeadlineKind.Accept || event.kind === DeadlineKind.Resolve;
  return true;
}

function dueOf(event: ItemEvent): number {
  return event.type === 'MISS' ? event.dueAt.getTime() : 0;
}

function scopeOf(request: RecordedRequest) {
  return { streetId: request.streetId, communityId: request.communityId, gridId: request.gridId, category: request.category, slot: slotOf(request.id) };
}
