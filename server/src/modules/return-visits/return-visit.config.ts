import type { EnvReader } from '../../config/env-reader';

/** 回访 (docs/request-lifecycle.md#回访): return visits of unrated items and their automatic 未评价 close. Inject `ReturnVisitConfig`. */
export abstract class ReturnVisitConfig {
  /** an item resolved this many days ago and not rated is 待回访 */
  abstract readonly afterDays: number;
  /** an item resolved this many days ago and still not rated is closed unrated (未评价); more than afterDays */
  abstract readonly unratedCloseDays: number;
  /** the closing job, run inside every instance (claims by conditional UPDATE, exactly once across instances) */
  abstract readonly sweepEnabled: boolean;
  abstract readonly intervalMs: number;
  abstract readonly batchSize: number;
}

/** RETURN_VISIT_AFTER_DAYS, RETURN_VISIT_UNRATED_CLOSE_DAYS, RETURN_VISIT_SWEEP_ENABLED / _INTERVAL_MS / _BATCH_SIZE */
export function parseReturnVisitConfig(env: EnvReader): ReturnVisitConfig {
  const config: ReturnVisitConfig = {
    afterDays: env.readInteger('RETURN_VISIT_AFTER_DAYS', 3, 1, 60),
    unratedCloseDays: env.readInteger('RETURN_VISIT_UNRATED_CLOSE_DAYS', 7, 2, 365),
    sweepEnabled: env.readBoolean('RETURN_VISIT_SWEEP_ENABLED', env.nodeEnv !== 'test'),
    intervalMs: env.readInteger('RETURN_VISIT_SWEEP_INTERVAL_MS', 600_000, 1000, 86_400_000),
    batchSize: env.readInteger('RETURN_VISIT_SWEEP_BATCH_SIZE', 200, 1, 5000),
  };
  if (config.unratedCloseDays <= config.afterDays) {
    env.problem(
      `RETURN_VISIT_UNRATED_CLOSE_DAYS (${config.unratedCloseDays}) must be more than RETURN_VISIT_AFTER_DAYS (${config.afterDays}): staff need time to call`,
    );
  }
  return config;
}
