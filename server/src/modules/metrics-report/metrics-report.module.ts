import { Module } from '@nestjs/common';
import { GeoModule } from '../geo/geo.module';
import { MetricsModule } from '../metrics/metrics.module';
import { MetricsReportController } from './metrics-report.controller';
import { MetricsReportService } from './metrics-report.service';

/** 月报 (Excel, exceljs): GET /api/metrics/report.xlsx, the numbers of MetricsService per scope and the item list. */
@Module({
  imports: [MetricsModule, GeoModule],
  controllers: [MetricsReportController],
  providers: [MetricsReportService],
})
export class MetricsReportModule {}
