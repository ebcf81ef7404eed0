import { CancelledError, type Schedule, type TraceEvent } from '../pool';
import { checkRepetitions, Reference, repeat, withBaseline, withPool, type MakePool, type Timed } from './repeat';
import type { Task } from '../tasks/task';
import { efficiency, median, speedup } from './stats';
import { MAIN_THREAD } from './sweepProgress';

export { MAIN_THREAD, sweepFraction } from './sweepProgress';

export interface SweepSettings {
  /** Worker counts to try. The 1-worker run is the baseline of every speedup, so it is always added. */
  workerCounts: readonly number[];
  /** Timed runs per worker count, after one discarded warm-up run. */
  repetitions: number;
  /** Also time the chunks run one after another on the page's own thread (it blocks the page while it runs). */
  includeMainThread?: boolean;
  /** Chunks per worker: more gives finer progress and better balance, at a little messaging cost. */
  chunksPerWorker?: number;
  /** A fixed number of chunks at every worker count (from a chunk size), instead of chunksPerWorker × workers. */
  chunks?: number;
  schedule?: Schedule;
}

export interface SweepProgress {
  /** Runs finished so far (warm-ups included) and in all. */
  runsDone: number;
  runs: number;
  /** The current run: its worker count (0 for the main thread), chunks finished and in all. */
  workers: number;
  warmup: boolean;
  chunksDone: number;
  chunks: number;
}

export interface RunRecord {
  workers: number;
  repetition: number;
  ms: number;
  matches: boolean;
  trace: TraceEvent[];
}

export interface SweepRow {
  /** Worker count, or MAIN_THREAD. */
  workers: number;
  timesMs: number[];
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Median speedup over the 1-worker median, and its spread from the fastest and slowest repetitions. */
  speedup: number;
  speedupMin: number;
  speedupMax: number;
  efficiency: number;
  /** Time to start this many workers until all answered, measured before the timed runs. */
  spawnMs: number;
  /** Every repetition's result equals the reference. */
  matches: boolean;
}

export interface SweepResult<R> {
  rows: SweepRow[];
  runs: RunRecord[];
  /** The 1-worker warm-up's result, which every other run is compared with. */
  reference: R;
  mismatches: number;
}

type TracedRun<R> = Timed<R> & { trace: TraceEvent[] };

/** A run that failed (a chunk past its time limit, a kernel that threw): its worker count and its trace so far. */
export interface FailedRun {
  workers: number;
  trace: TraceEvent[];
}

export interface SweepOptions<P, R> {
  task: Task<P, R>;
  params: P;
  settings: SweepSettings;
  signal?: AbortSignal;
  onProgress?: (progress: SweepProgress) => void;
  /** Makes the pool for each worker count; tests and the benchmark can pass their own. */
  createPool?: MakePool;
  /** Hears of a failed run before the sweep rejects, so its timeline can show where it went wrong. */
  onFailedRun?: (run: FailedRun) => void;
}

/**
 * Runs a task at each worker count: a fresh pool per count (spawn timed apart), one discarded warm-up run, then
 * the timed repetitions. Every result is checked against the first one; a mismatch is reported, never dropped.
 */
export async function sweep<P, R>({
  task,
  params,
  settings,
  signal,
  onProgress,
  createPool,
  onFailedRun,
}: SweepOptions<P, R>): Promise<SweepResult<R>> {
  const { repetitions, includeMainThread = false, chunksPerWorker = 4, chunks, schedule = 'dynamic' } = settings;
  checkRepetitions(repetitions);
  const counts = withBaseline(settings.workerCounts);
  const { progress, report } = progressReporter(
    (repetitions + 1) * (counts.length + (includeMainThread ? 1 : 0)),
    onProgress,
  );
  const reference = new Reference<R>((a, b) => task.equal(a, b));
  const runs: RunRecord[] = [];
  const rows: SweepRow[] = [];

  /** Times `runOnce` at one point of the sweep and adds its row. */
  const measure = async (workers: number, spawnMs: number, runOnce: (repetition: number) => Promise<TracedRun<R>>) => {
    const { timed, matches } = await repeat({
      repetitions,
      reference,
      signal,
      run: runOnce,
      onRun: (run, repetition, same) => {
        runs.push({ workers, repetition, ms: run.ms, matches: same, trace: run.trace });
        report({ runsDone: progress.runsDone + 1 });
      },
    });
    rows.push(summarize({ workers, timesMs: timed.map((run) => run.ms), spawnMs, matches }));
  };

  for (const workers of counts) {
    await withPool(
      workers,
      (pool, spawnMs) =>
        measure(workers, spawnMs, async (repetition) => {
          // Split afresh for every run: a task may hand over buffers that a run detaches.
          const jobs = task.split(params, chunks ?? workers * chunksPerWorker);
          report({ workers, warmup: repetition === 0, chunksDone: 0, chunks: jobs.length });
          const trace: TraceEvent[] = [];
          const start = performance.now();
          const results = await pool
            .map(jobs, {
              signal,
              schedule,
              // Typed-array results (image bands) are moved back rather than copied; other results are unaffected.
              transferResult: true,
              onTrace: (event) => {
                trace.push(event);
                if (event.status === 'done') report({ chunksDone: progress.chunksDone + 1 });
              },
            })
            .catch((error: unknown) => {
              if (!(error instanceof CancelledError)) onFailedRun?.({ workers, trace: [...trace] });
              throw error;
            });
          return { value: task.merge(params, results), ms: performance.now() - start, trace };
        }),
      { signal, createPool },
    );
  }

  if (includeMainThread) {
    // The kernels run in the page only for this baseline: loaded when asked for, not with every demo that sweeps.
    const { runJob } = await import('../../workers/kernels');
    const jobs = task.split(params, 1);
    await measure(MAIN_THREAD, 0, async (repetition) => {
      report({ workers: MAIN_THREAD, warmup: repetition === 0, chunksDone: 0, chunks: jobs.length });
      // Give the page a frame to show that the main thread is about to block, then block it.
      await new Promise((resolve) => setTimeout(resolve, 30));
      if (signal?.aborted) throw new CancelledError();
      const start = performance.now();
      const results = jobs.map((job) => runJob(job));
      const ms = performance.now() - start;
      report({ chunksDone: jobs.length });
      return { value: task.merge(params, results), ms, trace: [] };
    });
  }

  fillSpeedups(rows);
  return { rows, runs, reference: reference.value, mismatches: runs.filter((run) => !run.matches).length };
}

/** Tracks a sweep's progress and hands a copy to the listener on every change. */
export function progressReporter(runs: number, onProgress?: (progress: SweepProgress) => void) {
  const progress: SweepProgress = { runsDone: 0, runs, workers: 1, warmup: true, chunksDone: 0, chunks: 0 };
  const report = (change: Partial<SweepProgress>) => {
    Object.assign(progress, change);
    onProgress?.({ ...progress });
  };
  return { progress, report };
}

/** Fills in every row's speedup, its spread and efficiency, over the 1-worker row's median. */
export function fillSpeedups(rows: SweepRow[]): void {
  const baselineMs = rows.find((r) => r.workers === 1)!.medianMs;
  for (const r of rows) {
    r.speedup = speedup(baselineMs, r.medianMs);
    r.speedupMin = speedup(baselineMs, r.maxMs);
    r.speedupMax = speedup(baselineMs, r.minMs);
    // The main-thread row (0 workers) is one thread, like one worker.
    r.efficiency = efficiency(r.speedup, Math.max(r.workers, 1));
  }
}

/** A row's timing figures; the speedups are filled in once the 1-worker row is known (fillSpeedups). */
export function summarize(partial: Pick<SweepRow, 'workers' | 'timesMs' | 'spawnMs' | 'matches'>): SweepRow {
  return {
    ...partial,
    medianMs: median(partial.timesMs),
    minMs: Math.min(...partial.timesMs),
    maxMs: Math.max(...partial.timesMs),
    speedup: Number.NaN,
    speedupMin: Number.NaN,
    speedupMax: Number.NaN,
    efficiency: Number.NaN,
  };
}
