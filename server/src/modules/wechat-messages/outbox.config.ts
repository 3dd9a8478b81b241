import type { EnvReader } from '../../config/env-reader';

/** The WeChat subscribe-message outbox sender that runs inside every API instance. Inject `OutboxConfig`. */
export abstract class OutboxConfig {
  abstract readonly senderEnabled: boolean;
  abstract readonly intervalMs: number;
  /** a row claimed longer ago than this (a crashed sender) becomes claimable again */
  abstract readonly leaseMs: number;
  abstract readonly batchSize: number;
}

/** OUTBOX_SENDER, OUTBOX_INTERVAL_MS, OUTBOX_LEASE_MS, OUTBOX_BATCH_SIZE */
export function parseOutboxConfig(env: EnvReader): OutboxConfig {
  return {
    senderEnabled: env.readBoolean('OUTBOX_SENDER', true),
    intervalMs: env.readInteger('OUTBOX_INTERVAL_MS', 5000, 100, 3_600_000),
    leaseMs: env.readInteger('OUTBOX_LEASE_MS', 120_000, 30_000, 3_600_000),
    batchSize: env.readInteger('OUTBOX_BATCH_SIZE', 20, 1, 100),
  };
}
