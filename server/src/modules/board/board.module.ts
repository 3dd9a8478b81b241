import { Module } from '@nestjs/common';
import { GeoModule } from '../geo/geo.module';
import { MetricsModule } from '../metrics/metrics.module';
import { BoardController } from './board.controller';
import { BoardRatesService } from './board-rates.service';
import { BoardService } from './board.service';

/** 公示 (docs/board.md): the anonymised public board of a community and its current rates (from the metrics). */
@Module({
  imports: [GeoModule, MetricsModule],
  controllers: [BoardController],
  providers: [BoardService, BoardRatesService],
})
export class BoardModule {}
