import { median } from '../measure/stats';
import { fillSpeedups, progressReporter, summarize, type SweepProgress, type SweepRow } from '../measure/sweep';
import { CancelledError, createPool, type Pool, type PoolOptions } from '../pool';
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
  createPool?: (options: PoolOptions) => Pool;
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
 * Like the speedup sweep (fresh pool per worker count, one discarded warm-up, timed repetitions, every result
 * checked against the first), for runs that move data themselves: the run's own wall time is what counts, so the
 * cutting and assembling on the page are inside it.
 */
export async function modeSweep<R>({
  run,
  equal,
  keep = (value) => value,
  workerCounts,
  repetitions,
  signal,
  onProgress,
  createPool: makePool = createPool,
}: ModeSweepOptions<R>): Promise<ModeSweepResult<R>> {
  if (!Number.isInteger(repetitions) || repetitions < 1) throw new RangeError('repetitions must be ≥ 1');
  const counts = [...new Set([1, ...workerCounts])].sort((a, b) => a - b);
  const { progress, report } = progressReporter((repetitions + 1) * counts.length, onProgress);
  let reference: { value: R } | undefined;
  let mismatches = 0;
  let last: ModeRun<R> | undefined;
  const rows: ModeRow[] = [];
  for (const workers of counts) {
    if (signal?.aborted) throw new CancelledError();
    const pool = makePool({ size: workers });
    try {
      const spawnMs = await pool.ready;
      const timed: ModeRun<R>[] = [];
      let matches = true;
      for (let repetition = 0; repetition <= repetitions; repetition++) {
        report({ workers, warmup: repetition === 0, chunksDone: 0, chunks: 0 });
        const result = await run({
          pool,
          signal,
          onProgress: (chunksDone, chunks) => report({ chunksDone, chunks }),
        });
        if (!reference) reference = { value: keep(result.value) };
        if (!equal(reference.value, result.value)) {
          matches = false;
          mismatches++;
        }
        if (repetition > 0) timed.push(result);
        last = result;
        report({ runsDone: progress.runsDone + 1 });
      }
      const of = (pick: (run: ModeRun<R>) => number) => median(timed.map(pick));
      rows.push({
        ...summarize({ workers, timesMs: timed.map((r) => r.ms), spawnMs, matches }),
        bytesCloned: of((r) => r.bytesCloned),
        bytesCopiedOnPage: of((r) => r.bytesCopiedOnPage),
        pageCopyMs: of((r) => r.pageCopyMs),
        messageMs: of((r) => r.messageMs),
        moveMs: of(moveMs),
        computeMs: of((r) => r.computeMs),
      });
    } finally {
      await pool.shutdown({ cancelPending: true });
    }
  }
  fillSpeedups(rows);
  return { rows, reference: reference!.value, mismatches, runs: progress.runsDone, last: last! };
}
