import type { EnvReader } from '../../config/env-reader';

/** The background top-up that keeps recurring service slots materialised a year ahead, run inside every instance. Inject `SlotTopUpConfig`. */
export abstract class SlotTopUpConfig {
  abstract readonly enabled: boolean;
  abstract readonly intervalMs: number;
}

/** SLOT_TOPUP_ENABLED (default off under NODE_ENV=test), SLOT_TOPUP_INTERVAL_MS */
export function parseSlotTopUpConfig(env: EnvReader): SlotTopUpConfig {
  return {
    enabled: env.readBoolean('SLOT_TOPUP_ENABLED', env.nodeEnv !== 'test'),
    intervalMs: env.readInteger('SLOT_TOPUP_INTERVAL_MS', 3_600_000, 1000, 86_400_000),
  };
}
