import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeadlineRules } from './deadline-rules.service';
import { DeadlineService } from './deadline.service';
import { CalendarDayEntity, DeadlineMissEntity, DeadlinePolicyEntity, RequestDeadlineEntity } from './deadline.entities';
import { DeadlinesAdminController } from './deadlines-admin.controller';
import { DeadlinesAdminService } from './deadlines-admin.service';

/** Request clocks (时限), the deadline policy and the working calendar; imported by requests and escalation. */
@Module({
  imports: [TypeOrmModule.forFeature([CalendarDayEntity, DeadlinePolicyEntity, RequestDeadlineEntity, DeadlineMissEntity])],
  controllers: [DeadlinesAdminController],
  providers: [DeadlineRules, DeadlineService, DeadlinesAdminService],
  exports: [DeadlineRules, DeadlineService],
})
export class DeadlinesModule {}
