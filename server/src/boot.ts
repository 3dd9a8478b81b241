import { Logger, LoggerService, LogLevel } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ErrorCode } from '@gezhi/shared';
import Fastify, { FastifyInstance } from 'fastify';
import { createApp } from './app.factory';
import { seedDemoBeforeBoot } from './demo-seed-boot';
import type { Clock } from './common/clock';
import { envelopeFor } from './common/errors/error-envelope';
import type { AppConfig } from './config/app-config';
import { databaseErrorReason, isDatabaseUnavailable } from './database/database-errors';

export interface RunningServer {
  /** the Nest application once the database answered and the migrations ran (null while still waiting) */
  app(): NestFastifyApplication | null;
  /** resolves when the real application listens */
  ready: Promise<NestFastifyApplication>;
  close(): Promise<void>;
}

/**
 * Starts the API on config.port and never gives up on the database: when it is down at start-up, a stand-in
 * server answers on the same port (GET /health/live 200, everything else 503 DATABASE_UNAVAILABLE) while the
 * connection and the migrations are tried again every DATABASE_RETRY_MS; the outage is logged once at its start
 * and once at its end. Errors that are not the database's (a bad migration, a config mistake) still stop it.
 */
export function startServer(
  config: AppConfig,
  options: { logger?: LoggerService | LogLevel[] | false; clock?: Clock; host?: string } = {},
): RunningServer {
  const logger = new Logger('Boot');
  const host = options.host ?? '0.0.0.0';
  let app: NestFastifyApplication | null = null;
  let standby: FastifyInstance | null = null;
  let closed = false;

  const ready = (async () => {
    const since = Date.now();
    let attempts = 0;
    for (;;) {
      attempts++;
      try {
        // SEED_DEMO: the demo and its history are filed before the API (and its sweeper) starts
        await seedDemoBeforeBoot(config, options.clock);
        const created = await createApp(config, { logger: options.logger, clock: options.clock });
        if (closed) {
          await created.close();
          throw new Error('closed before the database came back');
        }
        if (standby) {
          await standby.close();
          standby = null;
          logger.log(`database reached after ${((Date.now() - since) / 1000).toFixed(1)} s and ${attempts} attempts; migrations ran`);
        }
        await created.listen({ port: config.port, host });
        app = created;
        return created;
      } catch (error) {
        if (closed || !isDatabaseUnavailable(error)) throw error;
        if (!standby) {
          logger.error(`database unavailable at start-up (${databaseErrorReason(error)}); answering 503 and retrying every ${config.databaseTimeouts.retryMs} ms`);
          standby = await listenStandby(config.port, host);
        }
        await new Promise((resolve) => setTimeout(resolve, config.databaseTimeouts.retryMs));
      }
    }
  })();
  ready.catch(() => undefined);

  return {
    app: () => app,
    ready,
    async close() {
      closed = true;
      await standby?.close();
      await app?.close();
    },
  };
}

async function listenStandby(port: number, host: string): Promise<FastifyInstance> {
  const standby = Fastify({ logger: false });
  standby.get('/health/live', async () => ({ status: 'ok', starting: true }));
  standby.setNotFoundHandler(async (_request, reply) => {
    const envelope = envelopeFor(ErrorCode.DatabaseUnavailable);
    return reply.status(envelope.status).header('Retry-After', '2').send({ ...envelope, retryAfterSeconds: 2 });
  });
  await standby.listen({ port, host });
  return standby;
}
