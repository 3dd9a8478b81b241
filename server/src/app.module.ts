import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Clock } from './common/clock';
import { ErrorEnvelopeFilter } from './common/http/error-envelope.filter';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseAvailabilityModule } from './database/database-availability';
import { dataSourceOptions } from './database/data-source-options';
import { AuthModule } from './modules/auth/auth.module';
import { DeadlinesModule } from './modules/deadlines/deadlines.module';
import { DemoSeedModule } from './modules/demo-seed/demo-seed.module';
import { EscalationModule } from './modules/escalation/escalation.module';
import { DepartmentsModule } from './modules/departments/departments.module';
import { GeoModule } from './modules/geo/geo.module';
import { MetricsModule } from './modules/metrics/metrics.module';
import { HealthModule } from './modules/health/health.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { RequestsModule } from './modules/requests/requests.module';
import { StaffModule } from './modules/staff/staff.module';
import { UploadsModule } from './modules/uploads/uploads.module';
import { UsersModule } from './modules/users/users.module';
import { WechatMessagesModule } from './modules/wechat-messages/wechat-messages.module';
import { WhistleModule } from './modules/whistle/whistle.module';
import { BookingsModule } from './modules/bookings/bookings.module';
import { ServicesModule } from './modules/services/services.module';
import { BoardModule } from './modules/board/board.module';
import { ReviewModule } from './modules/review/review.module';
import { MetricsReportModule } from './modules/metrics-report/metrics-report.module';
import { ReturnVisitsModule } from './modules/return-visits/return-visits.module';
import { RateLimitsModule } from './modules/rate-limits/rate-limits.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: { clock?: Clock } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, options.clock),
        // one attempt: when the database is down at boot, boot.ts keeps trying (answering 503) instead of exiting
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl, config.databaseTimeouts), retryAttempts: 1, toRetry: () => false }),
        DatabaseAvailabilityModule,
        HealthModule,
        RateLimitsModule,
        AuthModule,
        UsersModule,
        GeoModule,
        UploadsModule,
        NotificationsModule,
        WechatMessagesModule,
        RequestsModule,
        StaffModule,
        DeadlinesModule,
        EscalationModule,
        DepartmentsModule,
        WhistleModule,
        ServicesModule,
        BookingsModule,
        BoardModule,
        ReviewModule,
        MetricsReportModule,
        ReturnVisitsModule,
        MetricsModule,
        DemoSeedModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ErrorEnvelopeFilter }],
    };
  }
}
