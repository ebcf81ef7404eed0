import { median } from '../measure/stats';
import { fillSpeedups, progressReporter, summarize, type SweepProgress, type SweepRow } from '../measure/sweep';
import {
  checkRepetitions,
  Reference,
  repeat,
  withBaseline,
  withPool,
  withPools,
  type MakePool,
} from '../measure/repeat';
import { CancelledError, type Pool } from '../pool';
import { moveMs, type ModeRun, type RunContext } from './modeRun';

/** A sweep row with the medians of what moved and what computed. */
export interface ModeRow extends SweepRow {
  bytesCloned: number;
  bytesCopiedOnPage: number;
  pageCopyMs: number;
  messageMs: number;
  moveMs: number;
  computeMs: number;
}

export interface ModeSweepOptions<R> {
  /** One run with the context's pool; the sweep times it, so it must do all its data movement inside. */
  run: (context: RunContext) => Promise<ModeRun<R>>;
  equal: (a: R, b: R) => boolean;
  /** Copies a result that the next run would overwrite (shared memory); by default results are kept as they are. */
  keep?: (value: R) => R;
  workerCounts: readonly number[];
  repetitions: number;
  signal?: AbortSignal;
  onProgress?: (progress: SweepProgress) => void;
  createPool?: MakePool;
  /**
   * Round by round instead of worker count by worker count: every count's pool is started first, then each round
   * runs every count once (the warm-up round first). On a shared machine whose load drifts over seconds, this puts
   * the 1-worker and the p-worker runs of a ratio under the same load; one count after another, a drift that hits
   * only the later counts' runs would show up as a speedup (or a loss) of its own.
   */
  interleave?: boolean;
}

export interface ModeSweepResult<R> {
  rows: ModeRow[];
  /** The 1-worker warm-up's result, which every other run is compared with. */
  reference: R;
  mismatches: number;
  runs: number;
  /** The last timed run, as it was: transfer's detached buffers, shared mode's progress counter. */
  last: ModeRun<R>;
}

/**
 * Like the speedup sweep (a fresh pool per worker count, the measuring loop at each), for runs that move data themselves: the run's own wall time is what counts, so the
 * cutting and assembling on the page are inside it.
 */
export async function modeSweep<R>({
  run,
  equal,
  keep,
  workerCounts,
  repetitions,
  signal,
  onProgress,
  createPool,
  interleave = false,
}: ModeSweepOptions<R>): Promise<ModeSweepResult<R>> {
  checkRepetitions(repetitions);
  const counts = withBaseline(workerCounts);
  const { progress, report } = progressReporter((repetitions + 1) * counts.length, onProgress);
  const reference = new Reference(equal, keep);
  let mismatches = 0;
  let last: ModeRun<R> | undefined;
  const start = (pool: Pool, repetition: number) => {
    report({ workers: pool.size, warmup: repetition === 0, chunksDone: 0, chunks: 0 });
    return run({ pool, signal, onProgress: (chunksDone, chunks) => report({ chunksDone, chunks }) });
  };
  const onRun = (result: ModeRun<R>, _: number, same: boolean) => {
    if (!same) mismatches++;
    last = result;
    report({ runsDone: progress.runsDone + 1 });
  };
  const rows: ModeRow[] = [];
  if (interleave) {
    rows.push(...(await inRounds(counts, repetitions, reference, start, onRun, { signal, createPool })));
  } else {
    for (const workers of counts) {
      const row = await withPool(
        workers,
        async (pool, spawnMs) => {
          const { timed, matches } = await repeat({
            repetitions,
            reference,
            signal,
            run: (repetition) => start(pool, repetition),
            onRun,
          });
          return modeRow(workers, timed, spawnMs, matches);
        },
        { signal, createPool },
      );
      rows.push(row);
    }
  }
  fillSpeedups(rows);
  return { rows, reference: reference.value, mismatches, runs: progress.runsDone, last: last! };
}

/**
 * The interleaved sweep's loop: a pool per worker count, all started first; then round after round (round 0 the
 * warm-up), each count's run in turn, checked against the reference as `repeat` does. Returns a row per count.
 */
async function inRounds<R>(
  counts: readonly number[],
  repetitions: number,
  reference: Reference<R>,
  start: (pool: Pool, repetition: number) => Promise<ModeRun<R>>,
  onRun: (result: ModeRun<R>, repetition: number, same: boolean) => void,
  options: { signal?: AbortSignal | undefined; createPool?: MakePool | undefined },
): Promise<ModeRow[]> {
  return withPools(
    counts,
    async (pools, spawnMs) => {
      const timed = counts.map((): ModeRun<R>[] => []);
      const matches = counts.map(() => true);
      for (let repetition = 0; repetition <= repetitions; repetition++) {
        for (const [i, pool] of pools.entries()) {
          if (options.signal?.aborted) throw new CancelledError();
          const result = await start(pool, repetition);
          const same = reference.check(result.value);
          matches[i] &&= same;
          if (repetition > 0) timed[i]!.push(result);
          onRun(result, repetition, same);
        }
      }
      return counts.map((workers, i) => modeRow(workers, timed[i]!, spawnMs[i]!, matches[i]!));
    },
    options,
  );
}

/** A row from one worker count's timed runs: the run times' summary and the medians of what moved and computed. */
function modeRow<R>(workers: number, timed: ModeRun<R>[], spawnMs: number, matches: boolean): ModeRow {
  const of = (pick: (run: ModeRun<R>) => number) => median(timed.map(pick));
  return {
    ...summarize({ workers, timesMs: timed.map((r) => r.ms), spawnMs, matches }),
    bytesCloned: of((r) => r.bytesCloned),
    bytesCopiedOnPage: of((r) => r.bytesCopiedOnPage),
    pageCopyMs: of((r) => r.pageCopyMs),
    messageMs: of((r) => r.messageMs),
    moveMs: of(moveMs),
    computeMs: of((r) => r.computeMs),
  };
}
