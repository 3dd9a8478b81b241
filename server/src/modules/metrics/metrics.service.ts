import { Injectable } from '@nestjs/common';
import {
  addDays,
  BreakdownBy,
  BreakdownRow,
  CATEGORIES,
  ErrorCode,
  FieldErrorCode,
  METRIC_LABELS,
  MetricsBreakdown,
  MetricsPeriod,
  MetricsQuery,
  MetricsScopeKind,
  MetricsTrend,
  MetricsView,
  monthStartOf,
  ProjectMetrics,
  INSUFFICIENT_SAMPLE_LABEL,
  RANKING_RULE,
  RankingEntry,
  RankingKind,
  RankingUnit,
  RankingView,
  rateOf,
  RateKey,
  RequestCategory,
  RequestMetrics,
  Role,
  shanghaiDayOf,
  TrendPoint,
} from '@gezhi/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { MetricsConfig } from './metrics.config';
import { AnswerCache } from './answer-cache';
import type { User } from '../users/user.entity';
import { DEPARTMENT_COUNTERS, OUTCOME_COUNTERS, REQUEST_COUNTERS, zeros } from './domain/counters';
import { ownIdOf, ownScopeOf } from './domain/metrics-access';
import { Permission } from '@gezhi/shared';
import { requireAccess } from '../../access/require-access';
import { bucketPlan, monthPeriod, outcomePlan, resolvePeriod, trailingWeeks, weeksOf } from './domain/period';
import { RankedRate, RankingPolicy, rankUnits } from './domain/ranking';
import { departmentMetricsOf, requestMetricsOf } from './domain/rates';
import { MetricsReader, RequestFilter } from './metrics-reader';
import { MetricsScopes, ResolvedScope, UnitRef } from './metrics-scopes';

/** Where project counts come from (the half-monthly review's project service list registers itself). */
export interface ProjectMetricsSource {
  counts(scope: { streetId: number } | { communityId: number } | { gridIds: readonly number[] }, from: string, to: string): Promise<ProjectMetrics>;
}

/** A query's unit, looked up and checked against the viewer. */
export interface CheckedScope {
  scope: ResolvedScope;
  category: RequestCategory | null;
}

/**
 * GET /api/metrics[/trend|/breakdown|/rankings]: reads the roll-ups for a scope and a period and turns them into the
 * shared views (domain/rates.ts, domain/ranking.ts). One access check per call (domain/metrics-access.ts). Other
 * features read numbers through `metricsFor` (e.g. the public board) without a viewer.
 */
@Injectable()
export class MetricsService {
  private projectSource: ProjectMetricsSource | null = null;
  /** computed answers, keyed by what they depend on (never by the viewer: access is checked before) */
  private readonly answers: AnswerCache;

  private readonly rankingPolicy: RankingPolicy;

  constructor(
    private readonly reader: MetricsReader,
    private readonly scopes: MetricsScopes,
    private readonly clock: Clock,
    config: MetricsConfig,
  ) {
    this.answers = new AnswerCache(config.cacheMs);
    this.rankingPolicy = { minSample: config.rankingMinSample, passRate: config.rankingPassPercent / 100, listSize: RANKING_RULE.listSize };
  }

  /** The projects feature registers its counts here (MetricsView.projects); until then projects are zeros. */
  useProjectSource(source: ProjectMetricsSource): void {
    this.projectSource = source;
  }

  today(): string {
    return shanghaiDayOf(this.clock.now());
  }

  /** The unit a query names (default: the viewer's own), looked up and access-checked. */
  async checkedScope(viewer: User, query: Pick<MetricsQuery, 'scope' | 'id' | 'category'>): Promise<CheckedScope> {
    requireAccess(viewer, Permission.MetricsView, {});
    let ref: { kind: MetricsScopeKind; id: number } | null;
    if (query.scope) {
      const id = query.id ?? ownIdOf(viewer, query.scope);
      if (id === null) throw DomainError.validation({ id: FieldErrorCode.Required });
      ref = { kind: query.scope, id };
    } else {
      if (query.id !== undefined) throw DomainError.validation({ scope: FieldErrorCode.Required });
      ref = ownScopeOf(viewer);
      if (!ref) return requireAccess(viewer, Permission.MetricsView, { scope: null }) as never;
    }
    const scope = await this.scopes.resolve(ref.kind, ref.id);
    requireAccess(viewer, Permission.MetricsView, { scope });
    return { scope, category: query.category ?? null };
  }

  periodOf(query: Pick<MetricsQuery, 'month' | 'from' | 'to'>): MetricsPeriod {
    const result = resolvePeriod(query, this.today());
    if ('errors' in result) throw DomainError.validation(result.errors);
    return result.period;
  }

  async view(viewer: User, query: MetricsQuery): Promise<MetricsView> {
    const checked = await this.checkedScope(viewer, query);
    return this.metricsFor(checked, this.periodOf(query));
  }

  /** The numbers of an already checked scope (also for other features, e.g. the public board). */
  metricsFor(checked: CheckedScope, period: MetricsPeriod): Promise<MetricsView> {
    const key = `view|${checked.scope.kind}|${checked.scope.id}|${checked.category}|${period.from}|${period.to}`;
    return this.answers.get(key, () => this.computeView(checked, period));
  }

  private async computeView({ scope, category }: CheckedScope, period: MetricsPeriod): Promise<MetricsView> {
    const today = this.today();
    const base = { scope: this.scopes.view(scope, category), period, asOf: this.clock.now().toISOString() };
    if (scope.kind === MetricsScopeKind.Department) {
      const counters = await this.reader.departmentCounters({ departmentId: scope.id, category }, period, today);
      return { ...base, requests: null, departments: departmentMetricsOf(counters), projects: null };
    }
    const filter = { ...(scope.filter as RequestFilter), category };
    const [requests, departments, projects] = await Promise.all([
      this.requestMetrics(filter, period, today),
      scope.kind === MetricsScopeKind.Street
        ? this.reader.departmentCounters({ streetId: scope.id, category }, period, today).then(departmentMetricsOf)
        : Promise.resolve(null),
      this.projects(scope, period),
    ]);
    return { ...base, requests, departments, projects };
  }

  async trend(viewer: User, query: MetricsQuery & { weeks?: number }): Promise<MetricsTrend> {
    const checked = await this.checkedScope(viewer, query);
    const given = query.month !== undefined || query.from !== undefined || query.to !== undefined;
    const period = given ? this.periodOf(query) : this.periodOf(trailingWeeks(this.today(), query.weeks ?? 12));
    const key = `trend|${checked.scope.kind}|${checked.scope.id}|${checked.category}|${period.from}|${period.to}`;
    return this.answers.get(key, () => this.computeTrend(checked, period));
  }

  private async computeTrend(checked: CheckedScope, period: MetricsPeriod): Promise<MetricsTrend> {
    const weeks = weeksOf(period);
    const range = { grain: 'W' as const, from: weeks[0].weekStart, to: weeks[weeks.length - 1].weekStart };
    const { scope, category } = checked;
    const label = (start: string, end: string) => `${Number(start.slice(5, 7))}/${Number(start.slice(8))}–${Number(end.slice(5, 7))}/${Number(end.slice(8))}`;
    if (scope.kind === MetricsScopeKind.Department) {
      const byWeek = await this.reader.departmentCountersBy({ departmentId: scope.id, category }, [range], 'bucket');
      const points = weeks.map((w): TrendPoint => {
        const d = departmentMetricsOf(byWeek.get(w.weekStart) ?? zeros(DEPARTMENT_COUNTERS));
        const none = rateOf(0, 0);
        return {
          ...w,
          label: label(w.weekStart, w.weekEnd),
          received: d.counts.whistled,
          resolved: d.counts.resolvedAsLead,
          rated: d.counts.rated,
          overdue: d.counts.reportMissed,
          response: none,
          resolution: none,
          onTimeResolution: none,
          satisfaction: d.rates.satisfaction,
          averageHandlingHours: null,
          reportOnTime: d.rates.reportOnTime,
          return: d.rates.return,
        };
      });
      return { scope: this.scopes.view(scope, category), period, points };
    }
    const filter = { ...(scope.filter as RequestFilter), category };
    const [counters, cohorts] = await Promise.all([
      this.reader.requestCountersBy(filter, [range], 'bucket'),
      this.reader.cohortBy(filter, [{ grain: 'W', receivedFrom: range.from, receivedTo: range.to, outcomeTo: range.to }], 'bucket'),
    ]);
    const points = weeks.map((w): TrendPoint => {
      const m = requestMetricsOf(counters.get(w.weekStart) ?? zeros(REQUEST_COUNTERS), cohorts.get(w.weekStart) ?? zeros(OUTCOME_COUNTERS), 0);
      return {
        ...w,
        label: label(w.weekStart, w.weekEnd),
        received: m.counts.received,
        resolved: m.counts.resolved,
        rated: m.counts.rated,
        overdue: m.overdue.total,
        response: m.rates.response,
        resolution: m.rates.resolution,
        onTimeResolution: m.rates.onTimeResolution,
        satisfaction: m.rates.satisfaction,
        averageHandlingHours: m.handlingTime.averageHours,
      };
    });
    return { scope: this.scopes.view(scope, category), period, points };
  }

  async breakdown(viewer: User, query: MetricsQuery & { by: BreakdownBy }): Promise<MetricsBreakdown> {
    const checked = await this.checkedScope(viewer, query);
    const { scope, category } = checked;
    const period = this.periodOf(query);
    const allowed: Record<BreakdownBy, MetricsScopeKind[]> = {
      category: Object.values(MetricsScopeKind),
      community: [MetricsScopeKind.Street],
      grid: [MetricsScopeKind.Street, MetricsScopeKind.Community, MetricsScopeKind.GridLeader, MetricsScopeKind.Grid],
      department: [MetricsScopeKind.Street],
    };
    if (!allowed[query.by].includes(scope.kind)) throw DomainError.validation({ by: FieldErrorCode.OutOfRange });
    // the drill-down queries of the rows name the period as the caller did
    const periodQuery: MetricsQuery = query.from !== undefined ? { from: period.from, to: period.to } : { month: period.from.slice(0, 7) };
    const key = `breakdown|${query.by}|${scope.kind}|${scope.id}|${category}|${period.from}|${period.to}|${query.from !== undefined}`;
    return this.answers.get(key, () => this.computeBreakdown(checked, period, query.by, periodQuery));
  }

  private async computeBreakdown({ scope, category }: CheckedScope, period: MetricsPeriod, by: BreakdownBy, periodQuery: MetricsQuery): Promise<MetricsBreakdown> {
    const today = this.today();
    const query = { by };
    const plan = bucketPlan(period, today);
    let rows: BreakdownRow[];

    if (query.by === 'department' || (query.by === 'category' && scope.kind === MetricsScopeKind.Department)) {
      const units: { key: string; id: number | null; label: string; query: MetricsQuery }[] =
        query.by === 'department'
          ? (await this.scopes.departmentsOf(scope.id)).map((d) => ({ key: String(d.id), id: d.id, label: d.name, query: { scope: MetricsScopeKind.Department, id: d.id, ...periodQuery, ...(category ? { category } : {}) } }))
          : CATEGORIES.map((c) => ({ key: c.code, id: null, label: c.label, query: { scope: scope.kind, id: scope.id, ...periodQuery, category: c.code } }));
      const filter = query.by === 'department' ? { streetId: scope.id, category } : { departmentId: scope.id };
      const counters = await this.reader.departmentCountersBy(filter, plan, query.by === 'department' ? 'departmentId' : 'category');
      rows = units.map((u) => ({ ...u, requests: null, departments: departmentMetricsOf(counters.get(u.key) ?? zeros(DEPARTMENT_COUNTERS)) }));
    } else {
      const filter = { ...(scope.filter as RequestFilter), category };
      const group = query.by === 'grid' ? 'gridId' : query.by === 'community' ? 'communityId' : 'category';
      const units: { key: string; id: number | null; label: string; query: MetricsQuery }[] =
        query.by === 'category'
          ? CATEGORIES.map((c) => ({ key: c.code, id: null, label: c.label, query: { scope: scope.kind, id: scope.id, ...periodQuery, category: c.code } }))
          : (query.by === 'grid' ? await this.scopes.gridsOf(scope) : await this.scopes.communitiesOf(scope.id)).map((u: UnitRef) => ({
              key: String(u.id),
              id: u.id,
              label: u.name,
              query: { scope: query.by === 'grid' ? MetricsScopeKind.Grid : MetricsScopeKind.Community, id: u.id, ...periodQuery, ...(category ? { category } : {}) },
            }));
      const [counters, cohorts, overdue] = await Promise.all([
        this.reader.requestCountersBy(filter, plan, group),
        this.reader.cohortBy(filter, outcomePlan(period, today), group),
        this.reader.openOverdueBy(filter, group),
      ]);
      rows = units.map((u) => ({
        ...u,
        requests: requestMetricsOf(counters.get(u.key) ?? zeros(REQUEST_COUNTERS), cohorts.get(u.key) ?? zeros(OUTCOME_COUNTERS), overdue.get(u.key) ?? 0),
        departments: null,
      }));
    }
    return { scope: this.scopes.view(scope, category), period, by: query.by, rows };
  }

  async rankings(viewer: User, query: { month?: string; kind: RankingKind; scope?: MetricsScopeKind.Street | MetricsScopeKind.Community; id?: number }): Promise<RankingView> {
    requireAccess(viewer, Permission.MetricsRanking, { kind: query.kind });
    const kind = query.scope ?? (viewer.role === Role.CommunityOfficer ? MetricsScopeKind.Community : MetricsScopeKind.Street);
    const id = query.id ?? ownIdOf(viewer, kind);
    if (id === null) return requireAccess(viewer, Permission.MetricsRanking, { kind: query.kind, scope: null }) as never;
    const month = query.month ?? monthStartOf(addDays(monthStartOf(this.today()), -1)).slice(0, 7);
    const monthCheck = resolvePeriod({ month }, this.today());
    if ('errors' in monthCheck) throw DomainError.validation(monthCheck.errors);
    const scope = await this.scopes.resolve(kind, id);
    requireAccess(viewer, Permission.MetricsRanking, { kind: query.kind, scope });
    return this.answers.get(`rankings|${query.kind}|${scope.kind}|${scope.id}|${month}`, () => this.computeRankings(scope, query.kind, month));
  }

  private async computeRankings(scope: ResolvedScope, rankingKind: RankingKind, month: string): Promise<RankingView> {
    const query = { kind: rankingKind };
    const period = monthPeriod(month);
    const today = this.today();
    const plan = bucketPlan(period, today);
    const itemQuery = (unit: RankingUnit, rate: RateKey) => ({ scope: unit.kind, id: unit.id, month, rate });

    let candidates: { unit: RankingUnit; rates: RankedRate[] }[];
    if (query.kind === 'GRID') {
      const grids = await this.scopes.gridsOf(scope);
      const counters = await this.reader.requestCountersBy(scope.filter as RequestFilter, plan, 'gridId');
      candidates = grids.map((g) => {
        const m = requestMetricsOf(counters.get(String(g.id)) ?? zeros(REQUEST_COUNTERS), zeros(OUTCOME_COUNTERS), 0);
        const w = RANKING_RULE.gridWeights;
        return {
          unit: { kind: MetricsScopeKind.Grid, id: g.id, name: g.name, parentName: g.parentName },
          rates: [
            { key: 'response', rate: m.rates.response, weight: w.response },
            { key: 'onTimeResolution', rate: m.rates.onTimeResolution, weight: w.onTimeResolution },
            { key: 'satisfaction', rate: m.rates.satisfaction, weight: w.satisfaction },
          ],
        };
      });
    } else {
      const departments = await this.scopes.departmentsOf(scope.streetId);
      const counters = await this.reader.departmentCountersBy({ streetId: scope.streetId }, plan, 'departmentId');
      candidates = departments.map((d) => {
        const m = departmentMetricsOf(counters.get(String(d.id)) ?? zeros(DEPARTMENT_COUNTERS));
        const w = RANKING_RULE.departmentWeights;
        return {
          unit: { kind: MetricsScopeKind.Department, id: d.id, name: d.name, parentName: null },
          rates: [
            { key: 'reportOnTime', rate: m.rates.reportOnTime, weight: w.reportOnTime },
            { key: 'return', rate: m.rates.return, weight: w.return, inverted: true },
            { key: 'satisfaction', rate: m.rates.satisfaction, weight: w.satisfaction },
          ],
        };
      });
    }
    const policy = this.rankingPolicy;
    const outcome = rankUnits(candidates, policy);
    const entry = (r: (typeof outcome.ranked)[number]): RankingEntry => ({
      rank: r.rank,
      unit: r.unit,
      score: r.score,
      passed: r.passed,
      rates: Object.fromEntries(r.rates.map((x) => [x.key, x.rate])),
      itemQueries: Object.fromEntries(r.rates.map((x) => [x.key, itemQuery(r.unit, x.key)])),
    });
    const primary = query.kind === 'GRID' ? METRIC_LABELS.response : METRIC_LABELS.reportOnTime;
    return {
      month,
      kind: query.kind,
      scope: this.scopes.view(scope, null),
      period,
      rule: rankingRuleText(query.kind, policy),
      minSample: policy.minSample,
      passPercent: Math.round(policy.passRate * 100),
      entries: outcome.ranked.map(entry),
      red: outcome.red.map(entry),
      black: outcome.black.map(entry),
      unranked: outcome.unranked.map((u) => ({
        unit: u.candidate.unit,
        label: INSUFFICIENT_SAMPLE_LABEL,
        primaryCount: u.primaryCount,
        reason: `${INSUFFICIENT_SAMPLE_LABEL}：本月仅 ${u.primaryCount} 件计入${primary}，少于 ${policy.minSample} 件不参与排名`,
        rates: Object.fromEntries(u.candidate.rates.map((x) => [x.key, x.rate])),
      })),
    };
  }

  private async requestMetrics(filter: RequestFilter, period: MetricsPeriod, today: string): Promise<RequestMetrics> {
    const [counters, cohort, overdue] = await Promise.all([
      this.reader.requestCounters(filter, period, today),
      this.reader.cohort(filter, period, today),
      this.reader.openOverdueBy(filter, null),
    ]);
    return requestMetricsOf(counters, cohort, overdue.get('') ?? 0);
  }

  private async projects(scope: ResolvedScope, period: MetricsPeriod): Promise<ProjectMetrics> {
    if (!this.projectSource) return { opened: 0, closed: 0, closedOnTime: 0 };
    const target =
      scope.kind === MetricsScopeKind.Street ? { streetId: scope.id } : scope.kind === MetricsScopeKind.Community ? { communityId: scope.id } : { gridIds: scope.gridIds };
    const counts = await this.projectSource.counts(target, period.from, period.to);
    return { ...counts, opened: counts.opened, closed: counts.closed, closedOnTime: counts.closedOnTime };
  }
}

/** The rule in words, as the 数据 page shows it under the lists (docs/metrics.md#rankings). */
export function rankingRuleText(kind: RankingKind, policy: RankingPolicy): string {
  const rates = kind === 'GRID' ? '响应率、按时办结率、满意率' : '按时报到率、未退回率（1 − 退回率）、满意率';
  const primary = kind === 'GRID' ? '响应率' : '按时报到率';
  const pass = Math.round(policy.passRate * 100);
  return (
    `按月排名：当月计入${primary}的件数少于 ${policy.minSample} 件的单位为“${INSUFFICIENT_SAMPLE_LABEL}”，不参与排名；` +
    `${primary}达到 ${pass}% 为达标，达标单位排在未达标单位之前，只有达标单位可上红榜；` +
    `综合得分 = ${rates}的加权平均 × 100（${primary}权重 2，其余各 1；无数据的一项不计入）；` +
    `得分相同时依次比较${rates}，再比较计入${primary}的件数（多者在前），最后按编号；` +
    `前 ${policy.listSize} 名达标单位为红榜，末 ${policy.listSize} 名为黑榜。`
  );
}
