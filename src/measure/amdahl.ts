/**
 * Amdahl's law fitted on measured speedups. If a fraction f of the one-worker time is serial, p workers give
 * S(p) = 1 / (f + (1 − f)/p). Written for the reciprocal, 1/S = f + (1 − f)/p is linear in f:
 *
 *   1/S − 1/p = f · (1 − 1/p)
 *
 * so the least-squares f over the points (p, S) is Σ (1 − 1/p)(1/S − 1/p) / Σ (1 − 1/p)², clamped to [0, 1].
 * Fitting 1/S (time per unit of work) rather than S weighs every worker count by its time, not by its speedup,
 * which keeps one lucky run at many workers from dominating. Points at p = 1 carry no information (both sides are 0).
 */
export interface SpeedupPoint {
  workers: number;
  speedup: number;
}

export interface AmdahlFit {
  /** The fitted serial fraction f, 0 … 1. */
  serialFraction: number;
  /** Root-mean-square error of the fit on 1/S, a measure of how well the law describes the points. */
  rmsError: number;
  /** How many points with p > 1 the fit used. */
  points: number;
}

/** Fits f, or returns undefined when no point has more than one worker (or a speedup that is not a positive number). */
export function fitAmdahl(points: readonly SpeedupPoint[]): AmdahlFit | undefined {
  const used = points.filter((pt) => pt.workers > 1 && Number.isFinite(pt.speedup) && pt.speedup > 0);
  if (used.length === 0) return undefined;
  let num = 0;
  let den = 0;
  for (const { workers, speedup } of used) {
    const x = 1 - 1 / workers;
    num += x * (1 / speedup - 1 / workers);
    den += x * x;
  }
  const serialFraction = Math.min(1, Math.max(0, num / den));
  const squares = used.reduce(
    (sum, pt) => sum + (1 / pt.speedup - 1 / amdahlSpeedup(serialFraction, pt.workers)) ** 2,
    0,
  );
  return { serialFraction, rmsError: Math.sqrt(squares / used.length), points: used.length };
}

/** Amdahl's speedup at p workers for serial fraction f; p = Infinity gives the ceiling 1/f. */
export function amdahlSpeedup(f: number, workers: number): number {
  return workers === Infinity ? 1 / f : 1 / (f + (1 - f) / workers);
}

/**
 * Gustafson's scaled speedup: if the parallel part of the work grows with p while the serial part stays, p workers
 * do f + (1 − f)·p times the one-worker work in the same time.
 */
export function gustafsonSpeedup(f: number, workers: number): number {
  return f + (1 - f) * workers;
}

/** The worker counts the UI predicts for. */
export const PREDICTION_WORKERS = [8, 16, 64, Infinity] as const;

/** Points of a curve from 1 to maxWorkers, for drawing: every whole count, enough for a smooth line on few cores. */
export function curvePoints(speedupAt: (p: number) => number, maxWorkers: number): [number, number][] {
  const points: [number, number][] = [];
  const steps = 40;
  for (let i = 0; i <= steps; i++) {
    const p = 1 + ((maxWorkers - 1) * i) / steps;
    points.push([p, speedupAt(p)]);
  }
  return points;
}

/**
 * Predictions need this many worker counts above one: through one point any curve of the law passes exactly, and
 * two barely constrain it; three or more put the law to a test.
 */
export const MIN_POINTS_TO_PREDICT = 3;

/**
 * The worker counts to sweep so that a fit can predict, oversubscribed if need be (`1-4` on two cores), or null
 * where even twice the cores cannot give enough counts above one (a one-core machine).
 */
export function countsToPredict(cores: number): string | null {
  const max = 2 * cores;
  return max - 1 >= MIN_POINTS_TO_PREDICT ? `1-${max}` : null;
}
