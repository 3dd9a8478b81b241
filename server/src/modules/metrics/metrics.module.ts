import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { MetricsItemsService } from './metrics-items.service';
import { MetricsReader } from './metrics-reader';
import { MetricsRecompute } from './metrics-recompute';
import { MetricsRecorderModule } from './metrics-recorder.module';
import { MetricsScopes } from './metrics-scopes';
import { MetricsService } from './metrics.service';

/**
 * 数据 (docs/metrics.md): the read side over the roll-ups (MetricsService, also for other features such as the public
 * board), the items behind the numbers, and MetricsRecompute (full rebuild / verification). The write side is
 * MetricsRecorderModule, imported by the write paths themselves.
 */
@Module({
  imports: [MetricsRecorderModule],
  controllers: [MetricsController],
  providers: [MetricsService, MetricsItemsService, MetricsReader, MetricsScopes, MetricsRecompute],
  exports: [MetricsService, MetricsRecompute, MetricsRecorderModule],
})
export class MetricsModule {}
