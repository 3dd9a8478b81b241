import { rateOf } from '@gezhi/shared';
import { RankingCandidate, RankingPolicy, rankUnits, scoreOf } from './ranking';

const policy = (minSample: number, listSize: number, passRate = 0): RankingPolicy => ({ minSample, listSize, passRate });

const grid = (id: number, response: [number, number], onTime: [number, number], satisfaction: [number, number]): RankingCandidate<{ id: number }> => ({
  unit: { id },
  rates: [
    { key: 'response', rate: rateOf(...response), weight: 1 },
    { key: 'onTimeResolution', rate: rateOf(...onTime), weight: 1 },
    { key: 'satisfaction', rate: rateOf(...satisfaction), weight: 1 },
  ],
});

describe('红黑榜 ranking rule', () => {
  it('scores the mean of the rates with data, leaving a rate without data out', () => {
    expect(scoreOf(grid(1, [9, 10], [8, 10], [10, 10]).rates)).toBe(90);
    expect(scoreOf(grid(1, [9, 10], [8, 10], [0, 0]).rates)).toBe(85);
    expect(scoreOf([{ key: 'return', rate: rateOf(1, 4), weight: 1, inverted: true }])).toBe(75);
  });

  it('orders by score, breaks ties by the rates in order, then by more work, then by id — ranks are unique', () => {
    const outcome = rankUnits(
      [
        grid(5, [10, 10], [5, 10], [10, 10]), // 83.33
        grid(4, [5, 10], [10, 10], [10, 10]), // 83.33, worse response
        grid(3, [20, 20], [10, 20], [20, 20]), // 83.33, same rates as 5, more work
        grid(2, [3, 3], [3, 3], [3, 3]), // 100
        grid(1, [10, 10], [5, 10], [10, 10]), // same as 5, smaller id
      ],
      policy(3, 2),
    );
    expect(outcome.ranked.map((r) => [r.unit.id, r.rank])).toEqual([
      [2, 1],
      [3, 2],
      [1, 3],
      [5, 4],
      [4, 5],
    ]);
    expect(outcome.red.map((r) => r.unit.id)).toEqual([2, 3]);
    expect(outcome.black.map((r) => r.unit.id)).toEqual([5, 4]);
  });

  it('leaves units with fewer decided items than the minimum unranked, and never puts a unit on both lists', () => {
    const outcome = rankUnits([grid(1, [2, 2], [2, 2], [2, 2]), grid(2, [3, 4], [1, 1], [1, 1]), grid(3, [4, 4], [1, 1], [1, 1])], policy(3, 3));
    expect(outcome.unranked.map((u) => [u.candidate.unit.id, u.primaryCount])).toEqual([[1, 2]]);
    expect(outcome.red.map((r) => r.unit.id)).toEqual([3, 2]);
    expect(outcome.black).toEqual([]);
  });

  it('gives the same order for the same data whatever order it comes in', () => {
    const units = [grid(1, [9, 10], [9, 10], [9, 10]), grid(2, [9, 10], [9, 10], [9, 10]), grid(3, [8, 10], [10, 10], [9, 10])];
    const a = rankUnits(units, policy(3, 1)).ranked.map((r) => r.unit.id);
    const b = rankUnits([...units].reverse(), policy(3, 1)).ranked.map((r) => r.unit.id);
    expect(a).toEqual(b);
  });

  const department = (id: number, reportOnTime: [number, number], returned: [number, number], satisfaction: [number, number]): RankingCandidate<{ id: number }> => ({
    unit: { id },
    rates: [
      { key: 'reportOnTime', rate: rateOf(...reportOnTime), weight: 2 },
      { key: 'return', rate: rateOf(...returned), weight: 1, inverted: true },
      { key: 'satisfaction', rate: rateOf(...satisfaction), weight: 1 },
    ],
  });
  const DEFAULT: RankingPolicy = { minSample: 5, passRate: 0.8, listSize: 3 };

  it('lists a unit with fewer items than the minimum sample as 样本不足 — a department on time for 1 of 3 whistles is not ranked', () => {
    const outcome = rankUnits(
      [
        department(1, [1, 3], [0, 3], [1, 1]), // 团结派出所: 1 of 3 on time, never returned, its one rating satisfied
        department(2, [9, 10], [1, 10], [6, 8]),
        department(3, [4, 5], [0, 5], [3, 4]),
      ],
      DEFAULT,
    );
    expect(outcome.unranked.map((u) => [u.candidate.unit.id, u.primaryCount])).toEqual([[1, 3]]);
    expect(outcome.ranked.map((r) => r.unit.id)).toEqual([2, 3]);
    expect(outcome.red[0].unit.id).not.toBe(1);
  });

  it('never ranks a unit below the pass line first over one that meets it, whatever its other rates, and keeps it off the red list', () => {
    // 团结派出所 with enough whistles: 2 of 6 on time, but never returned and every rating satisfied (score 66.67)
    const poor = department(1, [2, 6], [0, 6], [4, 4]);
    // on time 5 of 6 (83 %) but returned twice and rated lower (score 66.67 too): it meets the pass line
    const reliable = department(2, [5, 6], [2, 6], [1, 4]);
    const outcome = rankUnits([poor, reliable], DEFAULT);
    expect(scoreOf(poor.rates)).toBe(66.67);
    expect(outcome.ranked.map((r) => [r.unit.id, r.rank, r.passed])).toEqual([
      [2, 1, true],
      [1, 2, false],
    ]);
    expect(outcome.red.map((r) => r.unit.id)).toEqual([2]);
    expect(outcome.black.map((r) => r.unit.id)).toEqual([1]);
    // even when its score is higher: the pass line comes first
    const better = department(3, [8, 10], [5, 10], [2, 10]); // 80 % on time exactly (the line), score 60
    const ordered = rankUnits([poor, better], DEFAULT);
    expect(ordered.ranked.map((r) => r.unit.id)).toEqual([3, 1]);
    // with nobody at the pass line the red list is empty rather than showing a failing unit
    expect(rankUnits([poor, department(4, [3, 6], [0, 6], [1, 2])], DEFAULT).red).toEqual([]);
  });

  it('weighs the primary rate double: 2 × 按时报到率 + 未退回率 + 满意率, over 4', () => {
    expect(scoreOf(department(1, [9, 10], [1, 10], [6, 8]).rates)).toBe(86.25); // (2 × 0.9 + 0.9 + 0.75) / 4
    expect(scoreOf(department(1, [9, 10], [1, 10], [0, 0]).rates)).toBe(90); // no ratings: (2 × 0.9 + 0.9) / 3
  });
});
