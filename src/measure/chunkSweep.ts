import { CancelledError, createPool, type Pool, type PoolOptions, type Schedule } from '../pool';
import type { UnevenTask } from '../tasks/uneven';
import { chunkCount } from '../tasks/uneven';
import { median } from './stats';

export interface ChunkSweepRow {
  chunkSize: number;
  chunks: number;
  timesMs: number[];
  medianMs: number;
  minMs: number;
  maxMs: number;
  matches: boolean;
}

export interface ChunkSweepProgress {
  runsDone: number;
  runs: number;
  chunkSize: number;
}

export interface ChunkSweepOptions<P, R> {
  task: UnevenTask<P, R>;
  params: P;
  workers: number;
  schedule: Schedule;
  chunkSizes: readonly number[];
  repetitions: number;
  signal?: AbortSignal;
  onProgress?: (progress: ChunkSweepProgress) => void;
  createPool?: (options: PoolOptions) => Pool;
}

/**
 * Total time against chunk size at one worker count: one pool for the whole sweep (its spawn is not what is
 * measured), a discarded warm-up at each size, then the timed repetitions. Every result is checked against the first.
 */
export async function chunkSweep<P, R>({
  task,
  params,
  workers,
  schedule,
  chunkSizes,
  repetitions,
  signal,
  onProgress,
  createPool: makePool = createPool,
}: ChunkSweepOptions<P, R>): Promise<ChunkSweepRow[]> {
  const pool = makePool({ size: workers });
  const progress = { runsDone: 0, runs: chunkSizes.length * (repetitions + 1), chunkSize: chunkSizes[0] ?? 0 };
  let reference: { value: R } | undefined;
  const rows: ChunkSweepRow[] = [];
  try {
    await pool.ready;
    for (const chunkSize of chunkSizes) {
      const chunks = chunkCount(task.units(params), chunkSize);
      const timesMs: number[] = [];
      let matches = true;
      for (let repetition = 0; repetition <= repetitions; repetition++) {
        if (signal?.aborted) throw new CancelledError();
        onProgress?.({ ...progress, chunkSize });
        const jobs = task.split(params, chunks);
        const start = performance.now();
        const results = await pool.map(jobs, { signal, schedule, transferResult: true });
        const ms = performance.now() - start;
        const value = task.merge(params, results);
        if (!reference) reference = { value };
        matches &&= task.equal(reference.value, value);
        if (repetition > 0) timesMs.push(ms);
        progress.runsDone++;
      }
      rows.push({
        chunkSize,
        chunks,
        timesMs,
        medianMs: median(timesMs),
        minMs: Math.min(...timesMs),
        maxMs: Math.max(...timesMs),
        matches,
      });
    }
  } finally {
    await pool.shutdown({ cancelPending: true });
  }
  return rows;
}

/** Chunk sizes for the sweep: powers of two from 1 up to the whole work (which is one chunk). */
export function defaultChunkSizes(units: number): number[] {
  const sizes = [];
  for (let size = 1; size < units; size *= 2) sizes.push(size);
  return [...sizes, units];
}
