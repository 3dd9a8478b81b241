import { Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { Clock, ManualClock, SystemClock } from './common/clock';
import type { AppConfig } from './config/app-config';
import { DemoSeedService } from './modules/demo-seed/demo-seed.service';

const ALL_LEVELS: LogLevel[] = ['log', 'error', 'warn', 'debug', 'verbose', 'fatal'];

/**
 * SEED_DEMO on an empty database (not under NODE_ENV=test): the demo, with its months of 数据 history, is filed
 * through the real services in a short-lived application context of its own, before the API boots. Its Clock is a
 * ManualClock stepped through the history (then set to the present for the example requests) and its background
 * loops are off: the live deadline sweeper never sees a half-written history, and the history's sweeps (run by the
 * seed at each late item's due time) log nothing. The present it steps to is `present`'s — the app's own clock.
 * Does nothing when the database already holds a street.
 */
export async function seedDemoBeforeBoot(config: AppConfig, present: Clock = new SystemClock()): Promise<void> {
  if (!config.seedDemo || config.nodeEnv === 'test') return;
  const seeding: AppConfig = {
    ...config,
    // the context's own DemoSeedService hook stays idle: the seed is run below, with the clock
    seedDemo: false,
    sweep: { ...config.sweep, enabled: false },
    outbox: { ...config.outbox, senderEnabled: false },
    slotTopUp: { ...config.slotTopUp, enabled: false },
    returnVisit: { ...config.returnVisit, sweepEnabled: false },
    limits: { ...config.limits, orphanSweepEnabled: false },
  };
  const clock = new ManualClock(present.now());
  const levels = (Logger as unknown as { logLevels?: LogLevel[] }).logLevels ?? ALL_LEVELS;
  let summary: string | null = null;
  const context = await NestFactory.createApplicationContext(AppModule.forRoot(seeding, { clock }), { logger: ['error', 'warn', 'fatal'] });
  try {
    summary = await context.get(DemoSeedService).seedWithHistory(clock, present);
  } finally {
    await context.close();
    Logger.overrideLogger(levels);
  }
  if (summary) new Logger(DemoSeedService.name).log(summary);
}
