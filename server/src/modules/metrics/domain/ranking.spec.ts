import { rateOf } from '@gezhi/shared';
import { RankingCandidate, rankUnits, scoreOf } from './ranking';

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
      3,
      2,
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
    const outcome = rankUnits([grid(1, [2, 2], [2, 2], [2, 2]), grid(2, [3, 4], [1, 1], [1, 1]), grid(3, [4, 4], [1, 1], [1, 1])], 3, 3);
    expect(outcome.unranked.map((u) => [u.candidate.unit.id, u.primaryCount])).toEqual([[1, 2]]);
    expect(outcome.red.map((r) => r.unit.id)).toEqual([3, 2]);
    expect(outcome.black).toEqual([]);
  });

  it('gives the same order for the same data whatever order it comes in', () => {
    const units = [grid(1, [9, 10], [9, 10], [9, 10]), grid(2, [9, 10], [9, 10], [9, 10]), grid(3, [8, 10], [10, 10], [9, 10])];
    const a = rankUnits(units, 3, 1).ranked.map((r) => r.unit.id);
    const b = rankUnits([...units].reverse(), 3, 1).ranked.map((r) => r.unit.id);
    expect(a).toEqual(b);
  });
});
