import type { EnvReader } from '../../config/env-reader';

/** Requests a resident files per hour and per day (docs/operations.md#limits-and-abuse). Inject `FilingQuotaConfig`. */
export abstract class FilingQuotaConfig {
  abstract readonly filingsPerHour: number;
  abstract readonly filingsPerDay: number;
}

/** FILING_QUOTA_PER_HOUR, FILING_QUOTA_PER_DAY */
export function parseFilingQuotaConfig(env: EnvReader): FilingQuotaConfig {
  // tests file far more than a person would; suites that test the quota set it explicitly
  const relaxed = env.nodeEnv === 'test';
  return {
    filingsPerHour: env.readInteger('FILING_QUOTA_PER_HOUR', relaxed ? 10_000 : 20, 1, 1_000_000),
    filingsPerDay: env.readInteger('FILING_QUOTA_PER_DAY', relaxed ? 10_000 : 50, 1, 1_000_000),
  };
}
