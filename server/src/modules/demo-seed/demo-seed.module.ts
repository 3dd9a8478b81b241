import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { EscalationModule } from '../escalation/escalation.module';
import { MetricsModule } from '../metrics/metrics.module';
import { RequestsModule } from '../requests/requests.module';
import { ReturnVisitsModule } from '../return-visits/return-visits.module';
import { ReviewModule } from '../review/review.module';
import { ServicesModule } from '../services/services.module';
import { WhistleModule } from '../whistle/whistle.module';
import { DemoHistory } from './demo-history';
import { DemoSeedService } from './demo-seed.service';

/**
 * The demo community 明日星城社区: places, staff, services, example requests and a few months of 数据 history, all
 * filed through the real services (the history on a manual clock, before the app boots: demo-seed-boot.ts).
 */
@Module({
  imports: [DeadlinesModule, RequestsModule, EscalationModule, WhistleModule, ReturnVisitsModule, ServicesModule, ReviewModule, MetricsModule],
  providers: [DemoSeedService, DemoHistory],
})
export class DemoSeedModule {}
