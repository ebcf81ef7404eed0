/**
 * Lessons sized to the machine: a short probe measures how fast this machine runs naive fib(n), and the timed
 * defaults are chosen from it, so that a default run lasts about as long as it should here (long enough to time and
 * to feel, short enough not to bore), on a fast laptop as on a slow phone. Pure functions; the probe runs in a worker
 * (workers/calibrate.worker.ts) and `calibration.ts` starts it once per visit.
 */

export const PHI = (1 + Math.sqrt(5)) / 2;

/** What the probe measured: one fib(n) call took `ms`; the cost model is `unitMs · φⁿ` per call. */
export interface FibProbe {
  n: number;
  ms: number;
  unitMs: number;
}

/** The cost of one naive fib(n) call on this machine, by the probe's model. */
export const fibCallMs = (unitMs: number, n: number) => unitMs * PHI ** n;

/**
 * Times fib(n) on this machine. A fresh worker's first calls run several times slower than later ones (the JIT has
 * not yet compiled fib with its optimising tier), so the probe first calls fib for `warmupMs`, growing n until one
 * call takes about `sampleMs` (the timer's resolution is then negligible); it then times batches of `samples` calls of
 * that n and keeps a batch's median, as the sweep does with its repetitions, once the batches stop getting faster.
 * About warmupMs + 2 · samples · sampleMs in all; at most warmupMs + maxBatches · samples · sampleMs.
 */
export function probeFib(
  fib: (n: number) => number,
  now: () => number,
  { warmupMs = 80, sampleMs = 10, samples = 7, maxBatches = 8, startN = 20, maxN = 40, maxCalls = 5000 } = {},
): FibProbe {
  const time = (n: number) => {
    const start = now();
    fib(n);
    return now() - start;
  };
  const begin = now();
  let n = startN;
  for (let calls = 0; now() - begin < warmupMs && calls < maxCalls; calls++) {
    const ms = time(n);
    // Towards sampleMs by the model (φ per step), at most 4 steps at once so one misjudged time cannot overshoot.
    const steps = Math.round(Math.log(sampleMs / Math.max(ms, 0.01)) / Math.log(PHI));
    n = Math.min(maxN, Math.max(startN, n + Math.max(-4, Math.min(4, steps))));
  }
  // Beside a page starting up (or before the optimising compiler, on its background thread, has had its turn), fib
  // may get several times faster after the warm-up: timed batches go on until one is no faster than the best before.
  let ms = Infinity;
  for (let batch = 0; batch < maxBatches; batch++) {
    const times = Array.from({ length: samples }, () => time(n)).sort((a, b) => a - b);
    const median = times[times.length >> 1]!;
    const settled = median >= 0.9 * ms;
    ms = Math.min(ms, median);
    if (settled) break;
  }
  return { n, ms, unitMs: ms / PHI ** n };
}

/** A batch of `k` calls of fib(n), and how long it should take on one worker here. */
export interface FibSizing {
  n: number;
  k: number;
  ms: number;
}

interface SizingOptions {
  targetMs: number;
  nMin: number;
  nMax: number;
  /** The batch sizes allowed, in order of preference when they fit the target equally well. */
  ks: readonly number[];
  preferredK: number;
}

/**
 * The batch whose one-worker time comes closest to the target (on a log scale: 2× too long is as bad as 2× too
 * short), slightly preferring the usual batch size, so that the lesson looks the same on every machine but for n.
 * At the bounds (a very fast or very slow machine) it gives the largest or smallest batch allowed.
 */
export function sizeFibBatch(unitMs: number, options: Partial<SizingOptions> = {}): FibSizing {
  // Batch sizes that are multiples of 4 split evenly over 1, 2 and 4 workers.
  const { targetMs = 1000, nMin = 20, nMax = 40, ks = [8, 12, 16, 24, 32], preferredK = 16 } = options;
  let best: FibSizing & { score: number } = { n: nMin, k: ks[0]!, ms: 0, score: Infinity };
  for (let n = nMin; n <= nMax; n++) {
    for (const k of ks) {
      const ms = k * fibCallMs(unitMs, n);
      const score = Math.abs(Math.log(ms / targetMs)) + 0.1 * Math.abs(Math.log2(k / preferredK));
      if (score < best.score) best = { n, k, ms, score };
    }
  }
  return { n: best.n, k: best.k, ms: best.ms };
}

/** What the sum probe measured: `terms` terms of the sum of squares took `ms`, so `nsPerTerm` a term. */
export interface SumProbe {
  terms: number;
  ms: number;
  nsPerTerm: number;
}

/**
 * Times the sum-of-squares kernel on this machine: ranges that double until one takes about `sampleMs`, for at least
 * `warmupMs` (the JIT's warm-up), then the median of `samples` ranges of that length.
 */
export function probeSum(
  sum: (start: number, end: number) => number,
  now: () => number,
  { warmupMs = 40, sampleMs = 10, samples = 5, startTerms = 1 << 16, maxTerms = 1 << 28, budgetMs = 200 } = {},
): SumProbe {
  const time = (terms: number) => {
    const start = now();
    sum(0, terms);
    return now() - start;
  };
  const begin = now();
  let terms = startTerms;
  // The first calls run in the interpreter, a hundred times slower: a slow call stops the growth only once warm.
  while (now() - begin < budgetMs) {
    if (time(terms) < sampleMs && terms < maxTerms) terms *= 2;
    else if (now() - begin >= warmupMs) break;
  }
  const times = Array.from({ length: samples }, () => time(terms)).sort((a, b) => a - b);
  const ms = Math.max(times[times.length >> 1]!, 1e-3);
  return { terms, ms, nsPerTerm: (ms * 1e6) / terms };
}

/**
 * The Sum task's N: about `targetMs` on one worker here, rounded to 1, 2 or 5 × 10ᵏ, at most 10⁹. Past 2³⁰ the index
 * is no longer a small integer in V8 and each term costs several times more, by an amount the probe's short ranges do
 * not show (measured: 0.6 ns a term promised 1.2 s for N = 2·10⁹, which took 6.7 s), so the probe sizes only the range
 * it measures; on a machine fast enough to want more, the default runs a little under a second.
 */
export function sizeSum(nsPerTerm: number, { targetMs = 1000, min = 1_000_000, max = 1_000_000_000 } = {}) {
  const exact = (targetMs * 1e6) / nsPerTerm;
  const power = 10 ** Math.floor(Math.log10(exact));
  const candidates = [1, 2, 5, 10].map((step) => step * power);
  // The nearest on a log scale, as for the fib batch.
  const n = candidates.reduce((best, next) =>
    Math.abs(Math.log(next / exact)) < Math.abs(Math.log(best / exact)) ? next : best,
  );
  const bounded = Math.min(max, Math.max(min, n));
  return { n: bounded, ms: (bounded * nsPerTerm) / 1e6 };
}

/** The calibrated defaults of the demos that are timed on fib, and of the Sum task. */
export interface Calibration {
  probe: FibProbe;
  /** The sum probe, where it ran (a calibration stored by an older version of the page has none). */
  sumProbe: SumProbe | null;
  /** The Speedup demo's Sum task: about 1 s on one worker. */
  sum: { n: number; ms: number } | null;
  /** The Speedup demo: about 1 s on one worker. */
  speedup: FibSizing;
  /** The frozen page: the main thread blocked for about 2 s (at most fib(34) × 32, the demo's own limit). */
  frozen: FibSizing;
  /** The async batch: its loop about 1 s on the main thread (the promises as long again), at most fib(34) × 16. */
  async: FibSizing;
}

export function calibrationFrom(probe: FibProbe, sumProbe: SumProbe | null = null): Calibration {
  return {
    probe,
    sumProbe,
    sum: sumProbe ? sizeSum(sumProbe.nsPerTerm) : null,
    speedup: sizeFibBatch(probe.unitMs, { targetMs: 1000, nMin: 20, nMax: 40 }),
    frozen: sizeFibBatch(probe.unitMs, {
      targetMs: 2000,
      nMin: 20,
      nMax: 34,
      ks: [4, 6, 8, 10, 12, 14, 16, 20, 24, 32],
      preferredK: 8,
    }),
    async: sizeFibBatch(probe.unitMs, { targetMs: 1000, nMin: 20, nMax: 34, ks: [4, 8, 12, 16], preferredK: 8 }),
  };
}

/** "fib(32) × 16, about 1.1 s on one worker here". */
export function describeFibBatch({ n, k, ms }: FibSizing, where = 'on one worker here'): string {
  return `fib(${n}) × ${k}, about ${formatDuration(ms)} ${where}`;
}

/** "N = 500,000,000, about 1.1 s on one worker here". */
export function describeSum(n: number, ms: number, where = 'on one worker here'): string {
  return `N = ${n.toLocaleString('en')}, about ${formatDuration(ms)} ${where}`;
}

function formatDuration(ms: number): string {
  return ms >= 995 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 10) * 10} ms`;
}

/** A calibration read back from storage, if it has the right shape (anything else is ignored). */
export function parseCalibration(json: string | null): Calibration | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    const { probe, sumProbe } = (value ?? {}) as { probe?: FibProbe; sumProbe?: SumProbe };
    const valid =
      probe && Number.isInteger(probe.n) && probe.ms > 0 && Number.isFinite(probe.unitMs) && probe.unitMs > 0;
    const validSum = sumProbe && Number.isFinite(sumProbe.nsPerTerm) && sumProbe.nsPerTerm > 0;
    return valid ? calibrationFrom(probe, validSum ? sumProbe : null) : null;
  } catch {
    return null;
  }
}
