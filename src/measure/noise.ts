/**
 * When a timed result should not be trusted, in plain words and with what to do about it: a busy machine or a run
 * too short to time makes "more workers made it slower" out of noise.
 */
export interface TimedRow {
  /** Worker count; 0 for a main-thread row. */
  workers: number;
  timesMs: readonly number[];
  medianMs: number;
}

/** Repetitions further apart than this (slowest / fastest) are called noisy. */
export const MAX_SPREAD = 1.3;
/** A 1-worker run shorter than this is dominated by start-up costs and timer noise. */
export const MIN_BASELINE_MS = 300;

export function noiseWarnings(rows: readonly TimedRow[]): string[] {
  const warnings: string[] = [];
  const baseline = rows.find((row) => row.workers === 1);
  if (baseline && baseline.medianMs < MIN_BASELINE_MS) {
    warnings.push(
      `The 1-worker run took only ${Math.round(baseline.medianMs)} ms, too short to time reliably: ` +
        'make the work larger so that it takes about a second.',
    );
  }
  const noisy = rows.filter((row) => spread(row.timesMs) > MAX_SPREAD);
  if (noisy.length > 0) {
    const where = noisy.map((row) => `${row.workers || 'main thread'} (${spread(row.timesMs).toFixed(1)}×)`).join(', ');
    warnings.push(
      `The repetitions varied a lot at ${where} worker${noisy.length > 1 || noisy[0]!.workers !== 1 ? 's' : ''}: ` +
        'something else was using the cores. Close other tabs or programs and run again, or use more repetitions.',
    );
  }
  if (rows.length > 0 && rows.every((row) => row.timesMs.length < 2)) {
    warnings.push('One repetition per count shows no spread: use three or more to see how steady the times are.');
  }
  return warnings;
}

/** Slowest over fastest of the repetitions; 1 when there is nothing to compare. */
export function spread(timesMs: readonly number[]): number {
  if (timesMs.length < 2) return 1;
  const min = Math.min(...timesMs);
  return min > 0 ? Math.max(...timesMs) / min : Infinity;
}
