import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays, BoardRates, ErrorCode, MetricsScopeKind, Rate, shanghaiDayOf } from '@gezhi/shared';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { Community } from '../geo/geo.entities';
import { MetricsService } from '../metrics/metrics.service';

/** How far back the board's rates look: the last 30 days up to today. */
export const BOARD_RATE_DAYS = 30;

/**
 * The community's current rates on the board, read from the metrics roll-ups (docs/metrics.md): the community
 * scope over the last 30 days up to today. The board is public to the community, so no metrics access check
 * applies (residents may not open the metrics themselves).
 */
@Injectable()
export class BoardRatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metrics: MetricsService,
    private readonly clock: Clock,
  ) {}

  async ratesOf(communityId: number): Promise<BoardRates> {
    const community = await this.dataSource.getRepository(Community).findOneBy({ id: communityId });
    if (!community) throw new DomainError(ErrorCode.NotFound);
    const to = shanghaiDayOf(this.clock.now());
    const from = addDays(to, -(BOARD_RATE_DAYS - 1));
    const periodLabel = `近${BOARD_RATE_DAYS}天`;
    const view = await this.metrics.metricsFor(
      {
        // the community scope as MetricsScopes.resolve(COMMUNITY) describes it
        scope: {
          kind: MetricsScopeKind.Community,
          id: community.id,
          name: community.name,
          streetId: community.streetId,
          communityIds: [community.id],
          gridIds: [],
          filter: { communityId: community.id },
        },
        category: null,
      },
      { from, to, label: periodLabel, days: BOARD_RATE_DAYS },
    );
    const requests = view.requests;
    const value = (rate: Rate | undefined) => rate?.value ?? null;
    return {
      from,
      to,
      periodLabel,
      responseRate: value(requests?.rates.response),
      resolutionRate: value(requests?.rates.resolution),
      onTimeRate: value(requests?.rates.onTimeResolution),
      satisfactionRate: value(requests?.rates.satisfaction),
      resolvedCount: requests?.counts.resolved ?? 0,
      filedCount: requests?.counts.received ?? 0,
    };
  }
}
