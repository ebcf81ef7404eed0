import { median } from '../measure/stats';
import { CancelledError, createPool } from '../pool';
import { sumTask } from '../tasks/sum';

export interface GranularityPoint {
  chunks: number;
  /** Median ms for the whole sum, cut into this many chunks, on every worker. */
  ms: number;
  /** Work per chunk: the sum's time in one chunk divided by the chunks. */
  workPerChunkMs: number;
  /** How many times faster than the whole sum as one chunk (on one worker, since one chunk uses one). */
  speedup: number;
  /** The merged sum (of the last run), and whether every run's sum equals the one-chunk sum. */
  sum: number;
  matches: boolean;
}

/** Chunk counts ×4 from 1 up to `maxChunks`. */
export function chunkCounts(maxChunks: number): number[] {
  const counts = [];
  for (let chunks = 1; chunks <= maxChunks; chunks *= 4) counts.push(chunks);
  return counts;
}

/**
 * The same total work — Σ i² for i < n — cut into ever smaller chunks and run by `workers` workers from a dynamic
 * queue. A few chunks keep every worker busy; many tiny ones spend more time in messages than in work, and the
 * speedup falls, below 1 once a chunk's work is smaller than its round trip.
 */
export async function granularitySweep({
  n,
  counts,
  workers,
  repetitions = 3,
  signal,
  onPoint,
}: {
  n: number;
  counts: readonly number[];
  workers: number;
  repetitions?: number;
  signal?: AbortSignal;
  onPoint?: (point: GranularityPoint) => void;
}): Promise<GranularityPoint[]> {
  const params = { n };
  const pool = createPool({ size: workers });
  const points: GranularityPoint[] = [];
  try {
    await pool.ready;
    let reference: number | undefined;
    let wholeMs = Number.NaN;
    for (const chunks of counts) {
      const times: number[] = [];
      let matches = true;
      let sum = Number.NaN;
      for (let rep = -1; rep < repetitions; rep++) {
        if (signal?.aborted) throw new CancelledError();
        const jobs = sumTask.split(params, chunks);
        const start = performance.now();
        const results = await pool.map(jobs, { schedule: 'dynamic', signal });
        if (rep >= 0) times.push(performance.now() - start);
        sum = sumTask.merge(params, results);
        reference ??= sum;
        matches &&= sum === reference;
      }
      const ms = median(times);
      if (points.length === 0) wholeMs = ms; // the first count, 1: the whole sum as one chunk
      const point = { chunks, ms, workPerChunkMs: wholeMs / chunks, speedup: wholeMs / ms, sum, matches };
      points.push(point);
      onPoint?.(point);
    }
    return points;
  } finally {
    await pool.shutdown({ cancelPending: true });
  }
}
