import type { Schedule } from '../pool';
import { Reference, repeat, withPool, type MakePool } from './repeat';
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
  createPool?: MakePool;
}

/**
 * Total time against chunk size at one worker count: one pool for the whole sweep (its spawn is not what is
 * measured), then the measuring loop at each size. Every result is checked against the first.
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
  createPool,
}: ChunkSweepOptions<P, R>): Promise<ChunkSweepRow[]> {
  const progress = { runsDone: 0, runs: chunkSizes.length * (repetitions + 1), chunkSize: chunkSizes[0] ?? 0 };
  const reference = new Reference<R>((a, b) => task.equal(a, b));
  return withPool(
    workers,
    async (pool) => {
      const rows: ChunkSweepRow[] = [];
      for (const chunkSize of chunkSizes) {
        const chunks = chunkCount(task.units(params), chunkSize);
        const { timed, matches } = await repeat({
          repetitions,
          reference,
          signal,
          run: async () => {
            onProgress?.({ ...progress, chunkSize });
            const jobs = task.split(params, chunks);
            const start = performance.now();
            const results = await pool.map(jobs, { signal, schedule, transferResult: true });
            const ms = performance.now() - start;
            return { value: task.merge(params, results), ms };
          },
          onRun: () => progress.runsDone++,
        });
        const timesMs = timed.map((run) => run.ms);
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
      return rows;
    },
    { signal, createPool },
  );
}

/** Chunk sizes for the sweep: powers of two from 1 up to the whole work (which is one chunk). */
export function defaultChunkSizes(units: number): number[] {
  const sizes = [];
  for (let size = 1; size < units; size *= 2) sizes.push(size);
  return [...sizes, units];
}
