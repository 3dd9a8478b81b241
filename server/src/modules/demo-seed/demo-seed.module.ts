import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { MetricsModule } from '../metrics/metrics.module';
import { RequestsModule } from '../requests/requests.module';
import { ReviewModule } from '../review/review.module';
import { ServicesModule } from '../services/services.module';
import { DemoSeedService } from './demo-seed.service';

/** The demo community 明日星城社区: places, staff, services and example requests, filed through the real services. */
@Module({ imports: [DeadlinesModule, RequestsModule, ServicesModule, ReviewModule, MetricsModule], providers: [DemoSeedService] })
export class DemoSeedModule {}
