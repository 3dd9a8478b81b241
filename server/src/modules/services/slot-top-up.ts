import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicJob } from '../../common/periodic-job';
import { SlotTopUpConfig } from './slot-top-up.config';
import { ServiceSlotsService } from './service-slots.service';

/** the first top-up waits a little after start-up (the demo seed and the first requests go first) */
const FIRST_RUN_DELAY_MS = 10_000;

/**
 * Keeps recurring rules materialised SERVICE_LIMITS.materialiseHorizonDays ahead, so that listing slots only reads
 * (ServiceSlotsService.topUp). Runs in every instance every SLOT_TOPUP_INTERVAL_MS (default hourly; a rule falls a
 * day behind per day, so each run writes at most a day's rows per rule). Idempotent across instances: unique
 * (ruleId, startsAt) and a materialisedUntil that only moves forward.
 */
@Injectable()
export class SlotTopUp implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SlotTopUp.name);
  private readonly job: PeriodicJob<number>;

  constructor(
    private readonly config: SlotTopUpConfig,
    private readonly slots: ServiceSlotsService,
  ) {
    this.job = new PeriodicJob({
      name: 'slot top-up',
      logger: this.logger,
      intervalMs: config.intervalMs,
      firstDelayMs: Math.min(FIRST_RUN_DELAY_MS, config.intervalMs),
      run: () => this.slots.topUp(),
      after: (moved) => moved > 0 && this.logger.log(`slot top-up: ${moved} recurring rules materialised further`),
    });
  }

  onApplicationBootstrap(): void {
    if (this.config.enabled) this.job.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }
}
