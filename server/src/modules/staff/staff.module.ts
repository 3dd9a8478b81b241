import { Module } from '@nestjs/common';
import { GeoModule } from '../geo/geo.module';
import { RequestsModule } from '../requests/requests.module';
import { StaffController } from './staff.controller';
import { StaffRoomsService } from './staff.service';

@Module({
  imports: [GeoModule, RequestsModule],
  controllers: [StaffController],
  providers: [StaffRoomsService],
})
export class StaffModule {}
