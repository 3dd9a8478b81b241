import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Street } from '../geo/geo.entities';
import { DepartmentEntity, RoutingRuleEntity } from './department.entities';
import { DepartmentsAdminController, DepartmentsController } from './departments.controller';
import { DepartmentsService } from './departments.service';

/** Departments and co-building units, the routing table (category × street → departments), whistle settings. */
@Module({
  imports: [TypeOrmModule.forFeature([DepartmentEntity, RoutingRuleEntity, Street])],
  controllers: [DepartmentsController, DepartmentsAdminController],
  providers: [DepartmentsService],
  exports: [DepartmentsService],
})
export class DepartmentsModule {}
