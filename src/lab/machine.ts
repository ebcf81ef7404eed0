/**
 * What the browser says about the machine, checked against what it does: the timer's real resolution, and the worker
 * count where the measured speedup stops growing (browsers may clamp or round `hardwareConcurrency`).
 */

export interface TimerResolution {
  /** The smallest step `performance.now()` was seen to take, in ms. */
  smallestStepMs: number;
  /** The median step between two different readings, in ms. */
  medianStepMs: number;
  steps: number;
}

/**
 * Reads `performance.now()` in a tight loop for `durationMs` and keeps the steps between different readings.
 * Browsers coarsen the clock against timing attacks: about 5 µs when cross-origin isolated, 100 µs otherwise
 * (Chromium also adds jitter, so steps vary).
 */
export function measureTimerResolution(durationMs = 20, now: () => number = () => performance.now()): TimerResolution {
  const steps: number[] = [];
  const start = now();
  let last = start;
  while (last - start < durationMs) {
    const reading = now();
    if (reading !== last) {
      steps.push(reading - last);
      last = reading;
    }
  }
  steps.sort((a, b) => a - b);
  return {
    smallestStepMs: steps[0] ?? Number.NaN,
    medianStepMs: steps[steps.length >> 1] ?? Number.NaN,
    steps: steps.length,
  };
}

/**
 * The worker count where the speedup stops growing: the smallest p that no larger count beats by more than
 * `tolerance` (10 % by default, above the noise of a busy machine). Points need not be sorted.
 */
export function speedupPlateau(points: readonly { workers: number; speedup: number }[], tolerance = 0.1): number {
  const sorted = [...points].sort((a, b) => a.workers - b.workers);
  for (const [i, point] of sorted.entries()) {
    if (sorted.slice(i + 1).every((later) => later.speedup <= point.speedup * (1 + tolerance))) return point.workers;
  }
  return Number.NaN;
}
