import type { Logger } from '@nestjs/common';

export interface PeriodicJobSpec<T> {
  /** what the log calls a run ("deadline sweep" → "deadline sweep failed: …") */
  name: string;
  /** the owner's logger */
  logger: Logger;
  /** the pause from the end of one run to the start of the next */
  intervalMs: number;
  /** before the first run; 0 (the default) runs at once, at start-up */
  firstDelayMs?: number;
  /**
   * The work of one run. It must be safe with other instances running it on the same database at the same time:
   * it claims its rows with conditional writes (UPDATE … WHERE version / state / claim token, conditional DELETE),
   * never SKIP LOCKED or GET_LOCK. A long run checks `job.stopping` between batches.
   */
  run: (job: PeriodicJob<T>) => Promise<T>;
  /** after a run that succeeded (e.g. log what it did) */
  after?: (result: T) => void;
  /** the pending timer does not keep the process alive (default true) */
  unref?: boolean;
}

/**
 * A background loop of one instance: runs `run` at start-up (or after `firstDelayMs`), then `intervalMs` after each
 * run ends, never two runs at once in this instance (a `runOnce()` while a run is under way shares it). A failed run
 * is logged and the loop goes on. `stop()` cancels the next run and waits for the current one: owners call
 * `start()` from onApplicationBootstrap and `stop()` from beforeApplicationShutdown, while the database is still
 * open. Used by the deadline sweeper, the WeChat outbox sender, the slot top-up, the return-visit sweeper and the
 * orphan upload sweeper.
 */
export class PeriodicJob<T> {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<T> | null = null;
  private state: 'idle' | 'started' | 'stopped' = 'idle';

  constructor(private readonly spec: PeriodicJobSpec<T>) {}

  /** true once stop() was called: a run in progress ends after its current batch */
  get stopping(): boolean {
    return this.state === 'stopped';
  }

  start(): void {
    if (this.state !== 'idle') return;
    this.state = 'started';
    const delayMs = this.spec.firstDelayMs ?? 0;
    if (delayMs > 0) this.schedule(delayMs);
    else this.tick();
  }

  /** One run now; concurrent calls in this instance share the run under way. */
  runOnce(): Promise<T> {
    this.running ??= this.spec.run(this).finally(() => (this.running = null));
    return this.running;
  }

  async stop(): Promise<void> {
    this.state = 'stopped';
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => this.tick(), delayMs);
    if (this.spec.unref !== false) this.timer.unref();
  }

  private tick(): void {
    this.timer = null;
    if (this.state === 'stopped') return;
    void this.runOnce()
      .then((result) => this.spec.after?.(result))
      .catch((error: Error) => this.spec.logger.error(`${this.spec.name} failed: ${error.message}`, error.stack))
      .finally(() => {
        if (this.state !== 'stopped') this.schedule(this.spec.intervalMs);
      });
  }
}
