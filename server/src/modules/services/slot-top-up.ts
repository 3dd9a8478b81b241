import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
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
export class SlotTopUp implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SlotTopUp.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly slots: ServiceSlotsService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.slotTopUp.enabled) return;
    const tick = (delay: number) => {
      this.timer = setTimeout(() => {
        if (this.stopped) return;
        this.running = this.slots
          .topUp()
          .then((moved) => moved > 0 && this.logger.log(`slot top-up: ${moved} recurring rules materialised further`))
          .catch((error) => this.logger.error(`slot top-up failed: ${(error as Error).message}`, (error as Error).stack))
          .finally(() => {
            this.running = null;
            if (!this.stopped) tick(this.config.slotTopUp.intervalMs);
          });
      }, delay);
      this.timer.unref();
    };
    tick(Math.min(FIRST_RUN_DELAY_MS, this.config.slotTopUp.intervalMs));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
