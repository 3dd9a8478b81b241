import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GeoModule } from '../geo/geo.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UploadsModule } from '../uploads/uploads.module';
import { UsersModule } from '../users/users.module';
import { RatingEntity, RequestEntity, TimelineEventEntity } from './request.entities';
import { RequestFilingService } from './request-filing.service';
import { RequestListsService } from './request-lists.service';
import { RequestTransitionsService } from './request-transitions.service';
import { RequestViews } from './request-views.service';
import { RequestsController } from './requests.controller';

@Module({
  imports: [
    TypeOrmModule.forFeature([RequestEntity, TimelineEventEntity, RatingEntity]),
    GeoModule,
    UsersModule,
    UploadsModule,
    NotificationsModule,
  ],
  controllers: [RequestsController],
  providers: [RequestFilingService, RequestTransitionsService, RequestViews, RequestListsService],
  exports: [RequestFilingService, RequestTransitionsService, RequestListsService],
})
export class RequestsModule {}
