import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { GeoModule } from '../geo/geo.module';
import { MetricsRecorderModule } from '../metrics/metrics-recorder.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RequestsModule } from '../requests/requests.module';
import { UsersModule } from '../users/users.module';
import { DeadlineSweeper } from './deadline-sweeper';
import { EscalationController, ExtensionsController } from './escalation.controller';
import { EscalationService } from './escalation.service';
import { DeadlineExtensionEntity } from './extension.entity';
import { ExtensionsService } from './extensions.service';

/** 上报 (manual and automatic), 延期, and the deadline sweeper (督办). */
@Module({
  imports: [TypeOrmModule.forFeature([DeadlineExtensionEntity]), GeoModule, DeadlinesModule, RequestsModule, NotificationsModule, UsersModule, MetricsRecorderModule],
  controllers: [EscalationController, ExtensionsController],
  providers: [EscalationService, ExtensionsService, DeadlineSweeper],
  exports: [EscalationService, DeadlineSweeper],
})
export class EscalationModule {}
