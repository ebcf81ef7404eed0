import { median } from '../measure/stats';
import { fillSpeedups, progressReporter, summarize, type SweepProgress, type SweepRow } from '../measure/sweep';
import { checkRepetitions, Reference, repeat, withBaseline, withPool, type MakePool } from '../measure/repeat';
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
}: ModeSweepOptions<R>): Promise<ModeSweepResult<R>> {
  checkRepetitions(repetitions);
  const counts = withBaseline(workerCounts);
  const { progress, report } = progressReporter((repetitions + 1) * counts.length, onProgress);
  const reference = new Reference(equal, keep);
  let mismatches = 0;
  let last: ModeRun<R> | undefined;
  const rows: ModeRow[] = [];
  for (const workers of counts) {
    const row = await withPool(
      workers,
      async (pool, spawnMs) => {
        const { timed, matches } = await repeat({
          repetitions,
          reference,
          signal,
          run: (repetition) => {
            report({ workers, warmup: repetition === 0, chunksDone: 0, chunks: 0 });
            return run({ pool, signal, onProgress: (chunksDone, chunks) => report({ chunksDone, chunks }) });
          },
          onRun: (result, _, same) => {
            if (!same) mismatches++;
            last = result;
            report({ runsDone: progress.runsDone + 1 });
          },
        });
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
      },
      { signal, createPool },
    );
    rows.push(row);
  }
  fillSpeedups(rows);
  return { rows, reference: reference.value, mismatches, runs: progress.runsDone, last: last! };
}
