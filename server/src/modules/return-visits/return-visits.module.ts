import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GeoModule } from '../geo/geo.module';
import { RequestEntity, TimelineEventEntity } from '../requests/request.entities';
import { RequestsModule } from '../requests/requests.module';
import { ReturnVisitSweeper } from './return-visit-sweeper';
import { ReturnVisitsController, ReturnVisitsListController } from './return-visits.controller';
import { ReturnVisitsService } from './return-visits.service';

/** 回访: the 待回访 list, 电话回访 (ratings on the person's behalf, 联系不上), and the 未评价 close job. */
@Module({
  imports: [TypeOrmModule.forFeature([RequestEntity, TimelineEventEntity]), RequestsModule, GeoModule],
  controllers: [ReturnVisitsListController, ReturnVisitsController],
  providers: [ReturnVisitsService, ReturnVisitSweeper],
  exports: [ReturnVisitsService, ReturnVisitSweeper],
})
export class ReturnVisitsModule {}
