import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { Clock, SystemClock } from '../common/clock';
import { AppConfig } from './app-config';
import { PasswordConfig } from '../modules/auth/passwords/password.config';
import { FilingQuotaConfig } from '../modules/requests/filing-quota.config';
import { UploadsConfig } from '../modules/uploads/uploads.config';
import { HomeBindingConfig } from '../modules/users/home-binding.config';
import { DatabaseTimeouts } from '../database/database.config';
import { AuthConfig } from '../modules/auth/auth.config';
import { MetricsConfig } from '../modules/metrics/metrics.config';
import { ReturnVisitConfig } from '../modules/return-visits/return-visit.config';
import { ReviewConfig } from '../modules/review/review.config';
import { SlotTopUpConfig } from '../modules/services/slot-top-up.config';
import { SweepConfig } from '../modules/escalation/sweep.config';
import { OutboxConfig } from '../modules/wechat-messages/outbox.config';
import { WechatConfig } from '../modules/wechat-messages/wechat.config';

export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * Provides the already-validated configuration and the Clock to every module: each concern under its own class
 * (inject `PasswordConfig`, `FilingQuotaConfig`, `UploadsConfig`, `HomeBindingConfig`, `DatabaseTimeouts`, `AuthConfig`, `WechatConfig`, `OutboxConfig`, `ReviewConfig`, `SweepConfig`, `MetricsConfig`, `SlotTopUpConfig`,
 * `ReturnVisitConfig`; each parsed by its module's `parse…Config`), the sections not yet split as the whole
 * AppConfig (inject with @Inject(APP_CONFIG)).
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, clock: Clock = new SystemClock()): DynamicModule {
    const { tokenSecret, tokenTtlSeconds, devLogin, sessionKeyKeys } = config;
    const { limits } = config;
    const concerns: Provider[] = [
      {
        provide: PasswordConfig,
        useValue: { scryptCost: config.passwords.scryptCost, loginPerAddress: limits.loginPerAddress, loginBackoffMaxSeconds: limits.loginBackoffMaxSeconds } satisfies PasswordConfig,
      },
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
      { provide: DatabaseTimeouts, useValue: config.databaseTimeouts },
      { provide: AuthConfig, useValue: { tokenSecret, tokenTtlSeconds, devLogin, sessionKeyKeys } satisfies AuthConfig },
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
      providers: [{ provide: APP_CONFIG, useValue: config }, { provide: Clock, useValue: clock }, ...concerns],
      exports: [APP_CONFIG, Clock, PasswordConfig, FilingQuotaConfig, UploadsConfig, HomeBindingConfig, DatabaseTimeouts, AuthConfig, WechatConfig, OutboxConfig, ReviewConfig, SweepConfig, MetricsConfig, SlotTopUpConfig, ReturnVisitConfig],
    };
  }
}
