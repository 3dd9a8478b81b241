/**
 * The time as the application sees it. Inject `Clock` instead of calling `new Date()` where time decides
 * behaviour (lockouts, retry backoff, deadlines), so tests can move time forward without mocking anything:
 * `bootTestApp(env, { clock: new ManualClock(...) })`.
 */
export abstract class Clock {
  abstract now(): Date;
}

/** The wall clock: production and every test that does not care about time. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that only moves when told to (tests). It starts at a given instant, never at the wall clock's. */
export class ManualClock extends Clock {
  private current: number;

  constructor(start: Date) {
    super();
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(at: Date): void {
    this.current = at.getTime();
  }

  advance(milliseconds: number): Date {
    this.current += milliseconds;
    return this.now();
  }
}
