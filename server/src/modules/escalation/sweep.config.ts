import type { EnvReader } from '../../config/env-reader';

/** The deadline sweeper (督办 and automatic escalation), run inside every instance. Inject `SweepConfig`. */
export abstract class SweepConfig {
  abstract readonly enabled: boolean;
  abstract readonly intervalMs: number;
  abstract readonly batchSize: number;
  /** batches handled at once, each in its own transaction and connection (1 on SQLite: one writer) */
  abstract readonly concurrency: number;
}

/** SWEEP_ENABLED (default off under NODE_ENV=test), SWEEP_INTERVAL_MS, SWEEP_BATCH_SIZE, SWEEP_CONCURRENCY */
export function parseSweepConfig(env: EnvReader): SweepConfig {
  return {
    enabled: env.readBoolean('SWEEP_ENABLED', env.nodeEnv !== 'test'),
    intervalMs: env.readPositiveInt('SWEEP_INTERVAL_MS', 15_000),
    batchSize: env.readPositiveInt('SWEEP_BATCH_SIZE', 500),
    concurrency: env.readPositiveInt('SWEEP_CONCURRENCY', 4),
  };
}
