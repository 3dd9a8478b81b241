import { ApiPropertyOptional } from '@nestjs/swagger';
import { MetricsScopeKind } from '@gezhi/shared';
import { IsEnum, IsInt, IsOptional, Matches, Min } from 'class-validator';
import { QueryInt } from '../../common/http/validation';

/** GET /api/metrics/report.xlsx: whose report (as GET /api/metrics) and which month. */
export class MetricsReportQueryDto {
  @ApiPropertyOptional({ enum: MetricsScopeKind, description: '默认：本人所在的网格 / 社区 / 街道 / 部门' })
  @IsOptional()
  @IsEnum(MetricsScopeKind)
  scope?: MetricsScopeKind;

  @ApiPropertyOptional({ description: 'grid / community / street / department id, or the grid leader’s user id' })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  id?: number;

  @ApiPropertyOptional({ example: '2026-11', description: 'YYYY-MM (default: the current month)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}$/)
  month?: string;
}
