/**
 * What a view shows of a sweep before and while it runs, apart from the sweep itself: a view can render these
 * without loading the pool, which it loads only when a run starts.
 */
import type { SweepProgress } from './sweep';

/** The row of the main-thread baseline: no worker at all, the page itself computes (and freezes). */
export const MAIN_THREAD = 0;

/**
 * The longest one chunk of a sweep may run: far beyond any chunk a demo's bounds allow on a slow phone, but a kernel
 * that never returns (or a setting no one foresaw) ends with a TimeoutError instead of a run that never ends.
 */
export const CHUNK_TIME_LIMIT_MS = 120_000;

/** The share of the whole sweep done, 0 to 1, counting the current run's finished chunks. */
export function sweepFraction(progress: SweepProgress | null): number {
  if (!progress || progress.runs === 0) return 0;
  const inRun = progress.chunks ? progress.chunksDone / progress.chunks : 0;
  return Math.min(1, (progress.runsDone + inRun) / progress.runs);
}
