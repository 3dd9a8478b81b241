import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RequestStatus } from '@gezhi/shared';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { PeriodicJob } from '../../common/periodic-job';
import { ReturnVisitConfig } from './return-visit.config';
import { RequestEntity } from '../requests/request.entities';
import { RequestTransitionsService } from '../requests/request-transitions.service';
import { ReturnVisitPolicy, unratedCloseCutoff } from './domain/return-visit-rules';

export interface ReturnVisitSweepReport {
  /** items closed unrated (未评价) by this sweep */
  closed: number;
  /** candidates another writer changed first (rated, visited, or closed by another instance) */
  lost: number;
  ms: number;
}

/**
 * 未评价办结: closes items nobody rated within RETURN_VISIT_UNRATED_CLOSE_DAYS of their 办结. Runs in every API
 * instance (every RETURN_VISIT_SWEEP_INTERVAL_MS, and once at start-up). No locks are taken: candidates are read
 * (`status = 'RESOLVED' AND resolvedAt <= cutoff`, IDX_request_status_resolved), then each is claimed by the request's
 * own conditional write `UPDATE request … WHERE id = ? AND version = <as read>` inside
 * RequestTransitionsService.closeUnrated, with its timeline event and metrics in the same transaction. A competing
 * instance's UPDATE of the same row waits for that transaction and then matches nothing (the version moved on), so
 * each item is closed — and counted — exactly once; a rating or return visit that lands first wins the same way.
 */
@Injectable()
export class ReturnVisitSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReturnVisitSweeper.name);
  private readonly policy: ReturnVisitPolicy;
  private readonly job: PeriodicJob<ReturnVisitSweepReport>;

  constructor(
    private readonly config: ReturnVisitConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transitions: RequestTransitionsService,
    private readonly clock: Clock,
  ) {
    this.policy = { afterDays: config.afterDays, unratedCloseDays: config.unratedCloseDays };
    this.job = new PeriodicJob({ name: 'return-visit sweep', logger: this.logger, intervalMs: config.intervalMs, unref: false, run: () => this.cycle() });
  }

  onApplicationBootstrap(): void {
    if (this.config.sweepEnabled) this.job.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }

  /** One full cycle; concurrent calls in one instance share the running cycle (other instances compete by claims). */
  sweepOnce(): Promise<ReturnVisitSweepReport> {
    return this.job.runOnce();
  }

  private async cycle(): Promise<ReturnVisitSweepReport> {
    const started = Date.now();
    const now = this.clock.now();
    const { batchSize } = this.config;
    let closed = 0;
    let lost = 0;
    let afterId = 0;
    for (;;) {
      // id order with a moving lower bound: a candidate lost to another writer is not read again in this cycle
      const candidates = await this.candidates(now, afterId);
      const result = await this.closeEach(candidates, now);
      closed += result.closed;
      lost += result.lost;
      if (candidates.length < batchSize) break;
      afterId = candidates[candidates.length - 1].id;
    }
    const report = { closed, lost, ms: Date.now() - started };
    if (closed + lost > 0) this.logger.log(`return-visit sweep: closed=${closed} lost=${lost} in ${report.ms} ms`);
    return report;
  }

  /** Up to a batch of items due to close unrated at `now`, with the version each is claimed by. */
  candidates(now: Date, afterId = 0): Promise<RequestEntity[]> {
    return this.dataSource
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .where('r.status = :resolved', { resolved: RequestStatus.Resolved })
      .andWhere('r.resolvedAt <= :cutoff', { cutoff: unratedCloseCutoff(now, this.policy) })
      .andWhere('r.id > :afterId', { afterId })
      .orderBy('r.id', 'ASC')
      .limit(this.config.batchSize)
      .getMany();
  }

  /** Claims and closes each candidate as read (its own transaction each); a candidate changed since is lost, untouched. */
  async closeEach(candidates: readonly RequestEntity[], now: Date): Promise<{ closed: number; lost: number }> {
    let closed = 0;
    for (const request of candidates) {
      if (await this.transitions.closeUnrated(request, this.policy, now)) closed++;
    }
    return { closed, lost: candidates.length - closed };
  }
}
