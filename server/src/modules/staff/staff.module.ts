import { Module } from '@nestjs/common';
import { GeoModule } from '../geo/geo.module';
import { RequestsModule } from '../requests/requests.module';
import { StaffController } from './staff.controller';
import { StaffRoomsService } from './staff.service';

/** The staff inbox (待办) and its counts, and the rooms in a staff member's area for filing on behalf. */
@Module({
  imports: [GeoModule, RequestsModule],
  controllers: [StaffController],
  providers: [StaffRoomsService],
})
export class StaffModule {}
