import { Global, Injectable, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@gezhi/shared';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { DatabaseTimeouts } from './database.config';
import { databaseErrorReason } from './database-errors';

interface Outage {
  since: number;
  reason: string;
  refused: number;
}

/**
 * What the API knows about its database between requests. The first request that finds the database unavailable
 * opens an outage: one log line, and from then on every /api request is answered 503 DATABASE_UNAVAILABLE at once
 * (no request waits on a dead or frozen database) while a probe (`SELECT 1`, every DATABASE_RETRY_MS) waits for it
 * to come back. When it answers, one line closes the outage with its length and the number of requests refused.
 */
@Injectable()
export class DatabaseAvailability implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private outage: Outage | null = null;
  private probeTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: DatabaseTimeouts,
  ) {}

  /** MariaDB also stops a statement server-side (max_statement_time, per session, in seconds) on each new connection. */
  onModuleInit(): void {
    if (this.dataSource.options.type !== 'mariadb') return;
    const seconds = this.config.statementMs / 1000;
    const pool = (this.dataSource.driver as unknown as { pool?: { on(event: 'connection', listener: (c: { query(sql: string): unknown }) => void): void } }).pool;
    pool?.on('connection', (connection) => connection.query(`SET SESSION max_statement_time = ${seconds}`));
  }

  get available(): boolean {
    return this.outage === null;
  }

  /** A request was refused because of the database (the error that showed it, or none while already out). */
  refused(error?: unknown): void {
    if (this.outage === null) {
      this.outage = { since: Date.now(), reason: error === undefined ? 'unknown' : databaseErrorReason(error), refused: 0 };
      this.logger.error(`database unavailable (${this.outage.reason}); answering 503 DATABASE_UNAVAILABLE and retrying every ${this.config.retryMs} ms`);
      this.scheduleProbe();
    }
    this.outage.refused++;
  }

  /**
   * One round trip, bounded by the statement timeout even where the driver's own timeout does not fire (a pooled
   * connection to a frozen server): the readiness check and the outage probe.
   */
  async ping(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(Object.assign(new Error('the database did not answer SELECT 1 in time'), { code: 'PROTOCOL_SEQUENCE_TIMEOUT' })),
        this.config.statementMs,
      );
    });
    const roundTrip = this.dataSource.query('SELECT 1');
    roundTrip.catch(() => undefined);
    try {
      await Promise.race([roundTrip, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Readiness: refused at once during an outage (the probe decides when it ends), a bounded round trip otherwise. */
  async ready(): Promise<void> {
    if (this.outage !== null) {
      this.outage.refused++;
      throw new DomainError(ErrorCode.DatabaseUnavailable);
    }
    await this.ping();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.probeTimer) clearTimeout(this.probeTimer);
  }

  private scheduleProbe(): void {
    if (this.stopped) return;
    this.probeTimer = setTimeout(() => {
      this.ping().then(
        () => this.ended(),
        () => this.scheduleProbe(),
      );
    }, this.config.retryMs);
    this.probeTimer.unref();
  }

  private ended(): void {
    const outage = this.outage;
    if (!outage) return;
    this.outage = null;
    const seconds = ((Date.now() - outage.since) / 1000).toFixed(1);
    this.logger.log(`database available again after ${seconds} s (${outage.reason}); ${outage.refused} requests were answered 503 meanwhile`);
  }
}

@Global()
@Module({ providers: [DatabaseAvailability], exports: [DatabaseAvailability] })
export class DatabaseAvailabilityModule {}
