import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MetricsBreakdown, MetricsItemsPage, MetricsTrend, MetricsView, RankingView } from '@gezhi/shared';
import { Permission } from '@gezhi/shared';
import { Requires } from '../../access/requires.decorator';
import { apiPath } from '../../common/http/api-paths';
import { CurrentUser } from '../auth/auth.decorators';
import type { User } from '../users/user.entity';
import { BreakdownQueryDto, MetricsItemsQueryDto, MetricsQueryDto, RankingQueryDto, TrendQueryDto } from './dto/metrics.dto';
import { MetricsItemsService } from './metrics-items.service';
import { MetricsService } from './metrics.service';

/** 数据: rates, trend, breakdowns, red/black lists, and the items behind every number (docs/metrics.md). */
@ApiTags('metrics')
@ApiBearerAuth()
@Requires(Permission.MetricsView)
@Controller(apiPath('metrics'))
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly items: MetricsItemsService,
  ) {}

  @Get()
  @ApiOperation({ summary: '一个网格/网格长/社区/街道/部门在一段时间内的数据（响应率、办结率、满意率…）' })
  view(@CurrentUser() user: User, @Query() query: MetricsQueryDto): Promise<MetricsView> {
    return this.metrics.view(user, query);
  }

  @Get('trend')
  @ApiOperation({ summary: '按周趋势' })
  trend(@CurrentUser() user: User, @Query() query: TrendQueryDto): Promise<MetricsTrend> {
    return this.metrics.trend(user, query);
  }

  @Get('breakdown')
  @ApiOperation({ summary: '按类别 / 社区 / 网格 / 部门分列' })
  breakdown(@CurrentUser() user: User, @Query() query: BreakdownQueryDto): Promise<MetricsBreakdown> {
    return this.metrics.breakdown(user, query);
  }

  @Get('rankings')
  @Requires(Permission.MetricsRanking)
  @ApiOperation({ summary: '月度红黑榜（网格或部门）' })
  rankings(@CurrentUser() user: User, @Query() query: RankingQueryDto): Promise<RankingView> {
    return this.metrics.rankings(user, query);
  }

  @Get('items')
  @ApiOperation({ summary: '一个数字背后的诉求（分页，个人信息已脱敏）' })
  list(@CurrentUser() user: User, @Query() query: MetricsItemsQueryDto): Promise<MetricsItemsPage> {
    return this.items.items(user, query);
  }
}
