import { Abstract, DynamicModule, Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from '../common/clock';
import { AppConfig } from './app-config';
import { DatabaseTimeouts } from '../database/database.config';
import { AuthConfig } from '../modules/auth/auth.config';
import { PasswordConfig } from '../modules/auth/passwords/password.config';
import { DemoSeedConfig } from '../modules/demo-seed/demo-seed.config';
import { SweepConfig } from '../modules/escalation/sweep.config';
import { MetricsConfig } from '../modules/metrics/metrics.config';
import { FilingQuotaConfig } from '../modules/requests/filing-quota.config';
import { ReturnVisitConfig } from '../modules/return-visits/return-visit.config';
import { ReviewConfig } from '../modules/review/review.config';
import { SlotTopUpConfig } from '../modules/services/slot-top-up.config';
import { UploadsConfig } from '../modules/uploads/uploads.config';
import { HomeBindingConfig } from '../modules/users/home-binding.config';
import { OutboxConfig } from '../modules/wechat-messages/outbox.config';
import { WechatConfig } from '../modules/wechat-messages/wechat.config';

/**
 * Provides the already-validated configuration and the Clock to every module, each concern under its own class
 * (parsed and validated by its module's `parse…Config(env)`, composed by parseConfig): a service injects only the
 * concern it uses. The whole AppConfig is not injectable; only the composition root (main, boot, app.factory,
 * app.module) reads it.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, clock: Clock = new SystemClock()): DynamicModule {
    const { limits, tokenSecret, tokenTtlSeconds, devLogin, sessionKeyKeys } = config;
    const concerns: { provide: Abstract<unknown>; useValue: unknown }[] = [
      { provide: DatabaseTimeouts, useValue: config.databaseTimeouts },
      { provide: AuthConfig, useValue: { tokenSecret, tokenTtlSeconds, devLogin, sessionKeyKeys } satisfies AuthConfig },
      {
        provide: PasswordConfig,
        useValue: { scryptCost: config.passwords.scryptCost, loginPerAddress: limits.loginPerAddress, loginBackoffMaxSeconds: limits.loginBackoffMaxSeconds } satisfies PasswordConfig,
      },
      { provide: DemoSeedConfig, useValue: { seedDemo: config.seedDemo, isProduction: config.isProduction, nodeEnv: config.nodeEnv } satisfies DemoSeedConfig },
      { provide: FilingQuotaConfig, useValue: { filingsPerHour: limits.filingsPerHour, filingsPerDay: limits.filingsPerDay } satisfies FilingQuotaConfig },
      {
        provide: UploadsConfig,
        useValue: {
          uploadDir: config.uploadDir,
          photos: config.photos,
          uploadsPerHour: limits.uploadsPerHour,
          orphanSweepEnabled: limits.orphanSweepEnabled,
          orphanSweepIntervalMs: limits.orphanSweepIntervalMs,
          orphanUploadMaxAgeHours: limits.orphanUploadMaxAgeHours,
        } satisfies UploadsConfig,
      },
      { provide: HomeBindingConfig, useValue: { homeChanges: limits.homeChanges, homeChangeWindowDays: limits.homeChangeWindowDays } satisfies HomeBindingConfig },
      { provide: WechatConfig, useValue: config.wechat },
      { provide: OutboxConfig, useValue: config.outbox },
      { provide: ReviewConfig, useValue: config.review },
      { provide: SweepConfig, useValue: config.sweep },
      { provide: MetricsConfig, useValue: config.metrics },
      { provide: SlotTopUpConfig, useValue: config.slotTopUp },
      { provide: ReturnVisitConfig, useValue: config.returnVisit },
    ];
    return {
      module: ConfigModule,
      providers: [{ provide: Clock, useValue: clock }, ...concerns],
      exports: [Clock, ...concerns.map((concern) => concern.provide)],
    };
  }
}
