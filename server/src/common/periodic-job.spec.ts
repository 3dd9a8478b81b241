import { Logger } from '@nestjs/common';
import { PeriodicJob } from './periodic-job';

describe('PeriodicJob', () => {
  const logger = { error: jest.fn(), log: jest.fn() } as unknown as Logger;
  const flush = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };

  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs at start-up, then intervalMs after each run ends, and never after stop()', async () => {
    const run = jest.fn(async () => 1);
    const job = new PeriodicJob({ name: 'test job', logger, intervalMs: 1000, run });
    job.start();
    await flush();
    expect(run).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(999);
    expect(run).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(2);
    await job.stop();
    await jest.advanceTimersByTimeAsync(5000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('waits firstDelayMs before the first run', async () => {
    const run = jest.fn(async () => 0);
    const job = new PeriodicJob({ name: 'test job', logger, intervalMs: 1000, firstDelayMs: 300, run });
    job.start();
    await flush();
    expect(run).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(300);
    expect(run).toHaveBeenCalledTimes(1);
    await job.stop();
  });

  it('shares a run under way with runOnce(), and stop() waits for it', async () => {
    let finish: (value: number) => void = () => undefined;
    const run = jest.fn(() => new Promise<number>((resolve) => (finish = resolve)));
    const job = new PeriodicJob({ name: 'test job', logger, intervalMs: 1000, run });
    const [a, b] = [job.runOnce(), job.runOnce()];
    expect(run).toHaveBeenCalledTimes(1);
    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    await flush();
    expect(job.stopping).toBe(true);
    expect(stopped).toBe(false);
    finish(7);
    await expect(Promise.all([a, b])).resolves.toEqual([7, 7]);
    await stopping;
    expect(stopped).toBe(true);
  });

  it('logs a failed run and goes on', async () => {
    const run = jest.fn().mockRejectedValueOnce(new Error('boom')).mockResolvedValue(0);
    const job = new PeriodicJob({ name: 'test job', logger, intervalMs: 1000, run });
    job.start();
    await flush();
    expect(logger.error).toHaveBeenCalledWith('test job failed: boom', expect.any(String));
    await jest.advanceTimersByTimeAsync(1000);
    expect(run).toHaveBeenCalledTimes(2);
    await job.stop();
  });
});
