import { createPool, SCHEDULES, type Schedule, type TraceEvent } from '../../src/pool';
import { mandelbrotTask, type MandelbrotParams } from '../../src/tasks/mandelbrot';
import { chunkCount } from '../../src/tasks/uneven';
import { fitAmdahl } from '../../src/measure/amdahl';
import { numberOption, workerCountsOption, type BenchRecord, type BenchSuite } from '../record';
import { efficiency, median, speedup } from '../../src/measure/stats';
import { sweep } from '../../src/measure/sweep';
import { idleWhileWaitingMs, summarizeTimeline } from '../../src/measure/timeline';

/** The demo's off-centre region at the benchmark's size: more of the set lies in the lower half of the rows. */
function mandelbrotParams(options: Record<string, string>): MandelbrotParams {
  const side = String(numberOption(options, 'mandelbrot-size', 2048));
  const validation = mandelbrotTask.validate({
    ...mandelbrotTask.defaults,
    width: side,
    height: side,
    maxIterations: String(numberOption(options, 'mandelbrot-iterations', 1000)),
  });
  if (!validation.ok) throw new RangeError(`mandelbrot: ${Object.values(validation.errors).join('; ')}`);
  return validation.params;
}

/**
 * Mandelbrot under each schedule at 1 … cores workers, through the demo's sweep, chunks of a fixed number of rows.
 * The schedules take turns: each round sweeps every schedule once (warm-up, one timed run per worker count), and the
 * figures are medians over the rounds, so a stretch of load from other programs hits all schedules alike.
 * At one worker the three schedules are the same run, so every speedup is taken over the fastest of their three
 * 1-worker medians: one baseline for all, and the least flattering one.
 * Beside time and speedup: the serial fraction fitted on each schedule's speedups and, from the last round's trace,
 * how unevenly the workers were busy (slowest ÷ mean busy time), the share of worker time spent computing, and how
 * long workers idled while chunks they could have run were waiting (summed over the waiting chunks).
 */
export const mandelbrot: BenchSuite = async (options) => {
  const params = mandelbrotParams(options);
  const chunkRows = numberOption(options, 'mandelbrot-chunk', 16);
  const rounds = numberOption(options, 'reps', 3);
  const workerCounts = workerCountsOption(options);
  const times = new Map<string, number[]>();
  const lastTrace = new Map<string, TraceEvent[]>();
  const key = (schedule: Schedule, workers: number) => `${schedule}@${workers}`;
  for (let round = 0; round < rounds; round++) {
    for (const schedule of SCHEDULES) {
      const { runs, mismatches } = await sweep({
        task: mandelbrotTask,
        params,
        settings: { workerCounts, repetitions: 1, chunks: chunkCount(params.height, chunkRows), schedule },
      });
      if (mismatches) throw new Error(`mandelbrot ${schedule}: ${mismatches} runs differ from the 1-worker image`);
      for (const run of runs.filter((r) => r.repetition > 0)) {
        const k = key(schedule, run.workers);
        times.set(k, [...(times.get(k) ?? []), run.ms]);
        lastTrace.set(k, run.trace);
      }
    }
  }
  const medianOf = (schedule: Schedule, workers: number) => median(times.get(key(schedule, workers))!);
  const baselineMs = Math.min(...SCHEDULES.map((schedule) => medianOf(schedule, 1)));
  return SCHEDULES.flatMap((schedule) => {
    const speedups = workerCounts.map((workers) => ({
      workers,
      speedup: speedup(baselineMs, medianOf(schedule, workers)),
    }));
    const serialFraction = fitAmdahl(speedups)?.serialFraction ?? Number.NaN;
    return workerCounts.map((workers, i): BenchRecord => {
      const all = times.get(key(schedule, workers))!;
      const trace = lastTrace.get(key(schedule, workers))!;
      const timeline = summarizeTimeline(trace, workers);
      const busy = timeline.workers.map((w) => w.busyMs);
      const busyTotal = busy.reduce((a, b) => a + b, 0);
      return {
        task: 'mandelbrot',
        schedule,
        size: `${params.width}x${params.height}`,
        chunkRows,
        workers,
        medianMs: medianOf(schedule, workers),
        minMs: Math.min(...all),
        maxMs: Math.max(...all),
        baselineMs,
        speedup: speedups[i]!.speedup,
        efficiency: efficiency(speedups[i]!.speedup, workers),
        serialFraction,
        busyImbalance: Math.max(...busy) / (busyTotal / busy.length),
        // The share of the workers' time spent computing: what the schedule controls, even when other programs
        // slow every worker down alike (they stretch the busy time and the run together).
        utilization: busyTotal / (workers * (timeline.endAt - timeline.startAt)),
        idleWhileWaitingMs: idleWhileWaitingMs(trace, workers),
      };
    });
  });
};

/**
 * The image in 4 static bands on 2 workers: each band's computing time and each worker's total busy time (median of
 * the timed repetitions, after a warm-up). The bands through the set cost far more, so contiguous blocks leave one
 * worker idle.
 */
export const mandelbrotBands: BenchSuite = async (options) => {
  const params = mandelbrotParams(options);
  const reps = numberOption(options, 'reps', 3);
  const pool = createPool({ size: 2 });
  const traces: TraceEvent[][] = [];
  try {
    await pool.ready;
    for (let repetition = 0; repetition <= reps; repetition++) {
      const trace: TraceEvent[] = [];
      await pool.map(mandelbrotTask.split(params, 4), {
        schedule: 'static',
        transferResult: true,
        onTrace: (event) => trace.push(event),
      });
      if (repetition > 0) traces.push(trace);
    }
  } finally {
    await pool.shutdown({ cancelPending: true });
  }
  const bandMs = (band: number) =>
    median(traces.map((trace) => trace.find((e) => e.chunk === band)!).map((e) => e.finishedAt - e.startedAt));
  const workerMs = (worker: number) =>
    median(traces.map((trace) => summarizeTimeline(trace, 2).workers[worker]!.busyMs));
  const common = { task: 'mandelbrot-bands', size: `${params.width}x${params.height}`, speedup: Number.NaN };
  return [
    ...[0, 1, 2, 3].map((band) => ({
      ...common,
      part: `band ${band}`,
      workers: 2,
      worker: Math.floor(band / 2),
      medianMs: bandMs(band),
      efficiency: Number.NaN,
    })),
    ...[0, 1].map((worker) => ({
      ...common,
      part: `worker ${worker} busy`,
      workers: 2,
      worker,
      medianMs: workerMs(worker),
      // The share of the run this worker computed for: the slowest worker sets the run's length.
      efficiency: workerMs(worker) / Math.max(workerMs(0), workerMs(1)),
    })),
  ];
};
