import { fib } from '../../workers/kernels/fib';
import { CancelledError, createPool } from '../pool';

export interface AsyncBatchResult {
  /** fib(n) called one after another on the page's thread. */
  sequentialMs: number;
  /** The same calls as N promises awaited together (Promise.all), on the page's thread. */
  promisesMs: number;
  /** The same calls as N jobs on a pool of min(N, cores) workers, started beforehand. */
  workersMs: number;
  workers: number;
  /** Every way computed the same values. */
  matches: boolean;
}

type Way = 'sequential' | 'promises' | 'workers';
const WAYS: readonly Way[] = ['sequential', 'promises', 'workers'];

const timed = async <T>(run: () => T | Promise<T>): Promise<{ ms: number; value: T }> => {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
};

/** Lets the page paint (e.g. "main thread busy…") before the next step blocks it. */
const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 30));

/**
 * The same CPU-bound batch three ways. The promises take as long as the loop: `async` lets one thread wait for many
 * things, but a promise's body still runs on that one thread, one after another — like Python threads under the GIL.
 * Workers are threads of their own and divide the time. The main-thread ways block the page while they run.
 */
export async function asyncBatch({
  n,
  count,
  cores,
  rounds = 2,
  signal,
}: {
  n: number;
  count: number;
  cores: number;
  rounds?: number;
  signal?: AbortSignal;
}): Promise<AsyncBatchResult> {
  const ns = Array.from({ length: count }, () => n);
  const workers = Math.max(1, Math.min(count, cores));
  const pool = createPool({ size: workers });
  try {
    await pool.whenReady(signal);
    // Warm up the workers, so that they do not pay for compiling fib inside their timing.
    await pool.map(
      ns.slice(0, workers).map(() => ({ kernel: 'fibBatch' as const, args: [[Math.min(n, 22)]] as [number[]] })),
      { schedule: 'cyclic' },
    );
    const ways: Record<Way, () => Promise<number[]> | number[]> = {
      sequential: () => ns.map((value) => fib(value)),
      promises: () =>
        Promise.all(
          ns.map(async (value) => {
            await null; // now it is "async": every body runs later, from the microtask queue, still on this thread
            return fib(value);
          }),
        ),
      workers: async () =>
        (
          await pool.map(
            ns.map((value) => ({ kernel: 'fibBatch' as const, args: [[value]] as [number[]] })),
            { signal },
          )
        ).flat(),
    };
    // Every way `rounds` times, interleaved, keeping each one's fastest: the first runs may still pay for compiling,
    // and a busy moment of the machine then hits one round of every way rather than all of one way.
    const best: Record<Way, { ms: number; value: number[] }> = {
      sequential: { ms: Infinity, value: [] },
      promises: { ms: Infinity, value: [] },
      workers: { ms: Infinity, value: [] },
    };
    for (let round = 0; round < rounds; round++) {
      for (const way of WAYS) {
        if (way !== 'workers') await nextFrame(); // let the page paint before the main-thread ways block it
        if (signal?.aborted) throw new CancelledError();
        const timing = await timed(ways[way]);
        if (timing.ms < best[way].ms) best[way] = timing;
      }
    }
    const same = (values: number[]) => values.every((value, i) => value === best.sequential.value[i]);
    return {
      sequentialMs: best.sequential.ms,
      promisesMs: best.promises.ms,
      workersMs: best.workers.ms,
      workers,
      matches: same(best.promises.value) && same(best.workers.value),
    };
  } finally {
    await pool.shutdown({ cancelPending: true });
  }
}
