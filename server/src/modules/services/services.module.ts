import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { GeoModule } from '../geo/geo.module';
import { RequestsModule } from '../requests/requests.module';
import { ServiceAsksController } from './service-asks.controller';
import { ServiceOfferingEntity, ServiceRecurrenceEntity, ServiceSlotEntity } from './service.entities';
import { ServiceCatalogueService } from './service-catalogue.service';
import { ServiceSlotsService } from './service-slots.service';
import { ServicesController } from './services.controller';
import { SlotTopUp } from './slot-top-up';

/** The service catalogue and its slots (issue 4); the working calendar comes from the deadlines module. */
@Module({
  imports: [TypeOrmModule.forFeature([ServiceOfferingEntity, ServiceRecurrenceEntity, ServiceSlotEntity]), GeoModule, DeadlinesModule, RequestsModule],
  // ServiceAsksController first: its static path must win over services/:id
  controllers: [ServiceAsksController, ServicesController],
  providers: [ServiceCatalogueService, ServiceSlotsService, SlotTopUp],
  exports: [ServiceCatalogueService, ServiceSlotsService],
})
export class ServicesModule {}
