import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../workers/kernels';
import { fib } from '../../workers/kernels/fib';
import {
  CancelledError,
  createPool,
  KernelError,
  PoolClosedError,
  WorkerCrashedError,
  type Pool,
  type TraceEvent,
} from '../../src/pool';
import { SCHEDULES } from '../../src/pool/schedule';

const pools: Pool[] = [];
function pool(size: number, createWorker?: () => Worker): Pool {
  const created = createPool({ size, ...(createWorker && { createWorker }) });
  pools.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.shutdown({ cancelPending: true })));
});

const fibJob = (n: number): Job<'fibBatch'> => ({ kernel: 'fibBatch', args: [[n]] });
/** A chunk that keeps a worker busy for seconds: long enough to still be running when a test cancels it. */
const slowJob = fibJob(40);

describe('the page', () => {
  it('is cross-origin isolated, so SharedArrayBuffer exists', () => {
    expect(crossOriginIsolated).toBe(true);
    expect(typeof SharedArrayBuffer).toBe('function');
  });
});

describe('pool', () => {
  it('starts its workers and reports the spawn time', async () => {
    const p = pool(3);
    const spawnMs = await p.ready;
    expect(spawnMs).toBeGreaterThan(0);
    expect(p.stats()).toMatchObject({ workers: 3, busy: 0, idle: 3, pending: 0 });
  });

  it('defaults its size to hardwareConcurrency', () => {
    const p = pool(navigator.hardwareConcurrency);
    expect(createPool().size).toBe(p.size);
  });

  it.each([0, -1, 1.5])('refuses size %d', (size) => {
    expect(() => createPool({ size })).toThrow(RangeError);
  });

  it('runs on every worker: distinct worker ids in the trace', async () => {
    const p = pool(4);
    await p.ready;
    const trace: TraceEvent[] = [];
    await p.map(
      Array.from({ length: 8 }, () => fibJob(24)),
      { schedule: 'cyclic', onTrace: (event) => trace.push(event) },
    );
    expect(new Set(trace.map((event) => event.worker))).toEqual(new Set([0, 1, 2, 3]));
    for (const event of trace) {
      expect(event.status).toBe('done');
      expect(event.queuedAt).toBeLessThanOrEqual(event.dispatchedAt);
      expect(event.startedAt).toBeLessThanOrEqual(event.finishedAt);
      expect(event.finishedAt).toBeLessThanOrEqual(event.settledAt + 1); // worker and page clocks agree within 1 ms
    }
  });

  it.each(SCHEDULES)('map keeps input order under the %s schedule', async (schedule) => {
    const p = pool(3);
    const ns = [25, 3, 20, 1, 22, 0, 18, 10, 2, 24];
    const results = await p.map(
      ns.map((n) => fibJob(n)),
      { schedule },
    );
    expect(results).toEqual(ns.map((n) => [fib(n)]));
  });

  it('counts exactly: 6 chunks on 4 workers are 4 busy and 2 pending', async () => {
    const p = pool(4);
    await p.ready;
    const futures = Array.from({ length: 6 }, () => p.submit(fibJob(27)));
    expect(p.stats()).toMatchObject({ workers: 4, busy: 4, idle: 0, pending: 2, completed: 0 });
    await Promise.all(futures);
    expect(p.stats()).toMatchObject({ busy: 0, idle: 4, pending: 0, completed: 6, failed: 0, cancelled: 0 });
  });

  it('cancels pending and running work, replaces the busy worker, and runs the next job', async () => {
    const p = pool(1);
    await p.ready;
    const running = p.submit(slowJob);
    const pending = p.submit(slowJob);
    expect(p.stats()).toMatchObject({ busy: 1, pending: 1 });
    expect(pending.cancel()).toBe(true);
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
    expect(p.stats()).toMatchObject({ busy: 1, pending: 0 });
    expect(running.cancel()).toBe(true);
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(running.cancel()).toBe(false);
    expect(p.stats()).toMatchObject({ busy: 0, pending: 0, cancelled: 2, replaced: 1 });
    expect(await p.submit(fibJob(20))).toEqual([6765]);
  });

  it('cancels a whole map through its signal', async () => {
    const p = pool(2);
    await p.ready;
    const controller = new AbortController();
    const run = p.map([slowJob, slowJob, slowJob, slowJob], { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(p.stats()).toMatchObject({ busy: 0, pending: 0, cancelled: 4, replaced: 2 });
    expect(await p.map([fibJob(10), fibJob(11)])).toEqual([[55], [89]]);
  });

  it('rejects only the run whose kernel throws, and stays healthy', async () => {
    const p = pool(2);
    const good = p.map([fibJob(20), fibJob(21)]);
    // The bad run is one chunk: a sibling chunk would be cancelled by the failure, and its worker replaced.
    const bad = p.map([fibJob(99)]);
    await expect(bad).rejects.toBeInstanceOf(KernelError);
    await expect(bad).rejects.toThrow(/fib n must be an integer from 0 to 42, got 99/);
    expect(await good).toEqual([[6765], [10946]]);
    expect(p.stats()).toMatchObject({ replaced: 0, failed: 1 });
    expect(await p.submit(fibJob(5))).toEqual([5]);
  });

  it('replaces a crashed worker and rejects its chunk', async () => {
    let made = 0;
    const crashing = () => {
      made++;
      return made === 1
        ? new Worker(new URL('./fixtures/crashing.worker.ts', import.meta.url), { type: 'module' })
        : new Worker(new URL('../../workers/compute.worker.ts', import.meta.url), { type: 'module' });
    };
    const p = pool(1, crashing);
    await p.ready;
    await expect(p.submit(fibJob(3))).rejects.toBeInstanceOf(WorkerCrashedError);
    expect(p.stats()).toMatchObject({ workers: 1, busy: 0, replaced: 1 });
    expect(await p.submit(fibJob(12))).toEqual([144]);
  });

  it('pins chunks to the worker the schedule names', async () => {
    const p = pool(2);
    const trace: TraceEvent[] = [];
    await p.map(
      Array.from({ length: 6 }, () => fibJob(15)),
      { schedule: 'static', onTrace: (event) => trace.push(event) },
    );
    const byChunk = trace.sort((a, b) => a.chunk - b.chunk).map((event) => event.worker);
    expect(byChunk).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it('moves transferred buffers: the sender is left with a detached buffer', async () => {
    const p = pool(1);
    const data = new Float64Array([1, 2, 3]);
    const echoed = await p.submit({ kernel: 'noop', args: [data] }, { transfer: [data.buffer] });
    expect(data.buffer.byteLength).toBe(0);
    expect(Array.from(echoed as Float64Array)).toEqual([1, 2, 3]);
  });

  it('returns every kind of result as sent, traced or not (a primitive comes back alone, anything else wrapped)', async () => {
    const p = pool(1);
    const values = [0, -2.5, Number.NaN, 'text', true, null, undefined, 10n, [1, [2]], { a: 1 }, new Int32Array([7])];
    for (const onTrace of [undefined, () => {}]) {
      const echoed = await Promise.all(values.map((value) => p.submit({ kernel: 'noop', args: [value] }, { onTrace })));
      expect(echoed).toEqual(values);
    }
    expect(p.stats()).toMatchObject({ completed: 2 * values.length, failed: 0 });
  });

  it('shutdown waits for submitted work, then refuses more', async () => {
    const p = pool(2);
    const futures = [p.submit(fibJob(22)), p.submit(fibJob(23)), p.submit(fibJob(24))];
    await p.shutdown();
    expect(p.stats()).toMatchObject({ completed: 3, pending: 0, busy: 0 });
    expect(await Promise.all(futures)).toEqual([[17711], [28657], [46368]]);
    await expect(p.submit(fibJob(1))).rejects.toBeInstanceOf(PoolClosedError);
  });

  it('shutdown with cancelPending cancels what has not finished', async () => {
    const p = pool(1);
    await p.ready;
    const futures = [p.submit(slowJob), p.submit(slowJob)];
    await p.shutdown({ cancelPending: true });
    for (const future of futures) await expect(future).rejects.toBeInstanceOf(CancelledError);
    expect(p.stats()).toMatchObject({ cancelled: 2, busy: 0, pending: 0 });
  });
});
