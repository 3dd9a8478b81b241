import { Module } from '@nestjs/common';
import { RequestsModule } from '../requests/requests.module';
import { ServicesModule } from '../services/services.module';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [RequestsModule, ServicesModule], providers: [DemoSeedService] })
export class DemoSeedModule {}
