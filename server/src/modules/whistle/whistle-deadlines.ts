import { Injectable } from '@nestjs/common';
import { Urgency } from '@gezhi/shared';
import type { EntityManager } from 'typeorm';
import type { WhistleAssignmentEntity } from './whistle-assignment.entity';

/** 报到时限: 2 working hours normally, 30 minutes (wall clock) for 紧急. */
export const REPORT_MINUTES: Record<Urgency, number> = {
  [Urgency.Normal]: 120,
  [Urgency.Urgent]: 30,
};

/**
 * The whistle chain's ONE call site into the deadline engine (engineer A1's DeadlineService): a department's
 * REPORT clock is opened when it is whistled and stopped when it reports in, returns, or its round ends.
 *
 * Not wired yet: when this was written DeadlineService had no Nest module to inject and its `meet` closes every
 * REPORT clock of a request, not one department's. Until then `reportDueAt` is computed here on the wall clock
 * (it orders the liaison inbox) and the two hooks below do nothing. Wiring: `opened` → DeadlineService.open(manager,
 * [{ kind: REPORT, unitType: DEPARTMENT, unitId: departmentId, wallClock: urgent, startedAt, warnAt, dueAt, … }]);
 * `stopped` → DeadlineService.meet(manager, requestId, REPORT, now) narrowed to the department's unit.
 */
@Injectable()
export class WhistleDeadlines {
  /** When a department whistled at `now` must have reported in. */
  reportDueAt(urgency: Urgency, now: Date): Date {
    return new Date(now.getTime() + REPORT_MINUTES[urgency] * 60_000);
  }

  /** The departments' REPORT clocks start (inside the whistle's transaction). */
  async opened(_manager: EntityManager, _assignments: readonly WhistleAssignmentEntity[], _urgency: Urgency): Promise<void> {
    // A1 wiring point (see the class comment)
  }

  /** A department's REPORT clock stops: it reported in, returned, or its round ended (inside that transaction). */
  async stopped(_manager: EntityManager, _assignments: readonly Pick<WhistleAssignmentEntity, 'requestId' | 'departmentId'>[], _now: Date): Promise<void> {
    // A1 wiring point (see the class comment)
  }
}
