import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEADLINE_KIND_LABELS, DeadlineState, DeadlineUnitType, NotificationKind, RequestAction } from '@gezhi/shared';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { Clock } from '../../common/clock';
import { PeriodicJob } from '../../common/periodic-job';
import { SweepConfig } from './sweep.config';
import { isLockConflict } from '../../database/lock-conflicts';
import { DeadlineMissEntity, RequestDeadlineEntity } from '../deadlines/deadline.entities';
import { DepartmentEntity } from '../departments/department.entities';
import { MetricsRecorder } from '../metrics/metrics-recorder';
import { NotificationsService } from '../notifications/notifications.service';
import { Notice, requestNotice } from '../notifications/request-notices';
import { mayPerform, SYSTEM } from '../requests/domain/transition-guard';
import { RequestEntity } from '../requests/request.entities';
import { liaisonsOf } from '../users/liaisons';
import { EscalationLadder } from './domain/escalation-ladder';
import { EscalationOrder, EscalationService } from './escalation.service';
import { LevelHolders } from '../geo/level-holders';

export interface SweepReport {
  /** clocks turned YELLOW (即将超时) */
  warned: number;
  /** clocks turned RED, each with one deadline_miss row */
  missed: number;
  /** requests escalated one level by the system */
  escalated: number;
  ms: number;
}

const RUNNING = [DeadlineState.Open, DeadlineState.Yellow];
const LOCK_CONFLICT_RETRIES = 5;

/**
 * 督办 and automatic escalation. Runs in every API instance (every SWEEP_INTERVAL_MS, and once at start-up so a
 * restart loses no deadline). Work is claimed with conditional UPDATEs only — never SELECT … FOR UPDATE (SKIP
 * LOCKED), which TiDB lacks:
 *
 * - yellow: `UPDATE request_deadline SET state = 'YELLOW' … WHERE id IN (…) AND state = 'OPEN'`;
 * - red: one transaction per batch: `UPDATE … SET state = 'RED', claimToken = <fresh uuid> WHERE id IN (…) AND
 *   state IN ('OPEN','YELLOW')` over every overdue clock of the batch's requests (so the escalation of a request
 *   never closes a sibling clock another batch has not claimed yet, losing its miss), then `SELECT … WHERE id IN (…) AND claimToken = <uuid>` tells exactly which rows
 *   this instance won; for those it records the miss, notifies, and escalates the request with its own version
 *   check (`UPDATE request … WHERE id = ? AND version = ?`). A competing instance's UPDATE of the same rows waits
 *   for this transaction and then matches nothing, so every miss is handled exactly once; a crash rolls the
 *   whole batch back to OPEN/YELLOW for the next sweep.
 */
@Injectable()
export class DeadlineSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeadlineSweeper.name);
  private readonly job: PeriodicJob<SweepReport>;

  constructor(
    private readonly config: SweepConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly escalation: EscalationService,
    private readonly notifications: NotificationsService,
    private readonly holders: LevelHolders,
    private readonly clock: Clock,
    private readonly metrics: MetricsRecorder,
  ) {
    // the first run at start-up: overdue items from the downtime are handled at once
    this.job = new PeriodicJob({ name: 'deadline sweep', logger: this.logger, intervalMs: config.intervalMs, unref: false, run: () => this.cycle() });
  }

  onApplicationBootstrap(): void {
    if (this.config.enabled) this.job.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }

  /** One full cycle; concurrent calls in one instance share the running cycle. */
  sweepOnce(): Promise<SweepReport> {
    return this.job.runOnce();
  }

  private async cycle(): Promise<SweepReport> {
    const started = Date.now();
    const now = this.clock.now();
    const warned = await this.warn(now);
    let missed = 0;
    let escalated = 0;
    const { batchSize } = this.config;
    const concurrency = this.dataSource.driver.options.type === 'better-sqlite3' ? 1 : this.config.concurrency;
    for (;;) {
      // several batches at once, each its own transaction: the work is round trips, not CPU, and claims are
      // per batch (claimToken), so concurrent batches — like concurrent instances — never handle a row twice
      const candidates = await this.candidates('dueAt', RUNNING, now, batchSize * concurrency);
      if (candidates.length === 0) break;
      const batches = Array.from({ length: Math.ceil(candidates.length / batchSize) }, (_, i) => candidates.slice(i * batchSize, (i + 1) * batchSize));
      const results = await Promise.all(batches.map((batch) => this.withRetries(() => this.handleMisses(batch, now))));
      for (const result of results) {
        missed += result.missed;
        escalated += result.escalated;
      }
      if (candidates.length < batchSize * concurrency) break;
    }
    const report = { warned, missed, escalated, ms: Date.now() - started };
    if (warned + missed > 0) this.logger.log(`sweep: warned=${warned} missed=${missed} escalated=${escalated} in ${report.ms} ms`);
    return report;
  }

  /** OPEN clocks past their warn time → YELLOW (即将超时), a batch per statement. */
  private async warn(now: Date): Promise<number> {
    let warned = 0;
    for (;;) {
      const ids = await this.candidates('warnAt', [DeadlineState.Open], now);
      if (ids.length === 0) return warned;
      const result = await this.withRetries(() =>
        this.dataSource
          .createQueryBuilder()
          .update(RequestDeadlineEntity)
          .set({ state: DeadlineState.Yellow, version: () => 'version + 1' })
          .where('id IN (:...ids) AND state = :open', { ids, open: DeadlineState.Open })
          .execute(),
      );
      warned += result.affected ?? 0;
      if (ids.length < this.config.batchSize) return warned;
    }
  }

  /** Ids of clocks in `states` whose `column` time has passed: a range of (state, warnAt) / (state, dueAt). */
  private async candidates(column: 'warnAt' | 'dueAt', states: DeadlineState[], now: Date, limit = this.config.batchSize): Promise<number[]> {
    const rows = await this.dataSource
      .getRepository(RequestDeadlineEntity)
      .createQueryBuilder('d')
      .select('d.id', 'id')
      .where('d.state IN (:...states)', { states })
      .andWhere(`d.${column} <= :now`, { now })
      .orderBy(`d.${column}`, 'ASC')
      .limit(limit)
      .getRawMany<{ id: number | string }>();
    return rows.map((r) => Number(r.id));
  }

  private async handleMisses(ids: number[], now: Date): Promise<{ missed: number; escalated: number }> {
    const work = (manager: EntityManager) => this.handleMissesWithin(manager, ids, now);
    return this.dataSource.driver.options.type === 'better-sqlite3'
      ? this.dataSource.transaction(work)
      : this.dataSource.transaction('READ COMMITTED', work);
  }

  private async handleMissesWithin(manager: EntityManager, ids: number[], now: Date): Promise<{ missed: number; escalated: number }> {
    const token = randomUUID();
    // The batch claims its clocks AND every other overdue running clock of the same requests: escalating a
    // request closes all its clocks at the old level (ESCALATED), so a sibling clock left for another batch
    // (or another instance) would be closed before it was claimed and its miss never recorded.
    const requestIds = (
      await manager.getRepository(RequestDeadlineEntity).find({ where: { id: In(ids) }, select: { id: true, requestId: true } })
    ).map((d) => d.requestId);
    if (requestIds.length === 0) return { missed: 0, escalated: 0 };
    const uniqueRequestIds = [...new Set(requestIds)];
    await manager
      .createQueryBuilder()
      .update(RequestDeadlineEntity)
      .set({ state: DeadlineState.Red, version: () => 'version + 1', claimToken: token })
      .where('requestId IN (:...requestIds) AND state IN (:...running) AND dueAt <= :now', { requestIds: uniqueRequestIds, running: RUNNING, now })
      .execute();
    const claimed = await manager.getRepository(RequestDeadlineEntity).find({ where: { requestId: In(uniqueRequestIds), claimToken: token } });
    if (claimed.length === 0) return { missed: 0, escalated: 0 };

    await manager
      .createQueryBuilder()
      .insert()
      .into(DeadlineMissEntity)
      .values(
        claimed.map((d) => ({
          deadlineId: d.id,
          requestId: d.requestId,
          kind: d.kind,
          unitType: d.unitType,
          unitId: d.unitId,
          level: d.level,
          dueAt: d.dueAt,
          detectedAt: now,
        })),
      )
      .updateEntity(false)
      .execute();

    const requests = new Map(
      (await manager.getRepository(RequestEntity).findBy({ id: In([...new Set(claimed.map((d) => d.requestId))]) })).map((r) => [r.id, r]),
    );
    const orders = new Map<number, EscalationOrder>();
    for (const deadline of claimed) {
      const request = requests.get(deadline.requestId);
      if (!request || orders.has(request.id)) continue;
      // still at the level that missed it, and the shared table still lets the system escalate it from its status
      const stillThere = request.level === deadline.level && mayPerform(RequestAction.Escalate, request, SYSTEM) !== null;
      if (stillThere && EscalationLadder.missEscalates(deadline.kind, deadline.level)) {
        orders.set(request.id, { request, reason: `超时未${DEADLINE_KIND_LABELS[deadline.kind]}，系统自动上报` });
      }
    }
    const escalated = new Set((await this.escalation.escalateWithin(manager, [...orders.values()], now)).map((r) => r.id));

    // 督办: the unit that missed it hears about it (a department: its liaisons, and the officer who whistled, who holds
    // the item); when the item did not go up, so does the level above
    const departments = await this.departmentsOf(manager, claimed);
    const notices: Notice[] = [];
    for (const deadline of claimed) {
      const request = requests.get(deadline.requestId);
      if (!request) continue;
      const department = deadline.unitType === DeadlineUnitType.Department ? departments.get(deadline.unitId) : undefined;
      const detail = department ? `${department.name}${DEADLINE_KIND_LABELS[deadline.kind]}已超时，已督办` : `${DEADLINE_KIND_LABELS[deadline.kind]}已超时`;
      for (const liaison of department?.liaisonUserIds ?? []) notices.push(requestNotice(liaison, NotificationKind.DeadlineMissed, request, detail));
      if (request.holderUserId !== null && request.level === deadline.level) {
        notices.push(requestNotice(request.holderUserId, NotificationKind.DeadlineMissed, request, detail));
      }
      const supervisorLevel = EscalationLadder.supervisorOf(deadline.level);
      if (!escalated.has(request.id) && supervisorLevel) {
        const supervisor = await this.holders.holderAt(supervisorLevel, request, manager);
        if (supervisor !== null && supervisor !== request.holderUserId) notices.push(requestNotice(supervisor, NotificationKind.DeadlineMissed, request, detail));
      }
    }
    await this.notifications.deliver(manager, notices, now);
    // 数据: overdue counts, late 响应/办结/报到 decisions — one facts read and one upsert per table for the batch
    await this.metrics.missed(manager, claimed, requests);
    return { missed: claimed.length, escalated: escalated.size };
  }

  /** Names and liaisons of the departments whose REPORT clocks (部门报到) are among the missed ones. */
  private async departmentsOf(manager: EntityManager, claimed: readonly RequestDeadlineEntity[]): Promise<Map<number, { name: string; liaisonUserIds: number[] }>> {
    const ids = [...new Set(claimed.filter((d) => d.unitType === DeadlineUnitType.Department).map((d) => d.unitId))];
    if (ids.length === 0) return new Map();
    const [departments, liaisons] = await Promise.all([
      manager.getRepository(DepartmentEntity).find({ where: { id: In(ids) }, select: { id: true, name: true } }),
      liaisonsOf(manager, ids),
    ]);
    return new Map(
      departments.map((d) => [d.id, { name: d.name, liaisonUserIds: liaisons.filter((l) => l.departmentId === d.id).map((l) => l.id) }]),
    );
  }

  /** A batch that lost a lock race was rolled back whole; run it again (its rows are claimable again). */
  private async withRetries<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (!isLockConflict(error) || attempt >= LOCK_CONFLICT_RETRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.floor(Math.random() * 30)));
      }
    }
  }
}
