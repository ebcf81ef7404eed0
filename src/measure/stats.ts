/** The middle value (mean of the two middle ones for an even count). Robust to the odd slow run on a busy machine. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** How many times faster than the baseline: T₁ / Tₚ. */
export function speedup(baselineMs: number, ms: number): number {
  return baselineMs / ms;
}

/** Speedup per worker: S / p. 1 means every added worker pulled its full weight. */
export function efficiency(speedupValue: number, workers: number): number {
  return speedupValue / workers;
}
