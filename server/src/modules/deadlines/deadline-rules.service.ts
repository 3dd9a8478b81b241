import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DeadlinePolicyRule, HandlingLevel, Urgency } from '@gezhi/shared';
import { DataSource } from 'typeorm';
import { CalendarDayEntity, DeadlinePolicyEntity } from './deadline.entities';
import { DEFAULT_DEADLINE_POLICY, DeadlinePolicy } from './domain/deadline-policy';
import { CalendarException, WorkCalendar } from './domain/work-calendar';

/** Policy and calendar change rarely (an administrator's edit); each instance re-reads them this often. */
const RULES_TTL_MS = 30_000;

export interface DeadlineRuleSet {
  policy: DeadlinePolicy;
  calendar: WorkCalendar;
}

/**
 * The deadline policy and working calendar as stored, cached per instance (an edit shows on this instance at
 * once and on the others within RULES_TTL_MS). Loads the default policy into an empty table at boot.
 *
 * `current()` is called inside other transactions (filing, escalation, the sweeper), so it must never wait for
 * a pool connection: the rules are loaded once at boot, and afterwards an expired cache is answered at once
 * and refreshed in the background (stale-while-revalidate). Waiting for a second connection from inside a
 * transaction deadlocks the pool as soon as every connection is in such a transaction (seen at 50 clients).
 */
@Injectable()
export class DeadlineRules implements OnApplicationBootstrap {
  private readonly logger = new Logger(DeadlineRules.name);
  private cached: { rules: DeadlineRuleSet; expiresAt: number } | null = null;
  private loading: Promise<DeadlineRuleSet> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.loadDefaultsIntoEmptyTable();
    await this.refresh();
  }

  async current(): Promise<DeadlineRuleSet> {
    if (this.cached) {
      if (this.cached.expiresAt <= Date.now() && !this.loading) {
        this.loading = this.load()
          .catch((error: Error) => {
            this.logger.warn(`could not refresh the deadline rules (keeping the previous ones): ${error.message}`);
            return (this.cached as { rules: DeadlineRuleSet }).rules;
          })
          .finally(() => (this.loading = null));
      }
      return this.cached.rules;
    }
    this.loading ??= this.load().finally(() => (this.loading = null));
    return this.loading;
  }

  /** Re-reads policy and calendar now (after an administrator's edit; never call it inside a transaction). */
  async refresh(): Promise<void> {
    await this.load();
  }

  async storedPolicy(): Promise<DeadlinePolicyRule[]> {
    const rows = await this.dataSource.getRepository(DeadlinePolicyEntity).find({ order: { id: 'ASC' } });
    return rows.map(toRule);
  }

  private async load(): Promise<DeadlineRuleSet> {
    const [rules, days] = await Promise.all([this.storedPolicy(), this.dataSource.getRepository(CalendarDayEntity).find()]);
    const exceptions = new Map<string, CalendarException>(days.map((d) => [d.date, d.kind]));
    const loaded = { policy: new DeadlinePolicy(rules), calendar: new WorkCalendar({ exceptions }) };
    this.cached = { rules: loaded, expiresAt: Date.now() + RULES_TTL_MS };
    return loaded;
  }

  /** Several instances may boot at once: a duplicate-key failure means another one loaded them first. */
  private async loadDefaultsIntoEmptyTable(): Promise<void> {
    const repository = this.dataSource.getRepository(DeadlinePolicyEntity);
    if ((await repository.count()) > 0) return;
    try {
      await repository.insert(DEFAULT_DEADLINE_POLICY.map((r) => ({ ...r })));
      this.logger.log(`Default deadline policy loaded (${DEFAULT_DEADLINE_POLICY.length} rules)`);
    } catch (error) {
      if ((await repository.count()) === 0) throw error;
    }
  }
}

export function toRule(row: DeadlinePolicyEntity): DeadlinePolicyRule {
  return {
    category: row.category as DeadlinePolicyRule['category'],
    urgency: row.urgency as Urgency,
    level: row.level as HandlingLevel,
    acceptMinutes: row.acceptMinutes,
    firstResponseMinutes: row.firstResponseMinutes,
    resolveMinutes: row.resolveMinutes,
    reportMinutes: row.reportMinutes,
    warnPercent: row.warnPercent,
  };
}
