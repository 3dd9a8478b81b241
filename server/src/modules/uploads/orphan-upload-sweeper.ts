import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { PeriodicJob } from '../../common/periodic-job';
import { UploadsConfig } from './uploads.config';
import { UploadsService } from './uploads.service';

export interface OrphanSweepReport {
  /** photos this sweep deleted (row and file) */
  deleted: number;
  /** candidates another instance deleted, or that were attached, first */
  lost: number;
}

const BATCH_SIZE = 200;
const MAX_BATCHES_PER_SWEEP = 50;

/**
 * Deletes photos that were uploaded but never attached to a filing, note or report, once they are older than
 * ORPHAN_UPLOAD_MAX_AGE_HOURS (a day by default). Runs in every instance (every ORPHAN_SWEEP_INTERVAL_MS, and once at
 * start-up); each photo is claimed by a conditional DELETE (UploadsService.deleteOrphans), so with several instances
 * each orphan is deleted — and its file removed — exactly once, with no lock and no SKIP LOCKED. Time is the injected
 * Clock's.
 */
@Injectable()
export class OrphanUploadSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OrphanUploadSweeper.name);
  private readonly job: PeriodicJob<OrphanSweepReport>;

  constructor(
    private readonly config: UploadsConfig,
    private readonly uploads: UploadsService,
    private readonly clock: Clock,
  ) {
    this.job = new PeriodicJob({
      name: 'orphan upload sweep',
      logger: this.logger,
      intervalMs: config.orphanSweepIntervalMs,
      run: () => this.sweep(),
      after: (report) => report.deleted > 0 && this.logger.log(`deleted ${report.deleted} unattached photos`),
    });
  }

  onApplicationBootstrap(): void {
    if (this.config.orphanSweepEnabled) this.job.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }

  /** One sweep; concurrent calls in one instance share it (other instances compete by their conditional DELETEs). */
  sweepOnce(): Promise<OrphanSweepReport> {
    return this.job.runOnce();
  }

  private async sweep(): Promise<OrphanSweepReport> {
    const cutoff = new Date(this.clock.now().getTime() - this.config.orphanUploadMaxAgeHours * 3600_000);
    const report: OrphanSweepReport = { deleted: 0, lost: 0 };
    for (let batch = 0; batch < MAX_BATCHES_PER_SWEEP; batch++) {
      const { candidates, deleted } = await this.uploads.deleteOrphans(cutoff, BATCH_SIZE);
      report.deleted += deleted;
      report.lost += candidates - deleted;
      if (candidates < BATCH_SIZE || deleted === 0) break;
    }
    return report;
  }
}
