import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { DepartmentEntity } from '../departments/department.entities';
import { Street } from '../geo/geo.entities';
import { WhistleAssignmentEntity } from './whistle-assignment.entity';
import { GeoModule } from '../geo/geo.module';
import { MetricsRecorderModule } from '../metrics/metrics-recorder.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UploadsModule } from '../uploads/uploads.module';
import { UsersModule } from '../users/users.module';
import { RatingEntity, RequestEntity, TimelineEventEntity } from './request.entities';
import { RequestFilingService } from './request-filing.service';
import { RequestLedger } from './request-ledger';
import { RequestListsService } from './request-lists.service';
import { RequestTransitionsService } from './request-transitions.service';
import { RequestViews } from './request-views.service';
import { RequestsController } from './requests.controller';
import { RoomResidentsService } from './room-residents.service';

/** The request aggregate (诉求): filing, transitions through RequestLedger, timeline, ratings, views, lists, the whistle assignments. */
@Module({
  imports: [
    // the whistle chain's assignments and departments are read by the request views (timeline, liaison access)
    TypeOrmModule.forFeature([RequestEntity, TimelineEventEntity, RatingEntity, WhistleAssignmentEntity, DepartmentEntity, Street]),
    GeoModule,
    UsersModule,
    UploadsModule,
    NotificationsModule,
    DeadlinesModule,
    MetricsRecorderModule,
  ],
  controllers: [RequestsController],
  providers: [RequestLedger, RequestFilingService, RequestTransitionsService, RequestViews, RequestListsService, RoomResidentsService],
  exports: [RequestLedger, RequestFilingService, RequestTransitionsService, RequestListsService, RequestViews, RoomResidentsService],
})
export class RequestsModule {}
