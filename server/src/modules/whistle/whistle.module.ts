import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { DepartmentsModule } from '../departments/departments.module';
import { MetricsRecorderModule } from '../metrics/metrics-recorder.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RequestEntity } from '../requests/request.entities';
import { RequestsModule } from '../requests/requests.module';
import { UploadsModule } from '../uploads/uploads.module';
import { LiaisonInboxService } from './liaison-inbox.service';
import { LiaisonController, RequestWhistleController, WhistleAssignmentsController } from './whistle.controller';
import { WhistleAssignmentEntity } from '../requests/whistle-assignment.entity';
import { WhistleDeadlines } from './whistle-deadlines';
import { WhistleService } from './whistle.service';

/** 街道吹哨、部门报到: whistle, report, progress, return, resolve; the liaison inbox. */
@Module({
  imports: [
    TypeOrmModule.forFeature([WhistleAssignmentEntity, RequestEntity]),
    RequestsModule,
    DeadlinesModule,
    DepartmentsModule,
    UploadsModule,
    NotificationsModule,
    MetricsRecorderModule,
  ],
  controllers: [RequestWhistleController, WhistleAssignmentsController, LiaisonController],
  providers: [WhistleService, LiaisonInboxService, WhistleDeadlines],
  exports: [WhistleService],
})
export class WhistleModule {}
