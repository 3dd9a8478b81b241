import { Rate, RateKey } from '@gezhi/shared';

/**
 * 红黑榜: the ranking rule of docs/metrics.md#rankings, pure.
 *
 * 1. Sample (样本不足): a unit is ranked only when the denominator of its first (primary) rate — 响应率 for grids,
 *    按时报到率 for departments — is at least `minSample`; the others are listed as unranked, never ranked.
 * 2. Pass line (达标): a unit whose primary rate is below `passRate` is ranked after every unit that meets it, and is
 *    never on the red list — so a department that reported on time for 1 of 3 whistles can never rank first over one
 *    that reports on time, whatever its other rates.
 * 3. Score = 100 × the weighted mean of the unit's rates that are not null (weights re-normalised; the primary rate
 *    weighs double in RANKING_RULE; an inverted rate such as 退回率 counts as 1 − value).
 * Order: pass line (met first), score descending, then each rate in order (better first, null last), then the larger
 * denominator of the first rate, then the smaller unit id — so equal data always gives the same, unique ranks.
 * Red list: the first `listSize` ranked units that meet the pass line; black list: the last `listSize` ranked units
 * not on the red list.
 */

export interface RankedRate {
  key: RateKey;
  rate: Rate;
  weight: number;
  /** lower is better (退回率) */
  inverted?: boolean;
}

export interface RankingCandidate<U extends { id: number }> {
  unit: U;
  /** in ranking order; the first one is the primary rate (its denominator decides the sample, its value the pass line) */
  rates: RankedRate[];
}

export interface RankingPolicy {
  /** fewer items than this in the primary rate's denominator: 样本不足, not ranked */
  minSample: number;
  /** 0–1: the primary rate a unit needs to be on the red list and ahead of the units below it */
  passRate: number;
  /** size of the red list and of the black list */
  listSize: number;
}

export interface Ranked<U extends { id: number }> extends RankingCandidate<U> {
  rank: number;
  score: number;
  /** its primary rate meets the pass line */
  passed: boolean;
}

export interface RankingOutcome<U extends { id: number }> {
  ranked: Ranked<U>[];
  red: Ranked<U>[];
  black: Ranked<U>[];
  /** 样本不足: fewer than `minSample` items in the primary rate */
  unranked: { candidate: RankingCandidate<U>; primaryCount: number }[];
}

export function rankUnits<U extends { id: number }>(candidates: readonly RankingCandidate<U>[], policy: RankingPolicy): RankingOutcome<U> {
  const eligible: RankingCandidate<U>[] = [];
  const unranked: RankingOutcome<U>['unranked'] = [];
  for (const candidate of candidates) {
    const primaryCount = candidate.rates[0]?.rate.denominator ?? 0;
    if (primaryCount >= Math.max(1, policy.minSample)) eligible.push(candidate);
    else unranked.push({ candidate, primaryCount });
  }
  const scored = eligible.map((candidate) => ({ ...candidate, score: scoreOf(candidate.rates) as number, passed: passes(candidate, policy.passRate) }));
  scored.sort((a, b) => compare(a, b));
  const ranked = scored.map((entry, i) => ({ ...entry, rank: i + 1 }));
  const red = ranked.filter((r) => r.passed).slice(0, policy.listSize);
  const onRed = new Set(red.map((r) => r.unit.id));
  const black = ranked.filter((r) => !onRed.has(r.unit.id)).slice(-policy.listSize);
  unranked.sort((a, b) => a.candidate.unit.id - b.candidate.unit.id);
  return { ranked, red: policy.listSize > 0 ? red : [], black: policy.listSize > 0 ? black : [], unranked };
}

/** The primary rate meets the pass line (compared on the counts, so 4/5 meets 80 % exactly). */
function passes<U extends { id: number }>(candidate: RankingCandidate<U>, passRate: number): boolean {
  const primary = candidate.rates[0];
  if (!primary || primary.rate.denominator === 0) return false;
  const good = primary.inverted ? primary.rate.denominator - primary.rate.numerator : primary.rate.numerator;
  return good * 10_000 >= Math.round(passRate * 10_000) * primary.rate.denominator;
}

/** 100 × weighted mean of the non-null rates, 2 decimals; null when every rate is null. */
export function scoreOf(rates: readonly RankedRate[]): number | null {
  let weighted = 0;
  let weights = 0;
  for (const r of rates) {
    const value = goodness(r);
    if (value === null) continue;
    weighted += value * r.weight;
    weights += r.weight;
  }
  return weights > 0 ? Math.round((weighted / weights) * 10000) / 100 : null;
}

function goodness(r: RankedRate): number | null {
  if (r.rate.value === null) return null;
  return r.inverted ? 1 - r.rate.value : r.rate.value;
}

type Scored<U extends { id: number }> = RankingCandidate<U> & { score: number | null; passed: boolean };

function compare<U extends { id: number }>(a: Scored<U>, b: Scored<U>): number {
  if (a.passed !== b.passed) return a.passed ? -1 : 1;
  const byScore = (b.score ?? -1) - (a.score ?? -1);
  if (byScore !== 0) return byScore;
  for (let i = 0; i < Math.max(a.rates.length, b.rates.length); i++) {
    const x = a.rates[i] ? goodness(a.rates[i]) : null;
    const y = b.rates[i] ? goodness(b.rates[i]) : null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    if (x !== y) return y - x;
  }
  const byWork = (b.rates[0]?.rate.denominator ?? 0) - (a.rates[0]?.rate.denominator ?? 0);
  if (byWork !== 0) return byWork;
  return a.unit.id - b.unit.id;
}
