import { Rate, RateKey } from '@gezhi/shared';

/**
 * 红黑榜: the ranking rule of docs/metrics.md#rankings, pure. Score = 100 × the weighted mean of the unit's rates
 * that are not null (weights re-normalised; an inverted rate such as 退回率 counts as 1 − value). Order: score
 * descending, then each rate in order (better first, null last), then the larger denominator of the first rate,
 * then the smaller unit id — so equal data always gives the same, unique ranks.
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
  /** in ranking order; the first one's denominator decides eligibility */
  rates: RankedRate[];
}

export interface Ranked<U extends { id: number }> extends RankingCandidate<U> {
  rank: number;
  score: number;
}

export interface RankingOutcome<U extends { id: number }> {
  ranked: Ranked<U>[];
  red: Ranked<U>[];
  black: Ranked<U>[];
  unranked: { candidate: RankingCandidate<U>; primaryCount: number }[];
}

export function rankUnits<U extends { id: number }>(candidates: readonly RankingCandidate<U>[], minItems: number, listSize: number): RankingOutcome<U> {
  const eligible: RankingCandidate<U>[] = [];
  const unranked: RankingOutcome<U>['unranked'] = [];
  for (const candidate of candidates) {
    const primaryCount = candidate.rates[0]?.rate.denominator ?? 0;
    if (primaryCount >= minItems) eligible.push(candidate);
    else unranked.push({ candidate, primaryCount });
  }
  const scored = eligible.map((candidate) => ({ ...candidate, score: scoreOf(candidate.rates) as number }));
  scored.sort((a, b) => compare(a, b));
  const ranked = scored.map((entry, i) => ({ ...entry, rank: i + 1 }));
  const red = ranked.slice(0, listSize);
  const black = ranked.slice(Math.max(listSize, ranked.length - listSize));
  unranked.sort((a, b) => a.candidate.unit.id - b.candidate.unit.id);
  return { ranked, red, black, unranked };
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

function compare<U extends { id: number }>(a: RankingCandidate<U> & { score: number | null }, b: RankingCandidate<U> & { score: number | null }): number {
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
