/** Median of a list of numbers (NaN for an empty list). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Relative spread (max − min) / median, as a fraction: how noisy repeated runs were. */
export function spread(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const mid = median(values);
  return mid === 0 ? 0 : (Math.max(...values) - Math.min(...values)) / mid;
}

/** Percentile (0–100) of a list of numbers, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** A ratio between two servers: the median of its per-round values, and their range. */
export interface PairedRatio {
  median: number;
  low: number;
  high: number;
}

/**
 * The ratio of two workloads' rates round by round (rounds both ran), summarised: each round
 * runs them back to back, so a change of the machine's speed between rounds (a noisy host) moves
 * both sides of a round's ratio and cancels, where a ratio of two medians would keep it.
 */
export function pairedRatio(
  mine: readonly { round: number; rate: number }[],
  theirs: readonly { round: number; rate: number }[],
): PairedRatio | undefined {
  const ratios = mine.flatMap((run) => {
    const twin = theirs.find((other) => other.round === run.round);
    return twin === undefined || twin.rate <= 0 ? [] : [run.rate / twin.rate];
  });
  if (ratios.length === 0) return undefined;
  return { median: median(ratios), low: Math.min(...ratios), high: Math.max(...ratios) };
}

/** `0.85× (rounds 0.59–1.00)`: a paired ratio as the reports print it. */
export function describeRatio(ratio: PairedRatio): string {
  return `${ratio.median.toFixed(2)}× (rounds ${ratio.low.toFixed(2)}–${ratio.high.toFixed(2)})`;
}
