import { runJob, type Job } from '../../workers/kernels';
import { createPool } from '../pool';

export type Where = 'main' | 'workers';

/**
 * Runs a batch of jobs on the page's own thread (which freezes it: no frame is drawn until the loop ends) or on a
 * pool of workers started beforehand (the page stays live). `onTimingStarts` is called just before the timed part,
 * after the workers are up, so that a frame meter watches the work and not the spawning. Resolves with the ms taken.
 */
export async function runBatch(
  where: Where,
  jobs: readonly Job[],
  { workers, signal, onTimingStarts }: { workers: number; signal?: AbortSignal; onTimingStarts?: () => void },
): Promise<number> {
  if (where === 'main') {
    onTimingStarts?.();
    await new Promise((resolve) => setTimeout(resolve, 50)); // paint "Running…" before the page freezes
    const start = performance.now();
    for (const job of jobs) runJob(job);
    return performance.now() - start;
  }
  const pool = createPool({ size: workers });
  try {
    await pool.whenReady(signal);
    onTimingStarts?.();
    const start = performance.now();
    await pool.map(jobs, { signal });
    return performance.now() - start;
  } finally {
    void pool.shutdown({ cancelPending: true });
  }
}
