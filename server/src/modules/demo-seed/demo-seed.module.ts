import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { RequestsModule } from '../requests/requests.module';
import { ReviewModule } from '../review/review.module';
import { ServicesModule } from '../services/services.module';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [RequestsModule, ServicesModule, ReviewModule, MetricsModule], providers: [DemoSeedService] })
export class DemoSeedModule {}
