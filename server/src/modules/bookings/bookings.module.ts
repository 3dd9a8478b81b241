import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GeoModule } from '../geo/geo.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UploadsModule } from '../uploads/uploads.module';
import { ServicesModule } from '../services/services.module';
import { BookingCustodyEventEntity, BookingEntity } from './booking.entity';
import { BookingsController } from './bookings.controller';
import { BookingsService } from './bookings.service';
import { ProviderVisitsController } from './provider-visits.controller';
import { ProviderVisitsService } from './provider-visits.service';

/** Residents' bookings of service slots and the providers' day plan (issue 4). */
@Module({
  imports: [TypeOrmModule.forFeature([BookingEntity, BookingCustodyEventEntity]), GeoModule, ServicesModule, NotificationsModule, UploadsModule],
  controllers: [BookingsController, ProviderVisitsController],
  providers: [BookingsService, ProviderVisitsService],
})
export class BookingsModule {}
