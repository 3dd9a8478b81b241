import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import * as os from 'node:os';
import { DataSource, In } from 'typeorm';
import { Clock } from '../../common/clock';
import { PeriodicJob } from '../../common/periodic-job';
import { OutboxConfig } from './outbox.config';
import { User } from '../users/user.entity';
import { OutboxState } from './domain/outbox-state';
import { classifySendResult, MAX_SEND_ATTEMPTS, nextAttemptAfterFailure, USER_REFUSED } from './domain/retry-schedule';
import { OutboxWriter } from './outbox-writer';
import { UNREACHABLE, WechatMessageClient } from './wechat-message-client';
import { WechatOutboxMessage, WechatSubscription } from './wechat-messages.entities';

export interface SendCycleReport {
  claimed: number;
  sent: number;
  failed: number;
  retrying: number;
  dead: number;
}

/** Full batches one timer tick works through before yielding to the next tick. */
const MAX_BATCHES_PER_TICK = 25;
const CLAIMABLE = [OutboxState.Pending, OutboxState.Sending];

/**
 * Sends queued WeChat subscribe messages. Runs inside every API instance (OUTBOX_SENDER, OUTBOX_INTERVAL_MS).
 * Work is claimed with a conditional UPDATE — `SET state = 'SENDING', claimedBy = <this cycle>, nextAttemptAt =
 * <lease end> WHERE id IN (…) AND state IN ('PENDING','SENDING') AND nextAttemptAt <= now` — and then read back
 * by claim token, so two instances never send the same row, with no SELECT … FOR UPDATE (TiDB, SQLite).
 * A SENDING row whose lease ran out (its sender died) is due again and claimed like a pending one.
 * Results are written only while this cycle still holds the claim (`WHERE claimedBy = <token>`).
 */
@Injectable()
export class OutboxSender implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxSender.name);
  private readonly instanceId = `${os.hostname().slice(0, 24)}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private cycle = 0;
  private readonly job: PeriodicJob<void>;

  constructor(
    private readonly config: OutboxConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly client: WechatMessageClient,
    private readonly writer: OutboxWriter,
  ) {
    this.job = new PeriodicJob({
      name: 'outbox cycle',
      logger: this.logger,
      intervalMs: config.intervalMs,
      firstDelayMs: config.intervalMs,
      run: (job) => this.tick(job),
    });
  }

  onApplicationBootstrap(): void {
    if (this.config.senderEnabled && this.writer.enabled) this.job.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }

  /** One run of the loop: batches until one comes back short (or the instance is stopping); never two at once on one instance. */
  private async tick(job: PeriodicJob<void>): Promise<void> {
    for (let batch = 0; batch < MAX_BATCHES_PER_TICK && !job.stopping; batch++) {
      const report = await this.sendOnce();
      if (report.claimed < this.config.batchSize) break;
    }
  }

  /** Claims one batch of due messages and sends them (in parallel). Public for tests and for operators' scripts. */
  async sendOnce(): Promise<SendCycleReport> {
    const report: SendCycleReport = { claimed: 0, sent: 0, failed: 0, retrying: 0, dead: 0 };
    const now = this.clock.now();
    report.dead += await this.buryAbandoned(now);
    const token = `${this.instanceId}:${++this.cycle}`;
    const claimed = await this.claim(token, now);
    report.claimed = claimed.length;
    if (claimed.length === 0) return report;
    const users = await this.dataSource.getRepository(User).find({
      select: { id: true, openid: true },
      where: { id: In([...new Set(claimed.map((m) => m.userId))]) },
    });
    const openids = new Map(users.map((u) => [u.id, u.openid]));
    const outcomes = await Promise.all(claimed.map((message) => this.sendOne(message, token, openids.get(message.userId) ?? null)));
    for (const outcome of outcomes) if (outcome) report[outcome] += 1;
    return report;
  }

  private async claim(token: string, now: Date): Promise<WechatOutboxMessage[]> {
    const repository = this.dataSource.getRepository(WechatOutboxMessage);
    const due = { states: CLAIMABLE, now, max: MAX_SEND_ATTEMPTS };
    const candidates = await repository
      .createQueryBuilder('message')
      .select('message.id', 'id')
      .where('message.state IN (:...states) AND message.nextAttemptAt <= :now AND message.attempts < :max', due)
      .orderBy('message.nextAttemptAt', 'ASC')
      .limit(this.config.batchSize)
      .getRawMany<{ id: number }>();
    if (candidates.length === 0) return [];
    const ids = candidates.map((c) => Number(c.id));
    await repository
      .createQueryBuilder()
      .update(WechatOutboxMessage)
      .set({
        state: OutboxState.Sending,
        claimedBy: token,
        claimedAt: now,
        nextAttemptAt: new Date(now.getTime() + this.config.leaseMs),
        attempts: () => 'attempts + 1',
        version: () => 'version + 1',
      })
      .where('id IN (:...ids) AND state IN (:...states) AND nextAttemptAt <= :now AND attempts < :max', { ...due, ids })
      .execute();
    return repository.findBy({ id: In(ids), claimedBy: token, state: OutboxState.Sending });
  }

  private async sendOne(message: WechatOutboxMessage, token: string, openid: string | null): Promise<keyof SendCycleReport | null> {
    if (!openid) return this.finish(message, token, { state: OutboxState.Failed, lastError: 'the user has no WeChat identity' });
    const result = await this.client.send({ touser: openid, template_id: message.templateId, page: message.page, data: message.data });
    const outcome = result.errcode === UNREACHABLE ? 'RETRY' : classifySendResult(result.errcode);
    const lastError = `${result.errcode} ${result.errmsg}`.slice(0, 200);
    if (outcome === 'SENT') return this.finish(message, token, { state: OutboxState.Sent, sentAt: this.clock.now(), lastError: null });
    if (outcome === 'FAILED') {
      if (result.errcode === USER_REFUSED) await this.forgetOptIns(message);
      this.logger.warn(`outbox #${message.id} failed for good: ${lastError}`);
      return this.finish(message, token, { state: OutboxState.Failed, lastError });
    }
    const retryAt = nextAttemptAfterFailure(message.attempts, this.clock.now());
    if (!retryAt) {
      this.logger.warn(`outbox #${message.id} dead after ${message.attempts} tries: ${lastError}`);
      return this.finish(message, token, { state: OutboxState.Dead, lastError });
    }
    return this.finish(message, token, { state: OutboxState.Pending, nextAttemptAt: retryAt, lastError });
  }

  /** Writes the result only if this cycle still holds the claim (a lease that ran out was taken over). */
  private async finish(
    message: WechatOutboxMessage,
    token: string,
    change: Partial<Pick<WechatOutboxMessage, 'state' | 'sentAt' | 'lastError' | 'nextAttemptAt'>> & { state: OutboxState },
  ): Promise<keyof SendCycleReport | null> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(WechatOutboxMessage)
      .set({ ...change, version: () => 'version + 1' })
      .where('id = :id AND claimedBy = :token AND state = :sending', { id: message.id, token, sending: OutboxState.Sending })
      .execute();
    if (result.affected !== 1) return null;
    const outcomes: Record<OutboxState, keyof SendCycleReport | null> = {
      [OutboxState.Sent]: 'sent',
      [OutboxState.Failed]: 'failed',
      [OutboxState.Pending]: 'retrying',
      [OutboxState.Dead]: 'dead',
      [OutboxState.Sending]: null,
    };
    return outcomes[change.state];
  }

  /** WeChat says the user has no opt-in (43101): our count was wrong (or they revoked it), so it is zero now. */
  private async forgetOptIns(message: WechatOutboxMessage): Promise<void> {
    await this.dataSource
      .getRepository(WechatSubscription)
      .update({ userId: message.userId, templateId: message.templateId }, { remaining: 0, updatedAt: this.clock.now() });
  }

  /** A row whose sender died during its last allowed try: it will not be tried again. */
  private async buryAbandoned(now: Date): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(WechatOutboxMessage)
      .set({ state: OutboxState.Dead, lastError: 'the sender stopped during the last try', version: () => 'version + 1' })
      .where('state = :sending AND nextAttemptAt <= :now AND attempts >= :max', { sending: OutboxState.Sending, now, max: MAX_SEND_ATTEMPTS })
      .execute();
    return result.affected ?? 0;
  }
}
