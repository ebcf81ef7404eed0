import { afterEach, expect } from 'vitest';
import type { Job } from '../../workers/kernels';
import { createPool, WorkerStartError, type Pool, type PoolOptions } from '../../src/pool';

/** What the pool's failure tests share: counted workers, pools shut down after each test, bounded waits. */

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

const pools: Pool[] = [];
export function pool(options: PoolOptions): Pool {
  const created = createPool(options);
  pools.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.shutdown({ cancelPending: true })));
});

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Makes `count` short-lived objects: pressure that makes the collector run. Returns a number so none is optimised away. */
export function garbage(count: number): number {
  const junk: { i: number }[] = [];
  for (let i = 0; i < count; i++) junk.push({ i });
  return junk.length;
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

/**
 * What every failing start-up must do: `ready` rejects fast with the typed error, work submitted afterwards restarts
 * a bounded number of workers and then rejects with the same error, nothing more is made, and shutdown ends them all.
 */
export async function expectCleanStartFailure(
  counter: WorkerCounter,
  script: string,
  reason: RegExp,
  options: PoolOptions = {},
): Promise<void> {
  const size = 2;
  const maxStartFailures = 3;
  const p = pool({ size, createWorker: counter.create, script, maxStartFailures, ...options });
  // Generous bounds: these machines run several test suites at once. Alone, ready rejects in 50–150 ms.
  const error = await within(3000, p.ready).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(WorkerStartError);
  expect((error as WorkerStartError).message).toContain(script);
  expect((error as WorkerStartError).reason).toMatch(reason);

  const futures = [p.submit(fibJob(5)), p.submit(fibJob(6)), p.submit(fibJob(7))];
  for (const future of futures) await expect(within(5000, future)).rejects.toBeInstanceOf(WorkerStartError);
  await expect(p.submit(fibJob(1))).rejects.toBeInstanceOf(WorkerStartError);
  const made = counter.made;
  expect(made).toBeLessThanOrEqual(size + maxStartFailures);
  await sleep(300); // a restart storm would show here
  expect(counter.made).toBe(made);
  expect(p.stats()).toMatchObject({ busy: 0, pending: 0, completed: 0 });

  await p.shutdown();
  expect(counter.live).toBe(0);
}
