import { writeFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';

/**
 * The journeys' clock. The server runs under libfaketime reading its time from a file, and every browser context
 * gets Playwright's clock at the same instant, so a journey happens on a named day whatever day CI runs it (the
 * 9th-of-month haircut is served on the 9th, deadlines fall on working days), and can move on to another day.
 */

/** Monday 2026-12-07 10:00 in Beijing: a working day, the instant the server tests start from (WEEKDAY_MORNING) */
export const JOURNEY_START = '2026-12-07 10:00:00';

/** libfaketime reads the file at most once per this many seconds */
const FAKETIME_CACHE_SECONDS = 1;

/** '2026-12-09 09:00:00' read as Beijing time */
export function beijing(instant: string): Date {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(instant)) throw new Error(`not a 'YYYY-MM-DD HH:mm:ss' instant: ${instant}`);
  return new Date(`${instant.replace(' ', 'T')}+08:00`);
}

export class JourneyClock {
  private setTo: Date;
  private setAtRealMs: number;
  private readonly contexts: BrowserContext[] = [];

  constructor(
    /** the file named by FAKETIME_TIMESTAMP_FILE in the server's environment */
    readonly timestampFile: string,
    start: string = JOURNEY_START,
  ) {
    this.setTo = beijing(start);
    this.setAtRealMs = Date.now();
    this.writeFile(start);
  }

  /** libfaketime's environment for the server process: its clock starts at the file's instant and runs on */
  serverEnvironment(library: string): Record<string, string> {
    return {
      LD_PRELOAD: library,
      FAKETIME_TIMESTAMP_FILE: this.timestampFile,
      FAKETIME_CACHE_DURATION: String(FAKETIME_CACHE_SECONDS),
      // timers and timeouts keep real time
      FAKETIME_DONT_FAKE_MONOTONIC: '1',
      TZ: 'Asia/Shanghai',
    };
  }

  /** what the journey's clocks read now */
  now(): Date {
    return new Date(this.setTo.getTime() + (Date.now() - this.setAtRealMs));
  }

  /** gives a new browser context the journey's time (it runs on from there) */
  async attach(context: BrowserContext): Promise<void> {
    await context.clock.install({ time: this.now() });
    this.contexts.push(context);
  }

  /** moves the server and every open browser context to `instant` (Beijing time); the clocks run on from there */
  async set(instant: string): Promise<void> {
    this.setTo = beijing(instant);
    this.setAtRealMs = Date.now();
    this.writeFile(instant);
    for (const context of this.contexts) await context.clock.setSystemTime(this.setTo);
    // the server reads the file again within FAKETIME_CACHE_SECONDS
    await new Promise((resolve) => setTimeout(resolve, FAKETIME_CACHE_SECONDS * 1000 + 300));
  }

  private writeFile(instant: string): void {
    // '@' = the clock starts at this instant and runs on (libfaketime's "start at" form)
    writeFileSync(this.timestampFile, `@${instant}\n`);
  }
}
