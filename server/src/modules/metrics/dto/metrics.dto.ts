import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BREAKDOWN_BYS,
  BreakdownBy,
  BreakdownQuery,
  ITEM_COUNT_KEYS,
  ItemCountKey,
  LIMITS,
  METRICS_LIMITS,
  MetricsItemsQuery,
  MetricsQuery,
  MetricsScopeKind,
  RANKING_KINDS,
  RankingKind,
  RankingQuery,
  RATE_KEYS,
  RateKey,
  RequestCategory,
} from '@gezhi/shared';
import { IsEnum, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { QueryInt } from '../../../common/http/validation';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

/** GET /api/metrics (and the trend, breakdown and items): whose numbers, for when, optionally one category. */
export class MetricsQueryDto implements MetricsQuery {
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

  @ApiPropertyOptional({ example: '2026-11', description: 'a month (YYYY-MM); not with from/to' })
  @IsOptional()
  @Matches(MONTH)
  month?: string;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'first day (YYYY-MM-DD, Asia/Shanghai), with `to`' })
  @IsOptional()
  @Matches(DAY)
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: `last day, inclusive; at most ${METRICS_LIMITS.maxPeriodDays} days` })
  @IsOptional()
  @Matches(DAY)
  to?: string;

  @ApiPropertyOptional({ enum: RequestCategory, description: '类别 filter' })
  @IsOptional()
  @IsEnum(RequestCategory)
  category?: RequestCategory;
}

export class TrendQueryDto extends MetricsQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: METRICS_LIMITS.maxTrendWeeks, default: METRICS_LIMITS.defaultTrendWeeks, description: 'without a period: the last N weeks' })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(METRICS_LIMITS.maxTrendWeeks)
  weeks?: number;
}

export class BreakdownQueryDto extends MetricsQueryDto implements BreakdownQuery {
  @ApiProperty({ enum: BREAKDOWN_BYS })
  @IsIn(BREAKDOWN_BYS)
  by: BreakdownBy;
}

export class RankingQueryDto implements RankingQuery {
  @ApiPropertyOptional({ example: '2026-10', description: 'default: the previous month' })
  @IsOptional()
  @Matches(MONTH)
  month?: string;

  @ApiProperty({ enum: RANKING_KINDS })
  @IsIn(RANKING_KINDS)
  kind: RankingKind;

  @ApiPropertyOptional({ enum: [MetricsScopeKind.Street, MetricsScopeKind.Community], description: 'default: the viewer’s street or community' })
  @IsOptional()
  @IsIn([MetricsScopeKind.Street, MetricsScopeKind.Community])
  scope?: MetricsScopeKind.Street | MetricsScopeKind.Community;

  @ApiPropertyOptional()
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  id?: number;
}

export class MetricsItemsQueryDto extends MetricsQueryDto implements MetricsItemsQuery {
  @ApiPropertyOptional({ enum: RATE_KEYS, description: 'the items in this rate’s denominator (each marked hit or miss)' })
  @IsOptional()
  @IsIn(RATE_KEYS)
  rate?: RateKey;

  @ApiPropertyOptional({ enum: ITEM_COUNT_KEYS, description: 'the items behind this count' })
  @IsOptional()
  @IsIn(ITEM_COUNT_KEYS)
  count?: ItemCountKey;

  @ApiPropertyOptional({ enum: ['HIT', 'MISS'], description: 'with `rate`: only those in (HIT) / not in (MISS) the numerator' })
  @IsOptional()
  @IsIn(['HIT', 'MISS'])
  outcome?: 'HIT' | 'MISS';

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: LIMITS.pageSizeMax, default: LIMITS.pageSizeDefault })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(LIMITS.pageSizeMax)
  pageSize?: number;
}
