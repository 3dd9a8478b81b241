import { Injectable } from '@nestjs/common';
import { DeadlineKind, DeadlineUnitType } from '@gezhi/shared';
import type { EntityManager } from 'typeorm';
import { ClockedRequest, DeadlineDraft, DeadlineService } from '../deadlines/deadline.service';
import type { WhistleAssignmentEntity } from '../requests/whistle-assignment.entity';

type DepartmentOf = Pick<WhistleAssignmentEntity, 'requestId' | 'departmentId'>;

/**
 * The whistle chain's ONE call site into the deadline engine (DeadlineService):
 *
 * - 部门报到: one REPORT clock per whistled department (unit DEPARTMENT, unitId = the department), spanning the
 *   policy's `reportMinutes` at the whistling level (2 working hours; 30 wall-clock minutes for 紧急). The
 *   assignment's `reportDueAt` is the due time of the same draft, so the two always agree.
 * - A department reporting in meets ITS clock only; a department that returns the item, or whose round ends
 *   (the lead returned or resolved it first), has its clock cancelled. The sweeper marks a missed one RED and
 *   records the miss against the department (never escalating: departments are not on the ladder).
 * - The street's own clocks follow the request's timeline events, moved by the request ledger (`clockStepsFor`):
 *   whistling meets its ACCEPT and FIRST_RESPONSE, its RESOLVE keeps running until the lead department resolves it.
 *
 * Every method takes the caller's EntityManager and is called before the request ledger writes the step
 * (clocks first, request second — the sweeper's order).
 */
@Injectable()
export class WhistleDeadlines {
  constructor(private readonly deadlines: DeadlineService) {}

  now(): Date {
    return this.deadlines.now();
  }

  /** The departments' REPORT clocks as they will open (read before the transaction; the policy is cached). */
  reportDrafts(request: ClockedRequest, departmentIds: readonly number[], now: Date): Promise<DeadlineDraft[]> {
    return this.deadlines.draftsForUnits(
      request,
      DeadlineKind.Report,
      departmentIds.map((unitId) => ({ unitType: DeadlineUnitType.Department, unitId })),
      now,
    );
  }

  /** 吹哨 (inside its transaction, before the request ledger writes the whistle): the departments' REPORT clocks start. */
  openReports(manager: EntityManager, drafts: readonly DeadlineDraft[]): Promise<void> {
    return this.deadlines.open(manager, drafts);
  }

  /** 报到: this department's REPORT clock is MET (even a red, already-missed one); the others keep running. */
  async reported(manager: EntityManager, assignment: DepartmentOf, now: Date): Promise<void> {
    await this.deadlines.meetForUnit(manager, assignment.requestId, DeadlineKind.Report, DeadlineUnitType.Department, assignment.departmentId, now);
  }

  /** The departments no longer owe a report: they returned the item, or their round ended (RECALLED). */
  async stopped(manager: EntityManager, assignments: readonly DepartmentOf[], now: Date): Promise<void> {
    for (const a of assignments) {
      await this.deadlines.cancelForUnit(manager, a.requestId, DeadlineKind.Report, DeadlineUnitType.Department, a.departmentId, now);
    }
  }
}
