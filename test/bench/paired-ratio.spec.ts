import { pairedRatio } from '../../bench/lib/stats';

describe('pairedRatio (bench ratios round by round)', () => {
  it('takes the median of per-round ratios, with their range', () => {
    // Round 2 ran on a host a third slower: both sides slowed, and its ratio is still 1.10.
    const mine = [
      { round: 1, rate: 1100 },
      { round: 2, rate: 770 },
      { round: 3, rate: 1210 },
    ];
    const theirs = [
      { round: 1, rate: 1000 },
      { round: 2, rate: 700 },
      { round: 3, rate: 1000 },
    ];
    expect(pairedRatio(mine, theirs)).toEqual({ median: 1.1, low: 1.1, high: 1.21 });
  });

  it('pairs only rounds both ran, and has nothing to say without any', () => {
    expect(pairedRatio([{ round: 2, rate: 50 }], [{ round: 2, rate: 100 }])?.median).toBe(0.5);
    expect(pairedRatio([{ round: 1, rate: 50 }], [{ round: 2, rate: 100 }])).toBeUndefined();
    expect(pairedRatio([{ round: 1, rate: 50 }], [{ round: 1, rate: 0 }])).toBeUndefined();
  });
});
