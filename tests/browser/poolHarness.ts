/** What the pool's failure tests share: a worker counter, pools shut down after each test, a time bound. */
import { afterEach } from 'vitest';
import type { Job } from '../../workers/kernels';
import { createPool, type Pool, type PoolOptions } from '../../src/pool';
import { sleep } from '../../src/sleep';

export const computeUrl = new URL('../../workers/compute.worker.ts', import.meta.url);
export const fibJob = (n: number): Job<'fibBatch'> => ({ kernel: 'fibBatch', args: [[n]] });
/** Seconds of work for one worker: still running when a test cancels or times it out. */
export const slowJob = fibJob(40);

/** Counts the workers a pool makes and the ones still alive (made and not yet terminated). */
export class WorkerCounter {
  made = 0;
  live = 0;
  readonly workers: Worker[] = [];
  constructor(private readonly spawn: () => Worker = () => new Worker(computeUrl, { type: 'module' })) {}
  readonly create = (): Worker => {
    const worker = this.spawn();
    this.made++;
    this.live++;
    this.workers.push(worker);
    const terminate = worker.terminate.bind(worker);
    let ended = false;
    worker.terminate = () => {
      if (!ended) this.live--;
      ended = true;
      terminate();
    };
    return worker;
  };
}

/** A pool of `size` workers, counted by `counter`, from `makePool` (a `trackedPools()`), once all have started. */
export async function countedPool(
  makePool: (options: PoolOptions) => Pool,
  size: number,
): Promise<{ counter: WorkerCounter; p: Pool }> {
  const counter = new WorkerCounter();
  const p = makePool({ size, createWorker: counter.create });
  await p.ready;
  return { counter, p };
}

/** Makes pools that are shut down after each test (pending work cancelled), whatever the test left running. */
export function trackedPools(): (options: PoolOptions) => Pool {
  const pools: Pool[] = [];
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.shutdown({ cancelPending: true })));
  });
  return (options) => {
    const created = createPool(options);
    pools.push(created);
    return created;
  };
}

/** `promise` settles within `ms`, or the test fails: what "fails cleanly" means for a start-up. */
export function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    sleep(ms).then(() => {
      throw new Error(`did not settle within ${ms} ms`);
    }),
  ]);
}
