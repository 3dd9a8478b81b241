import type { EnvReader } from '../../config/env-reader';

/** 数据: answer caching and the 红黑榜 rule (docs/metrics.md). Inject `MetricsConfig`. */
export abstract class MetricsConfig {
  /** how long an instance reuses a computed metrics answer (0: never; docs/metrics.md#caching) */
  abstract readonly cacheMs: number;
  /** 红黑榜 (docs/metrics.md#rankings): fewer items than this in a unit's primary rate → 样本不足, not ranked */
  abstract readonly rankingMinSample: number;
  /** 红黑榜: the primary rate (percent) a unit needs to be on the red list and ahead of those below it */
  abstract readonly rankingPassPercent: number;
}

/** METRICS_CACHE_MS (default 0 under NODE_ENV=test), RANKING_MIN_SAMPLE, RANKING_PASS_PERCENT */
export function parseMetricsConfig(env: EnvReader): MetricsConfig {
  return {
    cacheMs: env.readInteger('METRICS_CACHE_MS', env.nodeEnv === 'test' ? 0 : 10_000, 0, 600_000),
    rankingMinSample: env.readInteger('RANKING_MIN_SAMPLE', 5, 1, 1000),
    rankingPassPercent: env.readInteger('RANKING_PASS_PERCENT', 80, 0, 100),
  };
}
