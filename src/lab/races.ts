import { counterBufferBytes, readCount, type CountingWay, type CountTiming } from '../../workers/kernels/counter';
import { createPool, type Pool } from '../pool';

export interface CountingResult {
  way: CountingWay;
  workers: number;
  /** Increments per worker. */
  m: number;
  /** k·M: what the counter must read if no increment is lost. */
  expected: number;
  actual: number;
  /** expected − actual: increments that another worker's write overwrote. */
  lost: number;
  /** From the first worker passing the start barrier to the last one finishing. */
  ms: number;
  /** Increments (lost ones included: they were done, then overwritten) per second, all workers together. */
  opsPerSecond: number;
}

export interface CountingOptions {
  way: CountingWay;
  workers: number;
  m: number;
  signal?: AbortSignal;
  /** Defaults to a fresh pool of `workers` workers, shut down afterwards. */
  pool?: Pool;
}

/**
 * k workers increment one shared counter M times each, all at once: k pinned jobs on k workers (schedule 'static'),
 * so every job has a worker of its own and they meet at the kernel's start barrier.
 */
export async function runCounting({ way, workers, m, signal, pool: given }: CountingOptions): Promise<CountingResult> {
  const pool = given ?? createPool({ size: workers });
  if (pool.size < workers) throw new RangeError(`the pool has ${pool.size} workers, the experiment needs ${workers}`);
  try {
    await pool.whenReady(signal);
    const buffer = new SharedArrayBuffer(counterBufferBytes(workers));
    const jobs = Array.from({ length: workers }, (_, w) => ({
      kernel: 'countShared' as const,
      args: [buffer, way, w, workers, m] as [SharedArrayBuffer, CountingWay, number, number, number],
    }));
    const timings: CountTiming[] = await pool.map(jobs, { schedule: 'static', signal });
    const ms = Math.max(...timings.map((t) => t.finishedAt)) - Math.min(...timings.map((t) => t.startedAt));
    const expected = workers * m;
    const actual = readCount(buffer, way, workers);
    return { way, workers, m, expected, actual, lost: expected - actual, ms, opsPerSecond: expected / (ms / 1000) };
  } finally {
    if (!given) await pool.shutdown({ cancelPending: true });
  }
}
